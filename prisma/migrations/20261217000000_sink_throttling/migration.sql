-- Throttling as back-pressure (issue 17): each engine sending to a sink reports, every few seconds
-- while Kinesis throttles it (and once when it clears), its send rate and the shards at their
-- limit. The sink's health reads the fresh reports of every engine: throttled, not failing.

-- AlterEnum
ALTER TYPE "alert_kind" ADD VALUE 'sink_throttled';

-- CreateTable
CREATE TABLE "sink_throttling" (
    "sink_id" UUID NOT NULL,
    "engine_id" TEXT NOT NULL,
    "records_per_second" DOUBLE PRECISION NOT NULL,
    "shards_at_limit" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "throttled_records" INTEGER NOT NULL,
    "throttled_since" TIMESTAMPTZ(6),
    "reported_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sink_throttling_pkey" PRIMARY KEY ("sink_id","engine_id")
);

-- AddForeignKey
ALTER TABLE "sink_throttling" ADD CONSTRAINT "sink_throttling_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
