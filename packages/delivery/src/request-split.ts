import { MAX_RECORDS_PER_REQUEST } from '@shardline/kinesis';

/** Consecutive runs of messages, each within one PutRecords request's record count and size. */
export function splitIntoRequests<T extends { sizeBytes: number }>(
  messages: T[],
  maxRequestBytes: number,
): T[][] {
  const requests: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (
      current.length > 0 &&
      (current.length >= MAX_RECORDS_PER_REQUEST || bytes + message.sizeBytes > maxRequestBytes)
    ) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += message.sizeBytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
