import type { TransformKind } from '@/lib/client/api-types';

export const TRANSFORM_KIND_LABELS: Record<TransformKind, string> = {
  code: 'JavaScript',
  path: 'Path',
};

export const TRANSFORM_KIND_HINTS: Record<TransformKind, string> = {
  code: 'A function (message) => message. It receives { record, changes, action, metadata } and returns what to send, as JSON. It runs in a sandbox: no network, no files, no timers, 50 ms per message.',
  path: 'Sends only that part of the message: record, record.address, changes.price.old, record.items[0].',
};

/** What a new transform starts with, so the shape of a message is in front of the person. */
export const STARTER_BODIES: Record<TransformKind, string> = {
  code: `(message) => {
  // message is { record, changes, action, metadata }
  return message.record;
}`,
  path: 'record',
};
