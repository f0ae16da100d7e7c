-- AlterTable
ALTER TABLE "sink" ADD COLUMN     "annotations" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "source_id" UUID;

-- CreateTable
CREATE TABLE "source" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 5432,
    "database" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_ciphertext" TEXT,
    "ssl_mode" TEXT NOT NULL DEFAULT 'prefer',
    "publication_name" TEXT NOT NULL,
    "slot_name" TEXT NOT NULL,
    "confirmed_lsn" BIGINT,
    "reader_seen_at" TIMESTAMPTZ(6),
    "last_error_message" TEXT,
    "last_error_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_event" (
    "id" BIGSERIAL NOT NULL,
    "source_id" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sink_table" (
    "sink_id" UUID NOT NULL,
    "table_schema" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "actions" "message_action"[],
    "group_columns" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "sink_table_pkey" PRIMARY KEY ("sink_id","table_schema","table_name")
);

-- CreateIndex
CREATE UNIQUE INDEX "source_name_key" ON "source"("name");

-- CreateIndex
CREATE INDEX "source_event_source_at_idx" ON "source_event"("source_id", "at");

-- AddForeignKey
ALTER TABLE "sink" ADD CONSTRAINT "sink_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_event" ADD CONSTRAINT "source_event_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sink_table" ADD CONSTRAINT "sink_table_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

