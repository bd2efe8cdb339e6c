/** What simulated people will do, and when (simulated time). Ties run in the order they were planned. */
export class Agenda {
  #items: { at: number; seq: number; run: () => Promise<void> }[] = [];
  #seq = 0;

  add(at: number, run: () => Promise<void>): void {
    this.#items.push({ at, seq: this.#seq++, run });
  }

  /** Removes and returns the earliest item due at or before `limit`. */
  take(limit: number): { at: number; run: () => Promise<void> } | undefined {
    let best = -1;
    for (let i = 0; i < this.#items.length; i += 1) {
      const item = this.#items[i]!;
      if (item.at > limit) continue;
      const current = this.#items[best];
      if (!current || item.at < current.at || (item.at === current.at && item.seq < current.seq)) best = i;
    }
    if (best < 0) return undefined;
    return this.#items.splice(best, 1)[0];
  }
}
