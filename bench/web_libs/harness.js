// Shared measurement for every candidate page: first render (data in, first frame painted) and
// frame times while panning (the interval between animation frames, one pan step per frame).
// Each page defines `lib = {render(graph) -> Promise, panBy(dx, dy), stop?()}` and calls install(lib).
const frame = () => new Promise((r) => requestAnimationFrame(r));

let longest = 0;
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); })
    .observe({ type: "longtask", buffered: true });
} catch (e) { /* no long-task timing: longest stays 0 */ }

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

const PAN_BUDGET_MS = 20_000;  // a library this slow has said enough: stop panning after 20 s

async function panFrames(lib, frames) {
  const intervals = [];
  let last = await frame();
  const t0 = last;
  for (let i = 0; i < frames && last - t0 < PAN_BUDGET_MS; i++) {
    lib.panBy(i % 60 < 30 ? 6 : -6, i % 40 < 20 ? 3 : -3);
    const now = await frame();
    intervals.push(now - last);
    last = now;
  }
  return { ...stats(intervals), frames: intervals.length };
}

export function install(lib) {
  window.bench = async (graph, { frames = 60 } = {}) => {
    await frame();
    longest = 0;
    const t0 = performance.now();
    await lib.render(graph);
    await frame();
    await frame();
    const first = performance.now() - t0;
    const renderLongest = longest;
    longest = 0;
    if (lib.panStart) lib.panStart();
    const pan = await panFrames(lib, frames);
    if (lib.panEnd) pan.library = lib.panEnd();
    const out = { first_render_ms: first, longest_task_render_ms: renderLongest, pan_ms: pan,
                  longest_task_pan_ms: longest };
    if (lib.stop) {  // today's page: its layout animates after the first paint; pan again once it is stopped
      lib.stop();
      await frame();
      out.pan_layout_stopped_ms = await panFrames(lib, frames);
    }
    if (lib.info) out.info = lib.info();
    return out;
  };
  window.benchReady = true;
}
