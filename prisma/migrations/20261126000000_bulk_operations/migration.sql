-- CreateEnum
CREATE TYPE "bulk_operation_state" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "bulk_operation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sink_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "state" "bulk_operation_state" NOT NULL DEFAULT 'queued',
    "message_state" "message_state",
    "filter" JSONB NOT NULL,
    "reason" TEXT,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "last_message_id" BIGINT NOT NULL DEFAULT 0,
    "runner_token" UUID,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    "heartbeat_at" TIMESTAMPTZ(6),

    CONSTRAINT "bulk_operation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bulk_operation_sink_created_idx" ON "bulk_operation"("sink_id", "created_at");

-- AddForeignKey
ALTER TABLE "bulk_operation" ADD CONSTRAINT "bulk_operation_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (not expressible in schema.prisma, see docs/decisions.md, "Bulk operations").
-- Only the two actions the engine knows how to run.
ALTER TABLE "bulk_operation" ADD CONSTRAINT "bulk_operation_action_check" CHECK ("action" IN ('retry', 'discard'));

-- Engines look for work (queued, or running with a stale heartbeat) every second: this keeps
-- that lookup off the finished operations, which pile up.
CREATE INDEX "bulk_operation_unfinished_idx" ON "bulk_operation" ("created_at") WHERE "state" IN ('queued', 'running');
