'use client';

/** Turns the 3-second refresh of the page's live views on and off. */
export function LiveSwitch({ live, onChange }: { live: boolean; onChange: (live: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        role="switch"
        aria-checked={live}
        checked={live}
        onChange={(event) => onChange(event.target.checked)}
        data-testid="live-toggle"
      />
      Live (every 3 s)
      {live && <span className="size-2 animate-pulse rounded-full bg-green-500" aria-hidden="true" />}
    </label>
  );
}
