'use client';

import { splitTimes } from '@/lib/client/times-in-text';
import { RelativeTime } from './relative-time';

/** Server-worded text whose ISO times show as relative times, with the exact local time on hover. */
export function TextWithTimes({ text }: { text: string }) {
  return (
    <>
      {splitTimes(text).map((part, index) =>
        'time' in part ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence, in order.
          <RelativeTime key={index} value={part.time} />
        ) : (
          part.text
        ),
      )}
    </>
  );
}
