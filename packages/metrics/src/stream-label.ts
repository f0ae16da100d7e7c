/** The `stream` label of the streams a sink's router named past the first MAX_STREAM_LABELS_PER_SINK. */
export const OTHER_STREAMS_LABEL = 'other';

/**
 * Distinct stream labels a sink may add in one process. A routing function may name a stream per
 * customer or per tenant; past this many, Prometheus would hold a series per name, so the rest
 * share one `other` series.
 */
export const MAX_STREAM_LABELS_PER_SINK = 20;

/**
 * The `stream` label for a stream a sink delivered to: its ARN, for the first
 * MAX_STREAM_LABELS_PER_SINK streams the sink used in this process, `other` after that.
 */
export class StreamLabels {
  readonly #bySink = new Map<string, Set<string>>();

  of(sinkId: string, streamArn: string): string {
    let streams = this.#bySink.get(sinkId);
    if (!streams) {
      streams = new Set();
      this.#bySink.set(sinkId, streams);
    }
    if (streams.has(streamArn)) return streamArn;
    if (streams.size >= MAX_STREAM_LABELS_PER_SINK) return OTHER_STREAMS_LABEL;
    streams.add(streamArn);
    return streamArn;
  }
}
