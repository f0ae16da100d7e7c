/**
 * A data-modifying CTE that adds how a bulk operation ended to the audit event recorded when it
 * was queued: `done` (messages changed) and `outcome` (done or failed). It reads a CTE named
 * `ended` holding the `id, sink_id, done, state` of the operations that just ended, so the
 * operation and its event change in one statement.
 */
export const NOTE_BULK_OUTCOME_CTE = `noted AS (
  UPDATE audit_event a
     SET details = a.details || jsonb_build_object('done', ended.done, 'outcome', ended.state::text)
    FROM ended
   WHERE a.target_type = 'sink' AND a.target_id = ended.sink_id::text
     AND a.action IN ('bulk.retry', 'bulk.discard', 'bulk.resend') AND a.details->>'operationId' = ended.id::text
)`;
