-- Every configuration that decides which messages a source's changes become (its sinks, their
-- tables, actions, grouping, filters, names and annotations) has a version on the source. The
-- change reader compares it before each store and re-reads the sinks when it moved, so a change
-- is never stored (or acknowledged) under routes older than the configuration it was committed
-- under (docs/decisions.md, "Configuration changes").
ALTER TABLE "source" ADD COLUMN "config_version" BIGINT NOT NULL DEFAULT 0;

-- When Shardline last made sure the slot exists (created or found it); null when it never did
-- or dropped it. A slot found missing while this is set was dropped by someone else.
ALTER TABLE "source" ADD COLUMN "slot_ensured_at" TIMESTAMPTZ(6);

-- Whether Shardline created the publication: only then does it remove tables no sink takes any
-- more (a publication made by someone else may serve other subscribers).
ALTER TABLE "source" ADD COLUMN "publication_managed" BOOLEAN NOT NULL DEFAULT false;

-- Written by hand: a trigger, so no code path that changes a sink can forget to move the version.
CREATE FUNCTION "bump_source_config_version"(source_ids UUID[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "source" SET "config_version" = "config_version" + 1
   WHERE "id" = ANY (source_ids);
$$;

CREATE FUNCTION "sink_config_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "bump_source_config_version"(ARRAY[NEW."source_id"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "bump_source_config_version"(ARRAY[OLD."source_id"]);
  ELSIF ROW(OLD."source_id", OLD."name", OLD."annotations"::text, OLD."filter_source", OLD."lane_count")
        IS DISTINCT FROM
        ROW(NEW."source_id", NEW."name", NEW."annotations"::text, NEW."filter_source", NEW."lane_count") THEN
    PERFORM "bump_source_config_version"(ARRAY[OLD."source_id", NEW."source_id"]);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "sink_config_version"
  AFTER INSERT OR UPDATE OR DELETE ON "sink"
  FOR EACH ROW EXECUTE FUNCTION "sink_config_changed"();

CREATE FUNCTION "sink_table_config_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  sink_ids UUID[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    sink_ids := ARRAY[NEW."sink_id"];
  ELSIF TG_OP = 'DELETE' THEN
    sink_ids := ARRAY[OLD."sink_id"];
  ELSE
    sink_ids := ARRAY[OLD."sink_id", NEW."sink_id"];
  END IF;
  -- The sinks' sources as of now: rows deleted with their sink find none, and the sink's own
  -- trigger moves the version for them.
  PERFORM "bump_source_config_version"(ARRAY(SELECT "source_id" FROM "sink" WHERE "id" = ANY (sink_ids)));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "sink_table_config_version"
  AFTER INSERT OR UPDATE OR DELETE ON "sink_table"
  FOR EACH ROW EXECUTE FUNCTION "sink_table_config_changed"();
