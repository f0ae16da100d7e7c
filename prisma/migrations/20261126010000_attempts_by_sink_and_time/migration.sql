-- The sink page's failures per minute over the last hour read attempts by sink and time.
-- CreateIndex
CREATE INDEX "delivery_attempt_sink_attempted_idx" ON "delivery_attempt"("sink_id", "attempted_at");

