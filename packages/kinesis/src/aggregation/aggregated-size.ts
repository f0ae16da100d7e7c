import { KPL_FRAME_BYTES, type UserRecord } from './format';

// Field keys of the schema: (field number << 3) | wire type 2 (length-delimited) or 0 (varint);
// every field number is below 16, so each key is one byte.
const FIELD_KEY_BYTES = 1;

/**
 * The exact size of an aggregated record as it grows, counted the way the stream's record limit
 * counts it: its data (magic bytes, protobuf, MD5) plus its partition key, which is the first
 * user record's. It mirrors what encodeAggregatedRecord writes, so a record can be judged before
 * anything is encoded.
 */
export class AggregatedSize {
  readonly #keyIndexes = new Map<string, number>();
  #protobufBytes = 0;
  #outerKeyBytes = 0;
  #count = 0;

  /** How many user records were added. */
  get count(): number {
    return this.#count;
  }

  /** Data plus outer partition key, in bytes, of the record holding everything added so far. */
  get bytes(): number {
    return this.#outerKeyBytes + KPL_FRAME_BYTES + this.#protobufBytes;
  }

  /** The size the record would have with `record` added, without adding it. */
  bytesWith(record: UserRecord): number {
    const outerKeyBytes =
      this.#count === 0 ? Buffer.byteLength(record.partitionKey, 'utf8') : this.#outerKeyBytes;
    return outerKeyBytes + KPL_FRAME_BYTES + this.#protobufBytes + this.#growth(record);
  }

  add(record: UserRecord): void {
    if (this.#count === 0) this.#outerKeyBytes = Buffer.byteLength(record.partitionKey, 'utf8');
    this.#protobufBytes += this.#growth(record);
    if (!this.#keyIndexes.has(record.partitionKey)) {
      this.#keyIndexes.set(record.partitionKey, this.#keyIndexes.size);
    }
    this.#count++;
  }

  // A new partition key adds an entry to partition_key_table; every record adds an entry to
  // records: { partition_key_index, data }.
  #growth(record: UserRecord): number {
    const knownIndex = this.#keyIndexes.get(record.partitionKey);
    const keyTableEntry =
      knownIndex === undefined ? lengthDelimitedBytes(Buffer.byteLength(record.partitionKey, 'utf8')) : 0;
    const keyIndex = knownIndex ?? this.#keyIndexes.size;
    const recordBody = FIELD_KEY_BYTES + varintBytes(keyIndex) + lengthDelimitedBytes(record.data.length);
    return keyTableEntry + lengthDelimitedBytes(recordBody);
  }
}

/** A length-delimited field: its key, the length as a varint, then the bytes. */
function lengthDelimitedBytes(length: number): number {
  return FIELD_KEY_BYTES + varintBytes(length) + length;
}

/** How many bytes the base-128 varint of a non-negative integer takes. */
export function varintBytes(value: number): number {
  let bytes = 1;
  // Division, not shifts: shifts would cut the value to 32 bits.
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes++;
  return bytes;
}
