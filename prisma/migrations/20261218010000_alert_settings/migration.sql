-- Alert settings made in the console: the notification webhook (encrypted) and thresholds for the
-- installation and per sink (docs/alerts.md, "Settings").
-- CreateTable
CREATE TABLE "alert_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "webhook_url_ciphertext" TEXT,
    "webhook_host" TEXT,
    "group_blocked_ms" INTEGER,
    "sink_failing_ms" INTEGER,
    "sink_not_capturing_ms" INTEGER,
    "sink_throttled_ms" INTEGER,
    "source_lag_bytes" BIGINT,
    "source_stalled_ms" INTEGER,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "alert_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sink_alert_thresholds" (
    "sink_id" UUID NOT NULL,
    "group_blocked_ms" INTEGER,
    "sink_failing_ms" INTEGER,
    "sink_not_capturing_ms" INTEGER,
    "sink_throttled_ms" INTEGER,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "sink_alert_thresholds_pkey" PRIMARY KEY ("sink_id")
);

-- AddForeignKey
ALTER TABLE "sink_alert_thresholds" ADD CONSTRAINT "sink_alert_thresholds_sink_id_fkey" FOREIGN KEY ("sink_id") REFERENCES "sink"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One row at most: the installation's settings.
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_single_row" CHECK ("id" = 1);
