-- Attempts Kinesis throttled (issue 17): they count in deliver_count, since they were attempts,
-- but not toward the retry schedule or the sink's maximum of attempts, which are about failures.
ALTER TABLE "message" ADD COLUMN "throttled_count" INTEGER NOT NULL DEFAULT 0;
