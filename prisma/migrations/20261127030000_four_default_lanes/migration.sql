-- Four lanes per sink by default: on a two-core machine, COMMIT→acknowledged at 5,000 rows/s
-- went from a median of 95-108 ms (eight lanes) to 45-49 ms, with the same throughput: fewer,
-- fuller requests and fewer head searches (docs/benchmarks.md). Existing sinks keep theirs.
ALTER TABLE "sink" ALTER COLUMN "lane_count" SET DEFAULT 4;
