import { describe, expect, it } from 'vitest';
import { MAX_STREAM_LABELS_PER_SINK, OTHER_STREAMS_LABEL, StreamLabels } from './stream-label';

const arn = (name: string) => `arn:aws:kinesis:eu-west-1:123456789012:stream/${name}`;

describe('StreamLabels', () => {
  it('labels a sink’s first streams by ARN and the rest as other, per sink', () => {
    const labels = new StreamLabels();
    const names = Array.from({ length: MAX_STREAM_LABELS_PER_SINK }, (_, index) => arn(`s${index}`));
    for (const name of names) expect(labels.of('sink-a', name)).toBe(name);
    expect(labels.of('sink-a', arn('one-too-many'))).toBe(OTHER_STREAMS_LABEL);
    // A stream already labelled keeps its label; another sink has its own allowance.
    expect(labels.of('sink-a', names[0] ?? '')).toBe(names[0]);
    expect(labels.of('sink-b', arn('one-too-many'))).toBe(arn('one-too-many'));
  });
});
