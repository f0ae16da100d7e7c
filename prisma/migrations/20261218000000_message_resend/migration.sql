-- A delivery attempt a person asked for (retry now, re-send) is kept when it succeeds too, with no
-- error (issue 18): the message's history then shows the outcome of what was asked. Scheduled
-- attempts that succeed are still not kept (that would double the hot path's writes).
ALTER TABLE "delivery_attempt" ALTER COLUMN "error_code" DROP NOT NULL;
ALTER TABLE "delivery_attempt" ALTER COLUMN "error_message" DROP NOT NULL;

-- Re-sending delivered messages (a consumer lost data) is a bulk operation of its own.
ALTER TABLE "bulk_operation" DROP CONSTRAINT "bulk_operation_action_check";
ALTER TABLE "bulk_operation" ADD CONSTRAINT "bulk_operation_action_check" CHECK ("action" IN ('retry', 'discard', 'resend'));
