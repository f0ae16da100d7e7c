-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "message_state" AS ENUM ('pending', 'failing', 'delivered', 'discarded');

-- CreateEnum
CREATE TYPE "message_action" AS ENUM ('insert', 'update', 'delete', 'read');

-- CreateEnum
CREATE TYPE "attempt_trigger" AS ENUM ('scheduled', 'manual');

-- CreateTable
CREATE TABLE "sink" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "stream_arn" TEXT NOT NULL,
    "access_key_id" TEXT,
    "secret_access_key_ciphertext" TEXT,
    "endpoint" TEXT,
    "backoff_cap_ms" INTEGER NOT NULL DEFAULT 180000,
    "max_attempts" INTEGER,
    "max_record_size_bytes" INTEGER NOT NULL DEFAULT 1048576,
    "lane_count" INTEGER NOT NULL DEFAULT 16,
    "paused_at" TIMESTAMPTZ(6),
    "paused_by" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message" (
    "id" BIGSERIAL NOT NULL,
    "sink_id" UUID NOT NULL,
    "group_key" TEXT NOT NULL,
    "lane" SMALLINT NOT NULL,
    "commit_lsn" BIGINT NOT NULL,
    "commit_idx" INTEGER NOT NULL,
    "table_schema" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "action" "message_action" NOT NULL,
    "payload" JSON NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "state" "message_state" NOT NULL DEFAULT 'pending',
    "deliver_count" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "next_attempt_trigger" "attempt_trigger" NOT NULL DEFAULT 'scheduled',
    "last_error_code" TEXT,
    "last_error_message" TEXT,
    "last_error_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(6),
    "shard_id" TEXT,
    "sequence_number" TEXT,
    "discarded_at" TIMESTAMPTZ(6),
    "discarded_by" TEXT,
    "discard_reason" TEXT,

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_attempt" (
    "id" BIGSERIAL NOT NULL,
    "message_id" BIGINT NOT NULL,
    "sink_id" UUID NOT NULL,
    "attempt_number" INTEGER NOT NULL,
    "trigger" "attempt_trigger" NOT NULL,
    "error_code" TEXT NOT NULL,
    "error_message" TEXT NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "attempted_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_lane" (
    "sink_id" UUID NOT NULL,
    "lane" SMALLINT NOT NULL,
    "lease_token" UUID,
    "lease_expires_at" TIMESTAMPTZ(6),
    "in_flight_ids" BIGINT[] DEFAULT ARRAY[]::BIGINT[],
    "group_cursor" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "delivery_lane_pkey" PRIMARY KEY ("sink_id","lane")
);

-- CreateIndex
CREATE UNIQUE INDEX "sink_name_key" ON "sink"("name");

-- CreateIndex
CREATE INDEX "message_sink_state_position_idx" ON "message"("sink_id", "state", "commit_lsn", "commit_idx");

-- CreateIndex
CREATE UNIQUE INDEX "message_sink_position_key" ON "message"("sink_id", "commit_lsn", "commit_idx");

-- CreateIndex
CREATE INDEX "delivery_attempt_message_idx" ON "delivery_attempt"("message_id", "attempted_at");

-- AddForeignKey
ALTER TABLE "message" ADD CONSTRAINT "message_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_attempt" ADD CONSTRAINT "delivery_attempt_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_attempt" ADD CONSTRAINT "delivery_attempt_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_lane" ADD CONSTRAINT "delivery_lane_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Partial indexes for the delivery hot path (not expressible in schema.prisma).
-- Claiming walks the undelivered messages of one lane group by group, oldest first.
CREATE INDEX "message_claim_idx" ON "message" ("sink_id", "lane", "group_key", "commit_lsn", "commit_idx")
  WHERE "state" IN ('pending', 'failing');

-- Pruning finds finished messages past the retention window without touching live ones.
CREATE INDEX "message_delivered_at_idx" ON "message" ("delivered_at") WHERE "state" = 'delivered';
CREATE INDEX "message_discarded_at_idx" ON "message" ("discarded_at") WHERE "state" = 'discarded';
