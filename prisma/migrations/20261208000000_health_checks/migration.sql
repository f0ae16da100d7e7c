-- Health checks (docs/api.md, "Health"): what the engines' periodic checks found about each source
-- and sink, and when a sink's state last changed (for the sink_not_capturing alert).

-- AlterEnum
ALTER TYPE "alert_kind" ADD VALUE 'sink_not_capturing';

-- CreateTable
CREATE TABLE "source_check" (
    "source_id" UUID NOT NULL,
    "claimed_at" TIMESTAMPTZ(6),
    "claimed_version" TEXT,
    "checked_at" TIMESTAMPTZ(6),
    "checked_version" TEXT,
    "connect_error_title" TEXT,
    "connect_error_detail" TEXT,
    "database_name" TEXT,
    "slot_active" BOOLEAN,
    "slot_retained_bytes" BIGINT,
    "slot_lag_bytes" BIGINT,
    "tables" JSONB,
    "sink_versions" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "source_check_pkey" PRIMARY KEY ("source_id")
);

-- CreateTable
CREATE TABLE "sink_check" (
    "sink_id" UUID NOT NULL,
    "claimed_at" TIMESTAMPTZ(6),
    "claimed_version" TEXT,
    "checked_at" TIMESTAMPTZ(6),
    "checked_version" TEXT,
    "stream_ok" BOOLEAN,
    "error_code" TEXT,
    "error_message" TEXT,
    "error_hint" TEXT,
    "error_via" TEXT,
    "status" TEXT,
    "status_since" TIMESTAMPTZ(6),

    CONSTRAINT "sink_check_pkey" PRIMARY KEY ("sink_id")
);

-- AddForeignKey
ALTER TABLE "source_check" ADD CONSTRAINT "source_check_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sink_check" ADD CONSTRAINT "sink_check_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
