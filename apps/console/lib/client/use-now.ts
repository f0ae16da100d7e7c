'use client';

import { useSyncExternalStore } from 'react';

// One clock for every relative time on the page, rather than a timer per cell of a long table.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    // The clock stood still while nothing showed a time: a time shown now would be measured
    // from then (a failure a moment ago read "in 3 s"). React reads the snapshot again once
    // subscribed, so the first render is corrected at once.
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, updated every second. */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
}
