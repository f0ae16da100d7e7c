import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aggregateRecords } from './aggregate-records';
import { AggregatedSize, varintBytes } from './aggregated-size';
import { AggregatedRecordError, deaggregate, isAggregatedRecord } from './decode-aggregated-record';
import { encodeAggregatedRecord } from './encode-aggregated-record';
import { KPL_MAGIC, type UserRecord } from './format';

function message(key: string, bytes: number, fill = 'x'): UserRecord {
  return { partitionKey: key, data: Buffer.from(fill.repeat(bytes)) };
}

describe('encodeAggregatedRecord and deaggregate', () => {
  it('round-trips user records in order, keys included, with the KPL frame around them', () => {
    const records = [message('order:1', 10, 'a'), message('order:2', 0), message('ключ', 300, 'é')];
    const data = encodeAggregatedRecord(records);
    expect(data.subarray(0, 4)).toEqual(KPL_MAGIC);
    const protobuf = data.subarray(4, data.length - 16);
    expect(data.subarray(data.length - 16)).toEqual(createHash('md5').update(protobuf).digest());
    expect(isAggregatedRecord(data)).toBe(true);
    expect(deaggregate(data)).toEqual(records);
  });

  it('stores a partition key used twice once', () => {
    const once = encodeAggregatedRecord([message('a-long-partition-key', 5), message('b', 5)]);
    const twice = encodeAggregatedRecord([
      message('a-long-partition-key', 5),
      message('a-long-partition-key', 5),
    ]);
    expect(twice.length).toBeLessThan(once.length);
    expect(deaggregate(twice).map((record) => record.partitionKey)).toEqual([
      'a-long-partition-key',
      'a-long-partition-key',
    ]);
  });

  it('takes plain JSON and a damaged aggregate as not aggregated, and says why it cannot deaggregate them', () => {
    expect(isAggregatedRecord(Buffer.from('{"record":{"id":1}}'))).toBe(false);
    const damaged = encodeAggregatedRecord([message('a', 4), message('b', 4)]);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 20) ^ 0xff, damaged.length - 20);
    expect(isAggregatedRecord(damaged)).toBe(false);
    expect(() => deaggregate(damaged)).toThrow(AggregatedRecordError);
    expect(() => deaggregate(damaged)).toThrow(/F3 89 9A C2.*MD5/);
  });

  it('names a user record that points past the key table', () => {
    // A hand-made protobuf: records { partition_key_index: 3, data: "x" } and an empty key table.
    const protobuf = Buffer.from([0x1a, 0x05, 0x08, 0x03, 0x1a, 0x01, 0x78]);
    const data = Buffer.concat([KPL_MAGIC, protobuf, createHash('md5').update(protobuf).digest()]);
    expect(() => deaggregate(data)).toThrow(/user record 0 points at partition key 3, but the table has 0/);
  });
});

describe('AggregatedSize', () => {
  it('equals the encoded length plus the outer partition key, whatever the sizes', () => {
    // Data lengths around varint steps (127/128, 16383/16384) and many keys (index 127/128).
    const lengths = [0, 1, 127, 128, 16_383, 16_384, 70_000];
    const records: UserRecord[] = [];
    for (let index = 0; index < 200; index++) {
      const key = index % 7 === 0 ? 'shared' : `group-${'k'.repeat(index % 130)}-${index}`;
      records.push(message(key, lengths[index % lengths.length] ?? 0));
    }
    const size = new AggregatedSize();
    for (const [index, record] of records.entries()) {
      const predicted = size.bytesWith(record);
      size.add(record);
      expect(size.bytes).toBe(predicted);
      const included = records.slice(0, index + 1);
      expect(size.bytes).toBe(encodeAggregatedRecord(included).length + Buffer.byteLength('shared'));
    }
  });

  it('counts partition keys in UTF-8 bytes', () => {
    const size = new AggregatedSize();
    size.add(message('ü', 3));
    size.add(message('日本', 3));
    expect(size.bytes).toBe(
      encodeAggregatedRecord([message('ü', 3), message('日本', 3)]).length + Buffer.byteLength('ü'),
    );
  });

  it('counts varints past 32 bits', () => {
    expect(varintBytes(0)).toBe(1);
    expect(varintBytes(127)).toBe(1);
    expect(varintBytes(128)).toBe(2);
    expect(varintBytes(2 ** 35)).toBe(6);
  });
});

