// The simulation's agenda: actions ordered by time (then by when they were scheduled), a binary heap.

type Action = (now: number) => void;

interface Entry {
  at: number;
  order: number;
  action: Action;
}

export class Timeline {
  private readonly heap: Entry[] = [];
  private order = 0;

  add(at: number, action: Action): void {
    const heap = this.heap;
    heap.push({ at, order: this.order++, action });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** Runs every action due up to `until` in time order, including those the actions schedule. */
  runUntil(until: number): void {
    for (let next = this.heap[0]; next && next.at <= until; next = this.heap[0]) {
      this.pop();
      next.action(next.at);
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < heap.length && before(heap[l]!, heap[min]!)) min = l;
      if (r < heap.length && before(heap[r]!, heap[min]!)) min = r;
      if (min === i) return;
      [heap[i], heap[min]] = [heap[min]!, heap[i]!];
      i = min;
    }
  }
}

const before = (a: Entry, b: Entry): boolean => a.at < b.at || (a.at === b.at && a.order < b.order);
