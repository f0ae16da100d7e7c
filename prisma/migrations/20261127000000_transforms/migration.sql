-- Transforms and sink filters (docs/transforms.md).
-- CreateEnum
CREATE TYPE "transform_kind" AS ENUM ('code', 'path');

-- AlterTable
ALTER TABLE "sink" ADD COLUMN     "filter_source" TEXT,
ADD COLUMN     "filtered_count" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "transform_id" UUID;

-- CreateTable
CREATE TABLE "transform" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "current_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transform_version" (
    "transform_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "transform_kind" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL DEFAULT 'console',

    CONSTRAINT "transform_version_pkey" PRIMARY KEY ("transform_id","version")
);

-- CreateIndex
CREATE UNIQUE INDEX "transform_name_key" ON "transform"("name");

-- AddForeignKey
ALTER TABLE "sink" ADD CONSTRAINT "sink_transform_id_fkey" FOREIGN KEY ("transform_id") REFERENCES "transform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transform_version" ADD CONSTRAINT "transform_version_transform_id_fkey" FOREIGN KEY ("transform_id") REFERENCES "transform"("id") ON DELETE CASCADE ON UPDATE CASCADE;
