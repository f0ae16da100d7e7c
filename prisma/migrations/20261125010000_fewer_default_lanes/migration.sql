-- Eight lanes per sink by default: measured faster and lower-latency than sixteen on a small
-- machine, with fewer and fuller requests (docs/benchmarks.md).
ALTER TABLE "sink" ALTER COLUMN "lane_count" SET DEFAULT 8;
