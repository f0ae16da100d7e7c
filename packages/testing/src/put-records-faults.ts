/** The PutRecords wire shapes (JSON 1.1) the fault proxy rewrites. */
export interface PutRecordsRequestBody {
  Records: { Data: string; PartitionKey: string; ExplicitHashKey?: string }[];
  [other: string]: unknown;
}

export type PutRecordsResultEntry =
  | { SequenceNumber: string; ShardId: string }
  | { ErrorCode: string; ErrorMessage: string };

export interface PutRecordsResponseBody {
  FailedRecordCount: number;
  Records: PutRecordsResultEntry[];
  [other: string]: unknown;
}

export interface RecordFault {
  errorCode: string;
  errorMessage: string;
}

/** Decides, per record, whether the proxy fails it; `data` is the record's bytes as UTF-8. */
export type RecordFaultRule = (
  record: { partitionKey: string; data: string },
  index: number,
) => RecordFault | null;

export interface PutRecordsSplit {
  /** Original index → injected failure. */
  faults: Map<number, RecordFault>;
  /** Original indices of the records that go to the emulator, in request order. */
  forwardedIndices: number[];
  forwardBody: PutRecordsRequestBody;
}

export function splitPutRecords(body: PutRecordsRequestBody, rule: RecordFaultRule): PutRecordsSplit {
  const faults = new Map<number, RecordFault>();
  const forwardedIndices: number[] = [];
  body.Records.forEach((record, index) => {
    const data = Buffer.from(record.Data, 'base64').toString('utf8');
    const fault = rule({ partitionKey: record.PartitionKey, data }, index);
    if (fault) faults.set(index, fault);
    else forwardedIndices.push(index);
  });
  const forwardBody = {
    ...body,
    Records: forwardedIndices.map((index) => body.Records[index] as PutRecordsRequestBody['Records'][number]),
  };
  return { faults, forwardedIndices, forwardBody };
}

/** Puts the injected failures back at their original indices around the emulator's real results. */
export function mergePutRecordsResponse(
  split: PutRecordsSplit,
  upstream: PutRecordsResponseBody | null,
): PutRecordsResponseBody {
  const total = split.faults.size + split.forwardedIndices.length;
  const records = new Array<PutRecordsResultEntry>(total);
  for (const [index, fault] of split.faults) {
    records[index] = { ErrorCode: fault.errorCode, ErrorMessage: fault.errorMessage };
  }
  split.forwardedIndices.forEach((index, position) => {
    const real = upstream?.Records[position];
    if (!real)
      throw new Error(
        `the emulator answered ${upstream?.Records.length ?? 0} results for ${split.forwardedIndices.length} records`,
      );
    records[index] = real;
  });
  return {
    ...upstream,
    FailedRecordCount: split.faults.size + (upstream?.FailedRecordCount ?? 0),
    Records: records,
  };
}
