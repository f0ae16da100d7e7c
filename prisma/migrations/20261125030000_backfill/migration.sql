-- CreateEnum
CREATE TYPE "backfill_state" AS ENUM ('running', 'paused', 'cancelled', 'done', 'failed');

-- AlterTable
ALTER TABLE "message" ADD COLUMN     "backfill_id" UUID;

-- CreateTable
CREATE TABLE "backfill" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sink_id" UUID NOT NULL,
    "state" "backfill_state" NOT NULL DEFAULT 'running',
    "tables" JSONB NOT NULL,
    "rows_done" BIGINT NOT NULL DEFAULT 0,
    "rows_total_estimate" BIGINT,
    "started_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),
    "last_error" TEXT,

    CONSTRAINT "backfill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "backfill_sink_started_idx" ON "backfill"("sink_id", "started_at");

-- AddForeignKey
ALTER TABLE "backfill" ADD CONSTRAINT "backfill_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (not expressible in schema.prisma, see docs/decisions.md, "Backfill").
-- A read is positioned at the source's WAL position when its page was read, which a live change
-- may share: the position stays unique per sink among changes (backfill_id null, equal to each
-- other under NULLS NOT DISTINCT) and among the reads of one backfill, without the two colliding.
DROP INDEX "message_sink_position_key";
CREATE UNIQUE INDEX "message_sink_position_key" ON "message"("sink_id", "commit_lsn", "commit_idx", "backfill_id") NULLS NOT DISTINCT;

-- One unfinished (running or paused) backfill per sink, also under concurrent starts.
CREATE UNIQUE INDEX "backfill_unfinished_sink_key" ON "backfill"("sink_id") WHERE "state" IN ('running', 'paused');
