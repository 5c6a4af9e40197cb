// What is on screen, apart from how it is drawn: the nodes and links in view (graph JSON items by
// key), which compounds are folded, and snapshots of all that for undo and redo.
import { foldMap } from "./fold.js";

export const linkKey = (l) => `${l.source}|${l.type}|${l.target}`;

export class ViewModel {
  constructor() {
    this.nodes = new Map();    // key -> graph JSON node
    this.links = new Map();    // linkKey -> graph JSON link
    this.into = new Map();     // folded child key -> compound key
    this.open = new Set();     // compounds whose buildings are shown
  }

  /** Replaces the view with graph JSON `g`; `fold`: fold buildings into compounds. */
  replace(g, { fold = false } = {}) {
    this.nodes.clear(); this.links.clear(); this.into.clear(); this.open.clear();
    this.merge(g);
    if (fold) this.into = foldMap(g);
  }

  /** Adds the nodes and links of `g` not in view yet (links only when both ends are); returns the keys of the new nodes.
   *  (A folded node that comes again stays folded: it was in view already.) */
  merge(g) {
    const added = [];
    for (const n of g.nodes) {
      if (this.nodes.has(n.id)) continue;
      this.nodes.set(n.id, n);
      added.push(n.id);
    }
    for (const l of g.links) {
      if (this.nodes.has(l.source) && this.nodes.has(l.target) && !this.links.has(linkKey(l))) this.links.set(linkKey(l), l);
    }
    return added;
  }

  /** Takes nodes (and their links) out of the view. */
  remove(keys) {
    const gone = new Set(keys);
    for (const k of gone) { this.nodes.delete(k); this.into.delete(k); this.open.delete(k); }
    for (const [k, l] of this.links) if (gone.has(l.source) || gone.has(l.target)) this.links.delete(k);
  }

  isFolded(key) { return this.into.has(key) && !this.open.has(this.into.get(key)); }

  toggleFold(compound) {
    if (this.open.has(compound)) this.open.delete(compound); else this.open.add(compound);
  }

  /** The nodes and links to draw: everything in view but the contents of folded compounds. */
  visible() {
    const nodes = [...this.nodes.values()].filter((n) => !this.isFolded(n.id));
    const keys = new Set(nodes.map((n) => n.id));
    const links = [...this.links.values()].filter((l) => keys.has(l.source) && keys.has(l.target));
    return { nodes, links };
  }

  /** Neighbours that hang on `key` alone (every link they have in view goes to it): what collapsing it takes away. */
  leaves(key) {
    const elsewhere = new Map();  // neighbour -> has a link to another node
    const touching = [...this.links.values()].filter((l) => l.source === key || l.target === key);
    for (const l of touching) elsewhere.set(l.source === key ? l.target : l.source, false);
    for (const l of this.links.values()) {
      if (l.source === key || l.target === key) continue;
      for (const k of [l.source, l.target]) if (elsewhere.has(k)) elsewhere.set(k, true);
    }
    return [...elsewhere].filter(([k, e]) => !e && k !== key).map(([k]) => k);
  }

  snapshot() {
    return { nodes: new Map(this.nodes), links: new Map(this.links), into: new Map(this.into), open: new Set(this.open) };
  }

  restore(s) {
    this.nodes = new Map(s.nodes); this.links = new Map(s.links); this.into = new Map(s.into); this.open = new Set(s.open);
  }

  /** The view as graph JSON (docs/graph-json.md), folded contents included. */
  toGraph() {
    return { nodes: [...this.nodes.values()], links: [...this.links.values()], truncated: false };
  }
}
