-- Every configuration that decides which messages a source's changes become (its sinks, their
-- tables, actions, grouping, filters, names and annotations) is kept as a numbered snapshot per
-- source, with the position in the source's WAL from which it applies. The change reader routes
-- each change by the snapshot in force at the change's commit position, so a change committed
-- after a request returned follows that request's configuration, and one committed before it
-- follows the one before (docs/decisions.md, "Configuration changes").
ALTER TABLE "source" ADD COLUMN "config_version" BIGINT NOT NULL DEFAULT 0;

-- When Shardline last made sure the slot exists (created or found it); null when it never did
-- or dropped it. A slot found missing while this is set was dropped by someone else.
ALTER TABLE "source" ADD COLUMN "slot_ensured_at" TIMESTAMPTZ(6);

-- Whether Shardline created the publication: only then does it remove tables no sink takes any
-- more (a publication made by someone else may serve other subscribers).
ALTER TABLE "source" ADD COLUMN "publication_managed" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "source_config" (
    "source_id" UUID NOT NULL,
    "version" BIGINT NOT NULL,
    -- The source's WAL insert position read by the request that saved it, before it returned:
    -- changes committed at or after it follow this snapshot, earlier ones the one before. Null
    -- when it was saved without reaching the source: then it applies from when the reader sees it.
    "effective_lsn" BIGINT,
    -- The source's sinks as the reader routes by them (SourceSinkRoute in @shardline/db).
    "sinks" JSONB NOT NULL,
    -- The transaction that saved it: one snapshot per transaction, taken at its commit.
    "saved_by_xact" XID8 NOT NULL DEFAULT pg_current_xact_id(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_config_pkey" PRIMARY KEY ("source_id", "version")
);

ALTER TABLE "source_config" ADD CONSTRAINT "source_config_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: triggers, so that no code path that changes a sink can forget the snapshot.

-- The source's sinks now, in the shape the reader routes by.
CREATE FUNCTION "source_sink_routes"(of_source UUID) RETURNS JSONB
LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'sinkId', k."id",
           'sinkName', k."name",
           'laneCount', k."lane_count",
           'annotations', k."annotations",
           'filterSource', k."filter_source",
           'tables', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                               'schema', t."table_schema",
                               'name', t."table_name",
                               'actions', to_jsonb(t."actions"),
                               'groupColumns', to_jsonb(t."group_columns"))
                             ORDER BY t."table_schema", t."table_name"), '[]'::jsonb)
                        FROM "sink_table" t WHERE t."sink_id" = k."id"))
         ORDER BY k."created_at", k."id"), '[]'::jsonb)
    FROM "sink" k WHERE k."source_id" = of_source
$$;

-- Numbers and stores a snapshot of the source's sinks, once per transaction: the triggers below
-- run at commit (deferred), so the first one sees everything the transaction changed. The
-- transaction says from which WAL position of each source it applies in the setting
-- shardline.source_positions (`{"<source id>": "<lsn as a number>"}`, set_config(..., true)).
CREATE FUNCTION "snapshot_source_config"(of_source UUID) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  next_version BIGINT;
  positions JSONB := nullif(current_setting('shardline.source_positions', true), '')::jsonb;
BEGIN
  IF of_source IS NULL OR EXISTS (SELECT 1 FROM "source_config" c
                                   WHERE c."source_id" = of_source AND c."saved_by_xact" = pg_current_xact_id()) THEN
    RETURN;
  END IF;
  UPDATE "source" s SET "config_version" = s."config_version" + 1 WHERE s."id" = of_source
    RETURNING s."config_version" INTO next_version;
  IF next_version IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO "source_config" ("source_id", "version", "effective_lsn", "sinks")
    VALUES (of_source, next_version, (positions ->> of_source::text)::bigint, "source_sink_routes"(of_source));
END;
$$;

CREATE FUNCTION "sink_config_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "snapshot_source_config"(OLD."source_id");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "snapshot_source_config"(NEW."source_id");
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "sink_created_or_deleted"
  AFTER INSERT OR DELETE ON "sink"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "sink_config_changed"();

-- Only the columns that shape messages: the store's counters and the pause flag change often.
CREATE CONSTRAINT TRIGGER "sink_routing_changed"
  AFTER UPDATE ON "sink"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (ROW(OLD."source_id", OLD."name", OLD."annotations", OLD."filter_source", OLD."lane_count")
        IS DISTINCT FROM
        ROW(NEW."source_id", NEW."name", NEW."annotations", NEW."filter_source", NEW."lane_count"))
  EXECUTE FUNCTION "sink_config_changed"();

CREATE FUNCTION "sink_table_config_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed UUID;
BEGIN
  changed := CASE WHEN TG_OP = 'DELETE' THEN OLD."sink_id" ELSE NEW."sink_id" END;
  -- A row deleted with its sink finds none: the sink's own trigger took the snapshot.
  PERFORM "snapshot_source_config"(k."source_id") FROM "sink" k WHERE k."id" = changed;
  IF TG_OP = 'UPDATE' AND OLD."sink_id" <> NEW."sink_id" THEN
    PERFORM "snapshot_source_config"(k."source_id") FROM "sink" k WHERE k."id" = OLD."sink_id";
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "sink_table_changed"
  AFTER INSERT OR UPDATE OR DELETE ON "sink_table"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "sink_table_config_changed"();

-- Sources that already have sinks start from a snapshot of them, in force from now on.
INSERT INTO "source_config" ("source_id", "version", "sinks")
  SELECT s."id", 1, "source_sink_routes"(s."id") FROM "source" s
   WHERE EXISTS (SELECT 1 FROM "sink" k WHERE k."source_id" = s."id");
UPDATE "source" s SET "config_version" = 1
 WHERE EXISTS (SELECT 1 FROM "source_config" c WHERE c."source_id" = s."id");
