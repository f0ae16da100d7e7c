/** PutRecords accepts at most this many records in one request. */
export const MAX_RECORDS_PER_REQUEST = 500;

/** PutRecords request limit, counting every record's data plus its partition key. */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

/** A stream's record size limit (data plus partition key) unless its owner raised it. */
export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

/** How long one request may take, connecting included, when the connection does not say. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
