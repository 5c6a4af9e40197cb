// Undo and redo: a bounded list of snapshots of the view. The page pushes the state it is about
// to leave; undo hands back the previous one and keeps the current for redo.

export class History {
  constructor(limit = 50) {
    this.limit = limit;
    this.past = [];
    this.future = [];
  }

  /** Records `state` (the one being left) before a change; a new change forgets what was undone. */
  push(state) {
    this.past.push(state);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }

  /** The state to go back to, given the current one (kept for redo); null when there is none. */
  undo(current) {
    if (!this.past.length) return null;
    this.future.push(current);
    return this.past.pop();
  }

  redo(current) {
    if (!this.future.length) return null;
    this.past.push(current);
    return this.future.pop();
  }

  clear() { this.past = []; this.future = []; }
}