describe('aggregateRecords', () => {
  const limit = 1024;

  it('packs small messages into one aggregated record keyed by the first', () => {
    const records = Array.from({ length: 20 }, (_, index) => message(`order:${index}`, 20));
    const packed = aggregateRecords(records, { maxRecordBytes: limit });
    expect(packed).toHaveLength(1);
    const [only] = packed;
    expect(only?.aggregated).toBe(true);
    expect(only?.partitionKey).toBe('order:0');
    expect(only?.userRecords).toEqual(records);
    expect(deaggregate(only?.data ?? Buffer.alloc(0))).toEqual(records);
  });

  it('fills each record up to the limit, keeps order across records, and sizes each exactly', () => {
    const records = Array.from({ length: 300 }, (_, index) =>
      message(`customer:${index}`, 10 + ((index * 37) % 90), String.fromCharCode(97 + (index % 26))),
    );
    const packed = aggregateRecords(records, { maxRecordBytes: limit });
    expect(packed.length).toBeGreaterThan(1);
    for (const [index, record] of packed.entries()) {
      expect(record.sizeBytes).toBe(record.data.length + Buffer.byteLength(record.partitionKey));
      expect(record.sizeBytes).toBeLessThanOrEqual(limit);
      expect(record.partitionKey).toBe(record.userRecords[0]?.partitionKey);
      const next = packed[index + 1]?.userRecords[0];
      // Full: the next record's first message would not have fitted.
      if (next) {
        expect(
          encodeAggregatedRecord([...record.userRecords, next]).length +
            Buffer.byteLength(record.partitionKey),
        ).toBeGreaterThan(limit);
      }
    }
    const unpacked = packed.flatMap((record) =>
      record.aggregated ? deaggregate(record.data) : record.userRecords,
    );
    expect(unpacked).toEqual(records);
    expect(packed.flatMap((record) => record.userRecords)).toEqual(records);
  });

  it('sends a lone message plain', () => {
    const record = message('order:1', 30);
    expect(aggregateRecords([record], { maxRecordBytes: limit })).toEqual([
      { partitionKey: 'order:1', data: record.data, sizeBytes: 37, aggregated: false, userRecords: [record] },
    ]);
  });

  it('sends plain, alone, a message that fits the limit only without the aggregate frame', () => {
    const small = message('a', 10);
    // 1 + 1,020 = 1,021 bytes plain; aggregated it would pass 1,024.
    const large = message('b', 1_020);
    const packed = aggregateRecords([small, message('c', 10), large, small], { maxRecordBytes: limit });
    expect(packed.map((record) => [record.aggregated, record.userRecords.length])).toEqual([
      [true, 2],
      [false, 1],
      [false, 1],
    ]);
    expect(packed[1]?.data).toBe(large.data);
  });

  it('returns an oversize message alone and plain, so its own size error is reported', () => {
    const oversize = message('big', 2_000);
    const packed = aggregateRecords([message('a', 10), oversize, message('b', 10)], {
      maxRecordBytes: limit,
    });
    expect(packed.map((record) => record.userRecords)).toEqual([
      [expect.objectContaining({ partitionKey: 'a' })],
      [oversize],
      [expect.objectContaining({ partitionKey: 'b' })],
    ]);
    expect(packed[1]?.sizeBytes).toBe(2_003);
  });

  it('returns nothing for nothing', () => {
    expect(aggregateRecords([], { maxRecordBytes: limit })).toEqual([]);
  });
});
