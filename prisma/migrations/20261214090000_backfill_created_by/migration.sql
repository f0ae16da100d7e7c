-- Who started a backfill: an account's email or an API token's name, as the audit trail records
-- it. Backfills started before this column existed were started by tests or scripts.
ALTER TABLE "backfill" ADD COLUMN "created_by" TEXT NOT NULL DEFAULT 'console';
