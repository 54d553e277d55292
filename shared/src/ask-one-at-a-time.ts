// Asking for a list again as changes come, without one ask per change: a burst of changes (a gathered
// hall message carries several) costs the hub two asks at most, however long it is.

/**
 * `ask` run one at a time: a call while it runs is answered by one more run after it, and runs are at
 * least `everyMs` apart while calls keep coming. A window's caller asks for its queue this way: when
 * tickets come fast, every caller asking after each would cost the hub more than the tickets (a long
 * queue is ordered afresh each time).
 */
export function askOneAtATime(ask: () => Promise<void>, everyMs = 0): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const asked = Date.now();
        await ask();
        const wait = asked + everyMs - Date.now();
        if (again && wait > 0) await new Promise((r) => setTimeout(r, wait));
      } while (again);
    } finally {
      running = false;
    }
  };
}
