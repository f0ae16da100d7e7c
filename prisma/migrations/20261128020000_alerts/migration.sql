-- Alerts (docs/alerts.md).
-- CreateEnum
CREATE TYPE "alert_kind" AS ENUM ('message_too_large', 'group_blocked', 'sink_failing', 'source_lagging');

-- AlterTable
ALTER TABLE "delivery_lane" ADD COLUMN     "last_delivered_at" TIMESTAMPTZ(6);

-- CreateTable
CREATE TABLE "alert" (
    "id" BIGSERIAL NOT NULL,
    "kind" "alert_kind" NOT NULL,
    "sink_id" UUID,
    "source_id" UUID,
    "target_name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "opened_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(6),
    "open_notified_at" TIMESTAMPTZ(6),
    "resolve_notified_at" TIMESTAMPTZ(6),
    "notify_error" TEXT,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_opened_at_idx" ON "alert"("opened_at" DESC);


-- Written by hand (not expressible in schema.prisma).
-- Every alert is about one sink or one source.
ALTER TABLE "alert" ADD CONSTRAINT "alert_one_target_check" CHECK (num_nonnulls("sink_id", "source_id") = 1);

-- At most one open alert per kind and sink (or source), also while several engines evaluate at
-- once: INSERT ... ON CONFLICT DO NOTHING RETURNING tells the one engine that opened it, which
-- alone logs it and calls the webhook. It also serves the sink page's banner (open alerts of a sink).
CREATE UNIQUE INDEX "alert_open_key" ON "alert" ("sink_id", "source_id", "kind") NULLS NOT DISTINCT
  WHERE "resolved_at" IS NULL;
