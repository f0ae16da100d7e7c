import protobuf from 'protobufjs';

// The schema the Kinesis Producer Library publishes for its aggregated records (its
// aggregation-format.md), kept verbatim so every KPL-aware consumer reads what we write. It is
// text in code, not a .proto file read at run time, so bundlers see no file to carry along.
const KPL_AGGREGATION_PROTO = `
syntax = "proto2";

message AggregatedRecord {
  repeated string partition_key_table     = 1;
  repeated string explicit_hash_key_table = 2;
  repeated Record records                 = 3;
}

message Tag {
  required string key   = 1;
  optional string value = 2;
}

message Record {
  required uint64 partition_key_index     = 1;
  optional uint64 explicit_hash_key_index = 2;
  required bytes  data                    = 3;
  repeated Tag    tags                    = 4;
}
`;

/** The AggregatedRecord message type; its bytes sit between the magic bytes and the MD5. */
export const AggregatedRecordType = protobuf
  // keepCase: field names as the schema spells them, as other implementations read them.
  .parse(KPL_AGGREGATION_PROTO, { keepCase: true })
  .root.lookupType('AggregatedRecord');

/** AggregatedRecord as protobufjs takes and gives it (field names as in the schema). */
export interface AggregatedRecordMessage {
  partition_key_table: string[];
  explicit_hash_key_table: string[];
  records: Array<{
    partition_key_index: number;
    explicit_hash_key_index?: number;
    data: Uint8Array;
  }>;
}
