export { type AggregateRecordsOptions, aggregateRecords, type PackedRecord } from './aggregate-records';
export { AggregatedSize } from './aggregated-size';
export {
  AggregatedRecordError,
  type DeaggregatedRecord,
  deaggregate,
  isAggregatedRecord,
} from './decode-aggregated-record';
export { encodeAggregatedRecord } from './encode-aggregated-record';
export { KPL_FRAME_BYTES, KPL_MAGIC, type UserRecord } from './format';
