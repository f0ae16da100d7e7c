import { formatAbsolute } from './format';

/** A piece of server-worded text: words as they are, or a time the text gave as ISO 8601. */
export type TextPart = { text: string } | { time: string };

// An instant as the API words it (Date.toISOString), with the "at " before it: a relative time
// says when by itself ("paused 3 min ago", "stopped in 2 s" reads wrong with "at").
const ISO_TIME = /(?:\bat )?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)/g;

/**
 * Splits a sentence the API words (a health summary, an alert) around the times in it, so the
 * console shows each time as it shows every other: relative, with the exact local time on hover.
 */
export function splitTimes(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(ISO_TIME)) {
    const [whole, time] = match;
    if (time === undefined || Number.isNaN(Date.parse(time))) continue;
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ time });
    from = match.index + whole.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

/** The sentence with each time in the browser's local time, for a tooltip (which holds only text). */
export function localiseTimes(text: string): string {
  return text.replace(ISO_TIME, (whole: string, time: string) =>
    Number.isNaN(Date.parse(time)) ? whole : `${whole.startsWith('at ') ? 'at ' : ''}${formatAbsolute(time)}`,
  );
}
