export {
  AggregatedRecordError,
  AggregatedSize,
  type AggregateRecordsOptions,
  aggregateRecords,
  type DeaggregatedRecord,
  deaggregate,
  encodeAggregatedRecord,
  isAggregatedRecord,
  KPL_FRAME_BYTES,
  KPL_MAGIC,
  type PackedRecord,
  type UserRecord,
} from './aggregation';
export { createKinesisClient, type KinesisConnection } from './connection';
export { createStreamAndWait, type StreamCapacity, type StreamCreation } from './create-stream';
export { type DeliveryError, KinesisRequestError } from './delivery-error';
export { describeKinesisError } from './describe-kinesis-error';
export { describeRecordError } from './describe-record-error';
export { describeStream, type StreamDescription } from './describe-stream';
export { DEFAULT_MAX_RECORD_BYTES, MAX_RECORDS_PER_REQUEST, MAX_REQUEST_BYTES } from './limits';
export { listOpenShards, type OpenShard } from './list-shards';
export { type OutgoingRecord, putRecords, type RecordOutcome } from './put-records';
export {
  type LatestStreamRecords,
  type ReadLatestOptions,
  readLatestStreamRecords,
  type StreamRecordView,
} from './read-stream-records';
export { mayMeanReshard } from './resharding-codes';
export {
  describeStreamReadFailure,
  STREAM_READ_ACTIONS,
  StreamReadError,
  type StreamReadFailure,
  type StreamReadOperation,
} from './stream-read-error';
export {
  connectionHint,
  type StreamCallFailure,
  type StreamConnectionTest,
  type StreamSummary,
  testStreamConnection,
} from './test-stream-connection';
