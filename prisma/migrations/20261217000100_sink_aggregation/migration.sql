-- A sink may pack its messages into KPL aggregated records (docs/aggregation.md). Off by default:
-- every consumer of the stream must deaggregate, so a sink only does it when its owner says so.
ALTER TABLE "sink" ADD COLUMN "aggregate_records" BOOLEAN NOT NULL DEFAULT false;
