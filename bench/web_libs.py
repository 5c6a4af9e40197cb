"""Which graph library should draw the page? Measures, in one run and with the same synthetic
graph JSON, first-render time and frame time while panning at 300, 2,000 and 10,000 elements
(nodes + links) in headless Chromium, for the candidates (Cytoscape.js canvas and WebGL, AntV G6 5,
sigma.js + graphology), for the page as it was before issue 12 (its SVG renderer and force
layout, taken from git at TODAY) and for this branch's page (web/canvas.js on Cytoscape.js, with
its names-by-zoom pass and batched loading).

    npm ci --prefix bench/web_libs      # the candidates, pinned in bench/web_libs/package-lock.json
    .venv/bin/python bench/web_libs.py  # writes bench/results/web_libs.json, prints a table

First render: from the parsed graph JSON to two animation frames after the library says it has
drawn (positions come with the data, so this is the renderer; today's page runs its own layout
for its 250 ms budget before its first paint, as it does on the page). Frame time: the interval
between animation frames while the view is panned a few pixels every frame, at fit zoom (all
of it on screen): median, 95th percentile and worst. Longest task: the longest main-thread task
(PerformanceObserver 'longtask'), what decides whether the tab freezes. A run pans for 60 frames
or 20 s, whichever comes first; the libraries that take tens of seconds a run at 10,000 (today's
page, Cytoscape's WebGL renderer under SwiftShader, G6) are measured once there, the others three
times (medians).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import math
import os
import platform
import random
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "web_libs"
OUT = ROOT / "bench" / "results" / "web_libs.json"
TODAY = "b022c1d"  # the last commit with the hand-written web/view.js and web/layout.js
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SIZES = [300, 2000, 10_000]
LIBS = {  # name -> page (under bench/web_libs/)
    "today": "today.html",
    "cytoscape": "cytoscape.html",
    "cytoscape-webgl": "cytoscape.html?webgl=1",
    "g6": "g6.html",
    "sigma": "sigma.html",
    "page": "page.html",  # this branch's page: web/canvas.js on Cytoscape.js, as the page draws
}
LABELS = [
    ("Community", "#e64a19"),
    ("Grid", "#fb8c00"),
    ("Compound", "#43a047"),
    ("Building", "#9e9d24"),
    ("PartyOrg", "#c62828"),
    ("Unit", "#8e24aa"),
    ("Person", "#546e7a"),
    ("Issue", "#d81b60"),
]


def synthetic_graph(elements: int, seed: int = 12) -> dict:
    """Graph JSON (docs/graph-json.md) shaped like a community picture: a tree of areas and
    organizations (every node links to one parent) plus cross links, 1.5 links per node as in the
    xinluo 天马社区 picture (285 nodes, 423 links). Positions on a sunflower spiral in tree order,
    ~40 px apart, so every library draws the same picture."""
    rng = random.Random(seed)
    n = round(elements / 2.5)
    m = elements - n
    nodes, links = [], []
    for i in range(n):
        label, color = LABELS[min(len(LABELS) - 1, int(math.log(i + 1, 4)))]
        r, a = 40 * math.sqrt(i), i * 2.399963
        nodes.append(
            {
                "id": f"{label}:{i}",
                "label": label,
                "labels": [label],
                "name": f"天马{label}{i}号",
                "properties": {"id": str(i)},
                "color": color,
                "x": round(r * math.cos(a), 1),
                "y": round(r * math.sin(a), 1),
            }
        )
    for i in range(1, n):
        links.append(
            {"source": nodes[i]["id"], "target": nodes[(i - 1) // 4]["id"], "type": "PART_OF", "properties": {}}
        )
    while len(links) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            links.append({"source": nodes[a]["id"], "target": nodes[b]["id"], "type": "SERVES", "properties": {}})
    return {"nodes": nodes, "links": links, "truncated": False}


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    for port in range(17811, 17830):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
            break
        except OSError:
            continue
    else:
        raise SystemExit("no free port in 17811..17829")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}"


def site(tmp: Path) -> Path:
    """The served folder: bench/web_libs, web/ (this branch's page), and today's page as it was at
    TODAY (from git)."""
    (tmp / "bench").mkdir()
    (tmp / "bench" / "web_libs").symlink_to(HERE)
    (tmp / "web").symlink_to(ROOT / "web")
    today = tmp / "web-today"
    today.mkdir()
    for f in ("view.js", "layout.js", "style.css"):
        (today / f).write_bytes(subprocess.check_output(["git", "-C", str(ROOT), "show", f"{TODAY}:web/{f}"]))
    return tmp


def chromium_version() -> str:
    try:
        return subprocess.check_output([CHROMIUM, "--version"], text=True, stderr=subprocess.DEVNULL).strip()
    except OSError:
        return "?"


def summarize(runs: list[dict]) -> dict:
    out: dict = {}
    for lib in LIBS:
        for size in SIZES:
            rs = [r for r in runs if r["lib"] == lib and r["elements"] == size and "error" not in r]
            if not rs:
                continue

            def med(f, rs=rs):
                return round(statistics.median(f(r) for r in rs), 1)

            s = {
                "runs": len(rs),
                "first_render_ms": med(lambda r: r["first_render_ms"]),
                "pan_median_ms": med(lambda r: r["pan_ms"]["median"]),
                "pan_p95_ms": med(lambda r: r["pan_ms"]["p95"]),
                "pan_max_ms": med(lambda r: r["pan_ms"]["max"]),
                "longest_task_ms": med(lambda r: max(r["longest_task_render_ms"], r["longest_task_pan_ms"])),
            }
            if "mean_redraw_ms" in rs[0]["pan_ms"].get("library", {}):
                s["redraw_ms"] = med(lambda r: r["pan_ms"]["library"]["mean_redraw_ms"])
            if "pan_layout_stopped_ms" in rs[0]:
                s["pan_layout_stopped_median_ms"] = med(lambda r: r["pan_layout_stopped_ms"]["median"])
            out.setdefault(lib, {})[str(size)] = s
    for lib, sizes in out.items():  # ratios against today's page (today / lib: above 1 is faster)
        for size, s in sizes.items():
            t = out.get("today", {}).get(size)
            if t and lib != "today":
                s["first_render_speedup_vs_today"] = round(t["first_render_ms"] / s["first_render_ms"], 2)
                s["pan_speedup_vs_today"] = round(t["pan_median_ms"] / s["pan_median_ms"], 2)
    return out


def table(summary: dict) -> str:
    lines = [
        "| library | elements | first render ms | pan frame ms (median / p95) | longest task ms "
        "| vs today (render / pan) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    # Cytoscape draws in its own frame loop: its mean redraw while panning is given beside the frame time.
    for lib, sizes in summary.items():
        for size, s in sizes.items():
            ratio = (
                f"{s['first_render_speedup_vs_today']}× / {s['pan_speedup_vs_today']}×"
                if "pan_speedup_vs_today" in s
                else "1× / 1×"
            )
            pan = f"{s['pan_median_ms']} / {s['pan_p95_ms']}"
            if "pan_layout_stopped_median_ms" in s:
                pan += f" (layout stopped: {s['pan_layout_stopped_median_ms']})"
            if "redraw_ms" in s:
                pan += f" (redraw {s['redraw_ms']})"
            lines.append(
                f"| {lib} | {int(size):,} | {s['first_render_ms']} | {pan} | {s['longest_task_ms']} | {ratio} |"
            )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=3, help="runs per library and size (today's page at 10,000: one)")
    ap.add_argument("--frames", type=int, default=60, help="animation frames panned per run")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated element counts")
    ap.add_argument("--libs", default=",".join(LIBS), help="comma-separated subset of " + ", ".join(LIBS))
    args = ap.parse_args()
    if not (HERE / "node_modules").is_dir() or not (ROOT / "web" / "node_modules").is_dir():
        raise SystemExit("npm ci --prefix bench/web_libs and make web-deps first")
    from playwright.sync_api import sync_playwright

    libs = [name for name in args.libs.split(",") if name]
    sizes = [int(s) for s in args.sizes.split(",") if s]
    graphs = {size: synthetic_graph(size) for size in sizes}
    runs: list[dict] = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        server, base = serve(site(Path(tmp)))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)  # a fresh profile of its own
                for size in sizes:
                    for rep in range(args.repeats):
                        for lib in libs:  # interleaved, so machine noise falls on every library alike
                            # The slowest at 10,000 (tens of seconds a run) are measured once there.
                            if lib in ("today", "cytoscape-webgl", "g6") and size == 10_000 and rep > 0:
                                continue
                            page = browser.new_page(viewport={"width": 1100, "height": 800})
                            page.set_default_timeout(300_000)
                            errors: list[str] = []
                            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                            t0 = time.monotonic()
                            row = {
                                "lib": lib,
                                "elements": size,
                                "nodes": len(graphs[size]["nodes"]),
                                "links": len(graphs[size]["links"]),
                                "repeat": rep,
                            }
                            try:
                                page.goto(f"{base}/bench/web_libs/{LIBS[lib]}")
                                page.wait_for_function("window.benchReady === true")
                                row.update(
                                    page.evaluate(
                                        "([g, f]) => window.bench(g, { frames: f })", [graphs[size], args.frames]
                                    )
                                )
                            except Exception as exc:  # a library that fails is a result too
                                row["error"] = str(exc).splitlines()[0]
                            if errors:
                                row["page_errors"] = errors
                            row["wall_s"] = round(time.monotonic() - t0, 1)
                            page.close()
                            runs.append(row)
                            print(
                                f"{lib:16} {size:>6} rep {rep}: "
                                + (
                                    row.get("error")
                                    or f"first {row['first_render_ms']:.0f} ms, "
                                    f"pan median {row['pan_ms']['median']:.1f} ms"
                                ),
                                flush=True,
                            )
                browser.close()
        finally:
            server.shutdown()
    summary = summarize(runs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "what": "bench/web_libs.py: first render and pan frame times per graph library, "
                "same synthetic graph JSON",
                "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "machine": {
                    "cores": os.cpu_count(),
                    "platform": platform.platform(),
                    "browser": chromium_version(),
                    "flags": ARGS,
                    "viewport": [1100, 800],
                    "load_average_1_5_15_before": load_before,
                    "load_average_1_5_15_after": os.getloadavg(),
                },
                "today_commit": TODAY,
                "sizes": SIZES,
                "summary": summary,
                "runs": runs,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )
    print(table(summary))
    print(f"raw numbers: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
