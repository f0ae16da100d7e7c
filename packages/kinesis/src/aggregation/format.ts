/** The four bytes every KPL aggregated record starts with. */
export const KPL_MAGIC = Buffer.from([0xf3, 0x89, 0x9a, 0xc2]);

/** An aggregated record ends with the MD5 of its protobuf bytes. */
export const KPL_DIGEST_BYTES = 16;

/** What an aggregated record adds around its protobuf message. */
export const KPL_FRAME_BYTES = KPL_MAGIC.length + KPL_DIGEST_BYTES;

/** One message to send, before aggregation; after deaggregation, one message that was sent. */
export interface UserRecord {
  partitionKey: string;
  data: Buffer;
}
