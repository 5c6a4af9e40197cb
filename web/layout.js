// A small force-directed layout: many-body repulsion (Barnes-Hut quadtree, so a few thousand
// nodes stay fast), springs on links, a pull to the centre, and optional pulls of each node
// toward a target x or y (used for layered pictures and for paths and trails drawn in a row).
// Nodes are plain objects with x, y, vx, vy; `fixed` nodes (dragged by the user) do not move.

const THETA2 = 0.81;      // Barnes-Hut accuracy (theta = 0.9), squared
const DECAY = 0.6;        // velocity kept per tick
const ALPHA_MIN = 0.004;

export class ForceLayout {
  constructor() {
    this.nodes = [];
    this.links = [];
    this.alpha = 0;
    this.charge = -380;
    this.linkDistance = 70;
  }

  /** nodes: [{x, y, ...}]; links: [{source: node, target: node}]. */
  setGraph(nodes, links) {
    this.nodes = nodes;
    this.links = links;
    const degree = new Map();
    for (const l of links) {
      degree.set(l.source, (degree.get(l.source) || 0) + 1);
      degree.set(l.target, (degree.get(l.target) || 0) + 1);
    }
    for (const l of links) {
      const ds = degree.get(l.source), dt = degree.get(l.target);
      l.strength = 1 / Math.min(ds, dt);
      l.bias = ds / (ds + dt);
    }
    for (const n of nodes) {
      if (!Number.isFinite(n.x)) { n.x = (Math.random() - 0.5) * 300; n.y = (Math.random() - 0.5) * 300; }
      n.vx = n.vx || 0; n.vy = n.vy || 0;
    }
  }

  restart(alpha = 1) { this.alpha = Math.max(this.alpha, alpha); }
  get running() { return this.alpha >= ALPHA_MIN; }

  tick() {
    const a = this.alpha;
    if (a < ALPHA_MIN) return false;
    this.applyLinks(a);
    this.applyCharge(a);
    if (this.nodes.length <= 400) this.applyCollision();
    for (const n of this.nodes) {
      const pull = (n.pull || 0.12) * a;
      if (n.tx !== undefined) n.vx += (n.tx - n.x) * pull;
      if (n.ty !== undefined) n.vy += (n.ty - n.y) * pull;
    }
    let cx = 0, cy = 0;
    for (const n of this.nodes) {
      if (n.fixed) { n.vx = n.vy = 0; continue; }
      n.vx *= DECAY; n.vy *= DECAY;
      n.x += n.vx; n.y += n.vy;
      cx += n.x; cy += n.y;
    }
    // Keep the picture centred on (0, 0) unless nodes are pinned by targets or by the user.
    const free = this.nodes.filter((n) => !n.fixed && n.tx === undefined && n.ty === undefined);
    if (free.length === this.nodes.length && free.length) {
      cx /= free.length; cy /= free.length;
      for (const n of free) { n.x -= cx * 0.5; n.y -= cy * 0.5; }
    }
    this.alpha += (0 - a) * 0.0228;
    return true;
  }

  applyLinks(a) {
    for (const l of this.links) {
      const s = l.source, t = l.target;
      let dx = t.x + t.vx - s.x - s.vx || jiggle(), dy = t.y + t.vy - s.y - s.vy || jiggle();
      const d = Math.sqrt(dx * dx + dy * dy);
      const k = ((d - (l.distance || this.linkDistance)) / d) * a * l.strength;
      dx *= k; dy *= k;
      t.vx -= dx * l.bias; t.vy -= dy * l.bias;
      s.vx += dx * (1 - l.bias); s.vy += dy * (1 - l.bias);
    }
  }

  // Keeps nodes from sitting on each other (and their names, which run to the right, a little apart).
  applyCollision() {
    const ns = this.nodes;
    for (let i = 0; i < ns.length; i++) {
      for (let j = i + 1; j < ns.length; j++) {
        const p = ns[i], q = ns[j];
        const dx = q.x - p.x, dy = q.y - p.y;
        if (Math.abs(dx) > 60 || Math.abs(dy) > 20) continue;
        // An ellipse 60 wide and 20 tall around each node: overlap pushes both apart.
        const e = Math.sqrt((dx / 60) ** 2 + (dy / 20) ** 2);
        if (e >= 1) continue;
        const push = (1 - e) * 0.5;
        const ux = e > 1e-6 ? dx / (e * 60) : jiggle() * 1e3, uy = e > 1e-6 ? dy / (e * 20) : jiggle() * 1e3;
        p.vx -= ux * push * 6; p.vy -= uy * push * 2;
        q.vx += ux * push * 6; q.vy += uy * push * 2;
      }
    }
  }

  applyCharge(a) {
    if (this.nodes.length < 2) return;
    const root = buildTree(this.nodes);
    const k = this.charge * a;
    for (const n of this.nodes) {
      const stack = [root];
      while (stack.length) {
        const c = stack.pop();
        if (!c.mass) continue;
        const dx = c.cx - n.x, dy = c.cy - n.y;
        let d2 = dx * dx + dy * dy;
        if (c.points === null && (c.size * c.size) / d2 < THETA2) {
          if (d2 < 1) d2 = 1;
          n.vx += (dx * k * c.mass) / d2; n.vy += (dy * k * c.mass) / d2;
          continue;
        }
        if (c.points !== null) {
          for (const p of c.points) {
            if (p === n) continue;
            let px = p.x - n.x || jiggle(), py = p.y - n.y || jiggle();
            let e2 = px * px + py * py;
            if (e2 < 1) e2 = 1;
            n.vx += (px * k) / e2; n.vy += (py * k) / e2;
          }
          continue;
        }
        for (const child of c.children) if (child) stack.push(child);
      }
    }
  }
}

function jiggle() { return (Math.random() - 0.5) * 1e-3; }

function buildTree(nodes) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    if (n.x < x0) x0 = n.x; if (n.x > x1) x1 = n.x;
    if (n.y < y0) y0 = n.y; if (n.y > y1) y1 = n.y;
  }
  const root = cell(x0, y0, Math.max(x1 - x0, y1 - y0) + 1);
  for (const n of nodes) insert(root, n, 0);
  accumulate(root);
  return root;
}

function cell(x, y, size) { return { x, y, size, points: [], children: null, mass: 0, cx: 0, cy: 0 }; }

function insert(c, n, depth) {
  while (c.points === null) {                    // an inner cell: go down to the quadrant
    const h = c.size / 2;
    const i = (n.x >= c.x + h ? 1 : 0) + (n.y >= c.y + h ? 2 : 0);
    if (!c.children[i]) c.children[i] = cell(c.x + (i & 1 ? h : 0), c.y + (i & 2 ? h : 0), h);
    c = c.children[i];
    depth += 1;
  }
  c.points.push(n);
  if (c.points.length > 1 && depth < 24) {      // split a leaf holding two or more points
    const pts = c.points;
    c.points = null;
    c.children = [null, null, null, null];
    for (const p of pts) insert(c, p, depth);
  }
}

function accumulate(c) {
  if (c.points !== null) {
    for (const p of c.points) { c.mass += 1; c.cx += p.x; c.cy += p.y; }
  } else {
    for (const ch of c.children) {
      if (!ch) continue;
      accumulate(ch);
      c.mass += ch.mass; c.cx += ch.cx * ch.mass; c.cy += ch.cy * ch.mass;
    }
  }
  if (c.mass) { c.cx /= c.mass; c.cy /= c.mass; }
}
