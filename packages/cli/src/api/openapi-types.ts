// Generated from the console's OpenAPI document by `npm run api-types -w @shardline/cli`. Do not edit.

export interface paths {
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The OpenAPI 3.1 document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the sources
         * @description By name. Source = { id, name, host, port, database, username, hasPassword, sslMode, publicationName, slotName, confirmedLsn, readerSeenAt, lastErrorMessage, lastErrorAt, createdAt, updatedAt, health }; the password is never shown. health = { status: reading|lagging|stopped|unverified|idle, reason, summary, fix, problems, checkedAt, lastError: { message, at } | null, retainedWalBytes, lagBytes, readerRunning }: reading when its reader runs and keeps up; stopped (with why, and the reader's last error) when it does not; idle when no sink takes changes from it. retainedWalBytes is the WAL the slot keeps on the source, lagBytes the part not stored yet.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { sources: Source[] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a source
         * @description The connection is given as a url or as host, port, database and username; publicationName and slotName default to shardline_<name>. The checks run before saving, with no tables (a source has no sink yet): the connection, the server's settings, the role's rights, the publication and the slot; when one fails nothing is saved (422) unless force=true. report = { ok, checks: [{ id, status: ok|warning|error|skipped, title, detail }] }; ok is false when any check is an error. A source that cannot be reached is a failed check, not an API error.
         */
        post: {
            parameters: {
                query?: {
                    force?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        url?: string | null;
                        host?: string | null;
                        port?: number | null;
                        database?: string | null;
                        username?: string | null;
                        password?: string | null;
                        sslMode?: ("disable" | "allow" | "prefer" | "require" | "verify-ca" | "verify-full") | null;
                        publicationName?: string | null;
                        slotName?: string | null;
                    };
                };
            };
            responses: {
                /** @description { source, report }: the source as saved (without health), and the checks */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not JSON (invalid_json), or a setting is invalid (invalid_input, field names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description A source of that name exists, or another source reads the same database through the same slot */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description A check failed and nothing was saved: `{ error: { code: "checks_failed", message, checks: [{ id, status, title, detail }] } }`. Fix what the failing checks say, or send the same request with force=true to save anyway */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check connection settings before saving them
         * @description Runs the source checks for the settings given (as for creating a source) and the tables given; nothing is saved. report = { ok, checks: [{ id, status: ok|warning|error|skipped, title, detail }] }; ok is false when any check is an error. A source that cannot be reached is a failed check, not an API error.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        url?: string | null;
                        host?: string | null;
                        port?: number | null;
                        database?: string | null;
                        username?: string | null;
                        password?: string | null;
                        sslMode?: ("disable" | "allow" | "prefer" | "require" | "verify-ca" | "verify-full") | null;
                        publicationName?: string | null;
                        slotName?: string | null;
                        /** @default [] */
                        tables?: {
                            /** @default public */
                            schema?: string;
                            name: string;
                            /** @default [] */
                            groupColumns?: string[];
                        }[];
                        /** Format: uuid */
                        sourceId?: string;
                    };
                };
            };
            responses: {
                /** @description { report } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not JSON (invalid_json), or a setting is invalid (invalid_input, field names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A source and its latest problems
         * @description events are the source's 20 latest warnings and errors, newest first: [{ id, sourceId, level, message, at }]. Source = { id, name, host, port, database, username, hasPassword, sslMode, publicationName, slotName, confirmedLsn, readerSeenAt, lastErrorMessage, lastErrorAt, createdAt, updatedAt, health }; the password is never shown. health = { status: reading|lagging|stopped|unverified|idle, reason, summary, fix, problems, checkedAt, lastError: { message, at } | null, retainedWalBytes, lagBytes, readerRunning }: reading when its reader runs and keeps up; stopped (with why, and the reader's last error) when it does not; idle when no sink takes changes from it. retainedWalBytes is the WAL the slot keeps on the source, lagBytes the part not stored yet.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { source: Source, events } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No source has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a source
         * @description Also drops its replication slot and publication on the source database, so the server stops keeping WAL for it. cleanup = { slotDropped, publicationDropped, error }: when that database cannot be reached the source is still deleted, and error says what to drop by hand.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { deleted: true, cleanup } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No source has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Sinks read from the source: delete them first */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a source
         * @description Only the fields given change; a url replaces host, port, database and username. password: left out keeps it, null removes it, a string replaces it. The slot cannot change while sinks read from the source. The engine uses the new settings when it next starts reading the source. An edit of the connection settings runs the source checks first (with the saved settings for what it leaves out, and the tables of its sinks); when one fails nothing is saved (422) unless force=true.
         */
        patch: {
            parameters: {
                query?: {
                    force?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        url?: string | null;
                        host?: string;
                        port?: number | null;
                        database?: string;
                        username?: string;
                        password?: string | null;
                        /** @enum {string} */
                        sslMode?: "disable" | "allow" | "prefer" | "require" | "verify-ca" | "verify-full";
                        publicationName?: string;
                        slotName?: string;
                    };
                };
            };
            responses: {
                /** @description { source }: the source as saved (without health) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not JSON (invalid_json), or a setting is invalid or cannot be edited (invalid_input) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No source has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The name is taken, another source reads the same database through that slot, or sinks read from the source while its slot would change */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description A check failed and nothing was saved: `{ error: { code: "checks_failed", message, checks: [{ id, status, title, detail }] } }`. Fix what the failing checks say, or send the same request with force=true to save anyway */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/sources/{id}/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a saved source
         * @description Runs the source checks for the saved settings and the tables its sinks take. report = { ok, checks: [{ id, status: ok|warning|error|skipped, title, detail }] }; ok is false when any check is an error. A source that cannot be reached is a failed check, not an API error.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { report } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No source has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}/tables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The source database's tables
         * @description For picking tables and grouping columns: plain and partitioned tables (not partitions) outside the system schemas, by schema and name. tables = [{ schema, name, primaryKey: string[], replicaIdentity: default|full|index|nothing, inPublication, columns: [{ name, type, nullable }] }].
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { tables } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No source has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The source database cannot be reached (source_unreachable); the message says why and what to do */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sinks
         * @description Every sink by name, with its health and waiting, sending and failing counts. health = { status: healthy|paused|not_capturing|failing|throttled|lagging|unverified, reason, summary, fix, problems: [{ code, sentence, fix, table }], checkedAt }: healthy only when every chosen table exists, has what its grouping needs and is published, the source is read and keeps up, and the stream takes records with the saved settings. reason (null when healthy) is one of paused, source_unreachable, source_not_read, no_engine, table_missing, table_without_key, grouping_column_missing, table_not_published, stream_not_found, stream_access_denied, stream_credentials_invalid, stream_unreachable, stream_error, messages_failing, throttled, source_lagging, unverified; summary and fix say it in words; problems lists everything found, the most urgent first (paused first, then not capturing, failing, throttled, lagging, unverified). throttled: Kinesis throttles the sink, which sends at the stream's limit (the rate and the shards at their limit in the summary); its messages wait (reason throttled), none fails for it. A sink not checked yet (or since an edit) is unverified, never healthy.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ sinks: Sink[] }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a sink
         * @description Both the access key id and the secret access key, or neither to use the default AWS credentials. The secret is stored encrypted and never shown again. `transformId` attaches a transform (applied when messages are sent); `filterSource` is a function `(message) => boolean` run when a change is read (false drops it), compiled first. `routingSource` is a function `(message) => streamArn` (or `{ streamArn }`) run on each message as it is sent, picking its stream; without it every message goes to `streamArn`; compiled first. `aggregateRecords: true` (default false) packs several messages into one Kinesis record in the Kinesis Producer Library (KPL) aggregated format: every consumer of the stream must then deaggregate (the KCL does; a Lambda function needs the aws-kinesis-agg module). A table with `sendExistingRows: true` also gets its existing rows sent: a backfill of those tables starts in the same transaction as the sink (see `/api/v1/sinks/{id}/backfills`); editing refuses `sendExistingRows` (start a backfill instead). Saving runs the checks first: the stream answers DescribeStreamSummary with the given (or saved) endpoint and credentials, and each chosen table exists in the source as a table with a primary key or the grouping columns named. An edit checks only what it changes of these (nothing when it changes neither).
         */
        post: {
            parameters: {
                query?: {
                    force?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        streamArn: string;
                        accessKeyId?: string | null;
                        secretAccessKey?: string | null;
                        endpoint?: string | null;
                        /** @default 180000 */
                        backoffCapMs?: number;
                        maxAttempts?: number | null;
                        /** @default 1048576 */
                        maxRecordSizeBytes?: number;
                        /** @default 4 */
                        laneCount?: number;
                        /** @default false */
                        aggregateRecords?: boolean;
                        sourceId?: string | null;
                        /** @default [] */
                        tables?: {
                            /** @default public */
                            schema?: string;
                            name: string;
                            /**
                             * @default [
                             *       "insert",
                             *       "update",
                             *       "delete"
                             *     ]
                             */
                            actions?: ("insert" | "update" | "delete")[];
                            /** @default [] */
                            groupColumns?: string[];
                            /** @default false */
                            sendExistingRows?: boolean;
                        }[];
                        /** @default {} */
                        annotations?: {
                            [key: string]: string;
                        };
                        transformId?: string | null;
                        filterSource?: string | null;
                        routingSource?: string | null;
                    };
                };
            };
            responses: {
                /** @description `{ sink }`: id, name, streamArn, region, accessKeyId, hasSecretAccessKey (never the secret), endpoint, backoffCapMs, maxAttempts, maxRecordSizeBytes, laneCount, aggregateRecords, pausedAt, pausedBy, sourceId, tables, annotations, transform { id, name, version } | null, filterSource, routingSource, filteredCount (messages the filter dropped, a string), health (see below), counts { waiting, sending, failing, filteredCount } (waiting: messages not sent yet and not failing, the ones being sent now included; sending: inside a request under way; `pending` and `inFlight` are deprecated names of the same two), createdAt, updatedAt */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON (invalid_json), or a setting is invalid (invalid_input, `field` names it): a `transformId` that names no transform, a `filterSource` or `routingSource` that does not compile (the compiler's message) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description A sink with this name already exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description A check failed and nothing was saved: `{ error: { code: "checks_failed", message, checks: [{ id, status, title, detail }] } }`. Fix what the failing checks say, or send the same request with force=true to save anyway */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/create-stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the Kinesis stream a sink will send to
         * @description Calls CreateStream for the stream the ARN names (its name; the region of the ARN, the account of the credentials), on demand (`capacityMode: on-demand`) or provisioned with `shardCount` shards, then waits until DescribeStreamSummary says ACTIVE (at most 2 minutes). The connection settings are those of Test connection, with the same rules: with `sinkId` and no secret access key, the saved sink's secret is used, only with the endpoint and region it was saved for. A stream of that name that exists already is waited for, not created again (`created: false`). A stream created is recorded in the audit trail (`stream.create`). The credentials need `kinesis:CreateStream` and `kinesis:DescribeStreamSummary`. An AWS failure is a result, not an error: `{ ok: false, error: { code, message, hint } }` (`StreamNotActiveYet` when it is still being created after 2 minutes, `StreamInAnotherAccount` when the credentials' account is not the ARN's).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        streamArn: string;
                        endpoint?: string | null;
                        accessKeyId?: string | null;
                        secretAccessKey?: string | null;
                        sinkId?: string | null;
                        /** @enum {string} */
                        capacityMode: "on-demand" | "provisioned";
                        shardCount?: number | null;
                    };
                };
            };
            responses: {
                /** @description `{ ok: true, created, stream: { name, status, shardCount, maxRecordSizeBytes } }` or `{ ok: false, error: { code, message, hint } }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON, or invalid settings (`field` names the one at fault: a provisioned stream without `shardCount`, say) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The `sinkId` names no sink */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/test-connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test the connection to a Kinesis stream
         * @description Calls DescribeStreamSummary with the given settings. With `sinkId` and no secret access key, the saved sink's secret (and access key id, when left out) is used. An AWS failure is a result, not an error: `{ ok: false, error: { code, message, hint } }`, the hint naming what to fix (a missing IAM permission, the region, the stream, the credentials, the endpoint). With `sinkId` of a sink with a routing function (`routingSource` left out: the saved one; given: that one, saved or not; null: none), the function also runs on the sink's 50 most recent messages and each distinct stream it returns is checked the same way, with the sink's endpoint and credentials: `routing` lists them, with the messages sent to each, and counts the messages whose routing failed, with the first error. Without routing, `routing` is null.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        streamArn: string;
                        endpoint?: string | null;
                        accessKeyId?: string | null;
                        secretAccessKey?: string | null;
                        sinkId?: string | null;
                        routingSource?: string | null;
                    };
                };
            };
            responses: {
                /** @description `{ ok: true, stream: { name, status, shardCount, maxRecordSizeBytes }, routing }` or `{ ok: false, error: { code, message, hint }, routing }`; `routing`: null, or `{ messagesRouted, streams: [{ streamArn, messages, test: { ok, stream } | { ok, error } }], failed: { messages, firstMessageId, firstError } }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON, or invalid settings (`field` names the one at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The `sinkId` names no sink */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/test-routing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a routing function, saved or not, on messages
         * @description Runs `routingSource` on a pasted `message` (an object), on the messages `messageIds` of the sink `sinkId`, or on `limit` (1 to 20, 5 by default) messages of `sinkId` (those sent next, then the most recently delivered, as for a transform's test). Nothing is saved or sent. Each result is `{ messageId, input, streamArn, code, error, durationMs }`: the stream it returned, or the error delivery would record (`routing_failed`: it threw, ran out of time or memory, or returned something other than a string or `{ streamArn }`; `invalid_routed_stream`: a string that is not a stream ARN).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        routingSource: string;
                        /** Format: uuid */
                        sinkId?: string;
                        messageIds?: string[];
                        message?: unknown;
                        /** @default 5 */
                        limit?: number;
                    };
                };
            };
            responses: {
                /** @description `{ results: [{ messageId, input, streamArn, code, error, durationMs }] }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON, a field is invalid (`field` names it), or the function does not compile (field `routingSource`, the compiler's message) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The `sinkId` names no sink, or a message id is not one of its messages */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a sink
         * @description health = { status: healthy|paused|not_capturing|failing|throttled|lagging|unverified, reason, summary, fix, problems: [{ code, sentence, fix, table }], checkedAt }: healthy only when every chosen table exists, has what its grouping needs and is published, the source is read and keeps up, and the stream takes records with the saved settings. reason (null when healthy) is one of paused, source_unreachable, source_not_read, no_engine, table_missing, table_without_key, grouping_column_missing, table_not_published, stream_not_found, stream_access_denied, stream_credentials_invalid, stream_unreachable, stream_error, messages_failing, throttled, source_lagging, unverified; summary and fix say it in words; problems lists everything found, the most urgent first (paused first, then not capturing, failing, throttled, lagging, unverified). throttled: Kinesis throttles the sink, which sends at the stream's limit (the rate and the shards at their limit in the summary); its messages wait (reason throttled), none fails for it. A sink not checked yet (or since an edit) is unverified, never healthy.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ sink }`: id, name, streamArn, region, accessKeyId, hasSecretAccessKey (never the secret), endpoint, backoffCapMs, maxAttempts, maxRecordSizeBytes, laneCount, aggregateRecords, pausedAt, pausedBy, sourceId, tables, annotations, transform { id, name, version } | null, filterSource, routingSource, filteredCount (messages the filter dropped, a string), health (see below), counts { waiting, sending, failing, filteredCount } (waiting: messages not sent yet and not failing, the ones being sent now included; sending: inside a request under way; `pending` and `inFlight` are deprecated names of the same two), createdAt, updatedAt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a sink with its messages */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ deleted: true }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a sink
         * @description Any subset of the settings; those left out keep their value and `null` clears an optional one. `secretAccessKey`: left out keeps it, `null` removes it (with `accessKeyId: null`, for the default AWS credentials), a string replaces it. `tables`, when given, replaces the list. `transformId: null` detaches the transform and `filterSource: null` removes the filter; `routingSource: null` sends every message to `streamArn` again (a routing change applies to every message not yet delivered). Turning `aggregateRecords` on or off applies to the messages sent after the edit; consumers must deaggregate before it is turned on. The lane count cannot change after creation. Saving runs the checks first: the stream answers DescribeStreamSummary with the given (or saved) endpoint and credentials, and each chosen table exists in the source as a table with a primary key or the grouping columns named. An edit checks only what it changes of these (nothing when it changes neither).
         */
        patch: {
            parameters: {
                query?: {
                    force?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        streamArn?: string;
                        accessKeyId?: string | null;
                        secretAccessKey?: string | null;
                        endpoint?: string | null;
                        backoffCapMs?: number;
                        maxAttempts?: number | null;
                        maxRecordSizeBytes?: number;
                        laneCount?: number;
                        aggregateRecords?: boolean;
                        sourceId?: string | null;
                        tables?: {
                            /** @default public */
                            schema?: string;
                            name: string;
                            /**
                             * @default [
                             *       "insert",
                             *       "update",
                             *       "delete"
                             *     ]
                             */
                            actions?: ("insert" | "update" | "delete")[];
                            /** @default [] */
                            groupColumns?: string[];
                            /** @constant */
                            sendExistingRows?: false;
                        }[];
                        annotations?: {
                            [key: string]: string;
                        };
                        transformId?: string | null;
                        filterSource?: string | null;
                        routingSource?: string | null;
                    };
                };
            };
            responses: {
                /** @description `{ sink }`: id, name, streamArn, region, accessKeyId, hasSecretAccessKey (never the secret), endpoint, backoffCapMs, maxAttempts, maxRecordSizeBytes, laneCount, aggregateRecords, pausedAt, pausedBy, sourceId, tables, annotations, transform { id, name, version } | null, filterSource, routingSource, filteredCount (messages the filter dropped, a string), health (see below), counts { waiting, sending, failing, filteredCount } (waiting: messages not sent yet and not failing, the ones being sent now included; sending: inside a request under way; `pending` and `inFlight` are deprecated names of the same two), createdAt, updatedAt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON, or a setting is invalid (`field` names it: an unknown `transformId`, a `filterSource` or `routingSource` that does not compile), or the lane count would change */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No sink has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Another sink already has this name */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description A check failed and nothing was saved: `{ error: { code: "checks_failed", message, checks: [{ id, status, title, detail }] } }`. Fix what the failing checks say, or send the same request with force=true to save anyway */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/sinks/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause delivery
         * @description Messages keep being stored; none is sent until the sink resumes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ sink }`: id, name, streamArn, region, accessKeyId, hasSecretAccessKey (never the secret), endpoint, backoffCapMs, maxAttempts, maxRecordSizeBytes, laneCount, aggregateRecords, pausedAt, pausedBy, sourceId, tables, annotations, transform { id, name, version } | null, filterSource, routingSource, filteredCount (messages the filter dropped, a string), health (see below), counts { waiting, sending, failing, filteredCount } (waiting: messages not sent yet and not failing, the ones being sent now included; sending: inside a request under way; `pending` and `inFlight` are deprecated names of the same two), createdAt, updatedAt; health.status is paused */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume delivery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ sink }`: id, name, streamArn, region, accessKeyId, hasSecretAccessKey (never the secret), endpoint, backoffCapMs, maxAttempts, maxRecordSizeBytes, laneCount, aggregateRecords, pausedAt, pausedBy, sourceId, tables, annotations, transform { id, name, version } | null, filterSource, routingSource, filteredCount (messages the filter dropped, a string), health (see below), counts { waiting, sending, failing, filteredCount } (waiting: messages not sent yet and not failing, the ones being sent now included; sending: inside a request under way; `pending` and `inFlight` are deprecated names of the same two), createdAt, updatedAt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counters and the recent activity of a sink
         * @description `range` chooses how far back `throughput` looks: `1h` (the default) in 60 one-minute buckets, `24h` in 96 buckets of 15 minutes, `7d` in 168 one-hour buckets; buckets start on whole multiples of their width in UTC. The counters do not depend on it (deliveredLastHour is always the last hour). health = { status: healthy|paused|not_capturing|failing|throttled|lagging|unverified, reason, summary, fix, problems: [{ code, sentence, fix, table }], checkedAt }: healthy only when every chosen table exists, has what its grouping needs and is published, the source is read and keeps up, and the stream takes records with the saved settings. reason (null when healthy) is one of paused, source_unreachable, source_not_read, no_engine, table_missing, table_without_key, grouping_column_missing, table_not_published, stream_not_found, stream_access_denied, stream_credentials_invalid, stream_unreachable, stream_error, messages_failing, throttled, source_lagging, unverified; summary and fix say it in words; problems lists everything found, the most urgent first (paused first, then not capturing, failing, throttled, lagging, unverified). throttled: Kinesis throttles the sink, which sends at the stream's limit (the rate and the shards at their limit in the summary); its messages wait (reason throttled), none fails for it. A sink not checked yet (or since an edit) is unverified, never healthy.
         */
        get: {
            parameters: {
                query?: {
                    range?: "1h" | "24h" | "7d";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ health, counts: { waiting, sending, failing, delivered, discarded, deliveredLastHour, filteredCount }, oldestFailingAgeMs, range, bucketMinutes, throughput: [{ start, delivered, failed, throttled }] }`: counts also carry `pending` and `inFlight`, deprecated names of waiting and sending; buckets of `bucketMinutes`, oldest first, the current one last; failed counts failed attempts, throttled the attempts Kinesis throttled (not counted in failed); filteredCount (a string) the messages the filter dropped */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `range` is not one of 1h, 24h, 7d */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No sink has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/streams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries of a sink per stream
         * @description How many of the sink's messages were delivered to each stream over `range`, the window of the activity chart (`1h`, the default, `24h` or `7d`, from the start of its first bucket): a sink with a routing function writes to several. A message delivered without routing counts for the sink's own stream, which is always listed. Counts the messages still stored (delivered messages are pruned after their retention).
         */
        get: {
            parameters: {
                query?: {
                    range?: "1h" | "24h" | "7d";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ range, since, streams: [{ streamArn, own, delivered }] }`: most deliveries first; `own` marks the sink's own stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `range` is not one of 1h, 24h, 7d */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No sink has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/stream-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the newest records of the sink's stream back
         * @description What actually landed: the newest `limit` records (default 50, at most 200) of the sink's stream, read with the sink's endpoint and credentials through ListShards, GetShardIterator (AT_TIMESTAMP 5 minutes and then 1 hour back, then TRIM_HORIZON, until enough are found) and GetRecords. Data is UTF-8 text (base64 when it is not valid UTF-8), cut at 16 KiB. A KPL aggregated record is shown as the messages inside it, each with its own partition key and `aggregate: { index, count, sizeBytes }` (its place in the aggregated record, which has the record's shard and sequence number); a plain record has `aggregate: null`. Kinesis refusing the read is a result, not an error: `{ ok: false, error: { code, message, hint, operation } }`; on AWS the read needs kinesis:ListShards, kinesis:GetShardIterator and kinesis:GetRecords, and the hint names the one denied.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ ok: true, records: [{ shardId, sequenceNumber, partitionKey, arrivedAt, sizeBytes, encoding: utf8|base64, data, truncated, aggregate: { index, count, sizeBytes } | null }], shardCount, readSince, complete }` (newest first; `readSince` null when read from the oldest record kept; `complete` false when a shard held more than one look reads) or `{ ok: false, error: { code, message, hint, operation } }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `limit` is not a whole number from 1 to 200 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No sink has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the console and its database are up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ status: "ok", database: "ok" }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `{ status: "unavailable", database: "unreachable", error: { code, message } }`: the database cannot be reached */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/backfills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a sink's backfills
         * @description Newest first (at most 100): the one running or paused, if any, and the past ones with who started them and their outcome.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ backfills: Backfill[] }`, each as in `{ backfill }` below */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Start a backfill: send the rows that already exist in the sink's tables
         * @description Each existing row is sent as a `read` message, table after table (in the order given; all of the sink's tables when `tables` is left out), in primary-key order; per group, the last record is still the row's current state when it changes meanwhile. A table may be narrowed by `where`, a boolean SQL expression over its columns (one expression: no `;`, comments, parameters or subqueries), and/or `keyRange` `{ from?, to? }`: inclusive primary key bounds as text in key-column order (fewer values than key columns bound the leading columns). Both are tried on the source in a READ ONLY transaction before anything is saved. The condition runs on the source with the source role's rights. The engine reading the sink's source starts it within about a second. Recorded in the audit trail (`backfill.start`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tables?: {
                            /** @default public */
                            schema?: string;
                            name: string;
                            where?: string | null;
                            keyRange?: {
                                from?: string[] | null;
                                to?: string[] | null;
                            } | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description `{ backfill }`: id, sinkId, state (running|paused|done|cancelled|failed), outcome (done|cancelled|failed, null while running or paused), tables [{ schema, name, where?, keyRange? { from?, to? }, after (the cursor), done, rowsDone, rowsEstimate }], rowsDone, rowsTotalEstimate (null until an engine has looked), percent, rowsPerSecond, secondsLeft (null when unknown or not running), createdBy, startedAt, updatedAt, finishedAt, lastError */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON, the sink has no source, a table the sink does not take, a table listed twice, or a condition or key range the source refuses (`field` names it, e.g. `tables.0.where`, and the message carries Postgres' own, e.g. `column "x" does not exist`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No sink has this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The sink already has a running or paused backfill: cancel it or wait for it to finish */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The source could not be reached to check a condition or key range */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/backfills/{backfillId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a backfill and its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    backfillId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ backfill }`: id, sinkId, state (running|paused|done|cancelled|failed), outcome (done|cancelled|failed, null while running or paused), tables [{ schema, name, where?, keyRange? { from?, to? }, after (the cursor), done, rowsDone, rowsEstimate }], rowsDone, rowsTotalEstimate (null until an engine has looked), percent, rowsPerSecond, secondsLeft (null when unknown or not running), createdBy, startedAt, updatedAt, finishedAt, lastError */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id, or the sink has no backfill with this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/backfills/{backfillId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a running backfill
         * @description It stops after the page under way (which is dropped and read again on resume). Audit: `backfill.pause`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    backfillId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ backfill }`: id, sinkId, state (running|paused|done|cancelled|failed), outcome (done|cancelled|failed, null while running or paused), tables [{ schema, name, where?, keyRange? { from?, to? }, after (the cursor), done, rowsDone, rowsEstimate }], rowsDone, rowsTotalEstimate (null until an engine has looked), percent, rowsPerSecond, secondsLeft (null when unknown or not running), createdBy, startedAt, updatedAt, finishedAt, lastError */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id, or the sink has no backfill with this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The backfill's state does not allow it to be paused (the message says which states do), e.g. it is done */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/backfills/{backfillId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused backfill, or retry a failed one
         * @description It carries on from its cursor. Refused while the sink has another backfill running or paused. Audit: `backfill.resume`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    backfillId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ backfill }`: id, sinkId, state (running|paused|done|cancelled|failed), outcome (done|cancelled|failed, null while running or paused), tables [{ schema, name, where?, keyRange? { from?, to? }, after (the cursor), done, rowsDone, rowsEstimate }], rowsDone, rowsTotalEstimate (null until an engine has looked), percent, rowsPerSecond, secondsLeft (null when unknown or not running), createdBy, startedAt, updatedAt, finishedAt, lastError */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id, or the sink has no backfill with this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The backfill's state does not allow it to be resumed (the message says which states do), e.g. it is done */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/backfills/{backfillId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a backfill for good
         * @description No further page is stored; rows already stored are still delivered. Audit: `backfill.cancel`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    backfillId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ backfill }`: id, sinkId, state (running|paused|done|cancelled|failed), outcome (done|cancelled|failed, null while running or paused), tables [{ schema, name, where?, keyRange? { from?, to? }, after (the cursor), done, rowsDone, rowsEstimate }], rowsDone, rowsTotalEstimate (null until an engine has looked), percent, rowsPerSecond, secondsLeft (null when unknown or not running), createdBy, startedAt, updatedAt, finishedAt, lastError */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id, or the sink has no backfill with this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The backfill's state does not allow it to be cancelled (the message says which states do), e.g. it is done */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One page of a sink's messages in one state
         * @description `state` is `waiting` (the default; `pending` is a deprecated alias), `failing`, `delivered` or `discarded`. Waiting and failing messages come oldest first, in the order they go out; delivered and discarded ones newest first. Pass `nextCursor` as `after` for the next page; it is null on the last page. Each message is `{ id, sinkId, group, lane, commitLsn, commitIdx, tableSchema, tableName, action, sizeBytes, state, status, waitingReason, blockedBy, deliverCount, nextAttemptAt, nextAttemptTrigger, lastError, createdAt, delivered, discarded }`; ids and positions are strings. `status` is where it stands: `waiting`, `sending` (inside a request to Kinesis under way), `failing`, `delivered` or `discarded`; `waitingReason` says why a waiting one has not gone yet: `due` (its turn to be sent), `scheduled` (its next attempt time is not reached), `blocked` (behind a failing message of its group, whose id is `blockedBy`) or `throttled` (Kinesis throttled its last attempt); both null otherwise. `state` is the stored state (`pending` for waiting and sending), kept for clients written before `status`. `key` finds the messages of one row by its primary key value (composite keys joined with `:`, as in the payload's `metadata.record_pks`), whatever the sink groups by; `q` finds text anywhere in the stored payload's JSON text, as written there (case counts). Both read the payload of every message of the sink in the state asked (no index holds them), so each statement stops after 5 seconds with a 400 naming the field: narrow the search with `table`, `action` or `group` then.
         */
        get: {
            parameters: {
                query?: {
                    table?: string;
                    action?: "insert" | "update" | "delete" | "read";
                    group?: string;
                    errorCode?: string;
                    key?: string;
                    q?: string;
                    state?: "waiting" | "failing" | "delivered" | "discarded" | "pending";
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ messages, nextCursor }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description A query parameter is not valid (`field` names it), `after` is not a cursor this API issued, or a search (`key`, `q`) ran past its time bound (`field` names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No sink has this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/messages/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many messages are in each state, for the same filters as the list
         * @description Unfiltered counts read an index only and stay fast on millions of messages; a filter makes them read the rows, which takes about a second per million messages of the sink. `key` finds the messages of one row by its primary key value (composite keys joined with `:`, as in the payload's `metadata.record_pks`), whatever the sink groups by; `q` finds text anywhere in the stored payload's JSON text, as written there (case counts). Both read the payload of every message of the sink in the state asked (no index holds them), so each statement stops after 5 seconds with a 400 naming the field: narrow the search with `table`, `action` or `group` then.
         */
        get: {
            parameters: {
                query?: {
                    table?: string;
                    action?: "insert" | "update" | "delete" | "read";
                    group?: string;
                    errorCode?: string;
                    key?: string;
                    q?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ counts: { waiting, sending, failing, delivered, discarded, capped } }`: waiting counts the messages not sent yet and not failing (the ones being sent now included), sending those inside a request under way; `pending` and `inFlight`, the same as waiting and sending, are deprecated. `capped` lists the states whose filtered count stopped at 10,000 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description A query parameter is not valid (`field` names it) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No sink has this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One message with its payload and its attempts
         * @description `{ message }`: the listed fields, plus `payload` (the JSON exactly as stored, the change as captured; without a transform it is what is sent to Kinesis), `change` (the same), `sentPayload` and `transformError` (what the sink's current transform makes of the payload now, as a JSON text, or why it fails; both null when the sink has no transform), `attempts` (every failed attempt and every delivered one a person asked for, oldest first: `{ attemptNumber, trigger: scheduled|manual, outcome: delivered|failed|throttled, errorCode, errorMessage, durationMs, attemptedAt }`; the error fields are null for a delivered attempt) and `auditEvents` (who retried or discarded it and when, newest first, as GET /api/v1/audit lists them; a bulk operation is recorded on the sink, not on each message). Where it landed is in `delivered: { at, shardId, sequenceNumber, streamArn }` (`streamArn`: the stream the sink's routing function sent it to; null without routing, when it went to the sink's stream).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ message }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The message id is not a whole number */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The sink has no message with this id (or no sink has this id) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/messages/{messageId}/payload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A message's payload as a file
         * @description The payload byte for byte as stored (the change as captured; without a transform, what is sent to Kinesis), with `Content-Disposition: attachment; filename="message-<id>.json"`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The payload (application/json) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The message id is not a whole number */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The sink has no message with this id (or no sink has this id) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/messages/{messageId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failing message now
         * @description Its next attempt is due at once and recorded as asked for by a person (trigger `manual`), and who asked is recorded in the audit trail.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ message }` as listed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The message id is not a whole number */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The sink has no message with this id (or no sink has this id) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The message is not failing (waiting ones are already due or wait for their group; delivered ones can be re-sent) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/messages/{messageId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-send a delivered message (a consumer lost data)
         * @description It goes back to waiting, due at once, and is delivered again as a new attempt recorded with trigger `manual` (its deliverCount grows; the attempt is kept in its history). It keeps its position: it goes before its group's later messages that are still waiting, never after them, so the stream still ends each group with its latest change. Where it landed before and its last error are cleared (its attempts keep the history); the payload and its idempotency_key are the same. Recorded in the audit trail as `message.resend`. Admins only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ message }` as listed, waiting */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The message id is not a whole number */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The caller is a viewer */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The sink has no message with this id (or no sink has this id) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The message is not delivered, or a message of its group is being sent right now (try again in a moment) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/messages/{messageId}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Discard a waiting message
         * @description It is never sent, and the rest of its group moves on. Who (the account email or the token name), when and the optional reason are kept, and recorded in the audit trail. The body may be left out.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description `{ message }` as listed, with `discarded: { at, by, reason }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not JSON or the reason is too long, or the message id is not a whole number */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The sink has no message with this id (or no sink has this id) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The message is already delivered or discarded */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/bulk-operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sink's most recent bulk operations (20), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ operations }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No sink has this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Retry, discard or re-send every message a filter matches, in the background
         * @description Queued and run by an engine chunk by chunk; follow it with GET …/bulk-operations/{operationId}. `filter` is required (`{}` matches every message of the sink) and takes the fields of the filter of GET …/messages, `key` and `q` included (counting what a search matches is bounded in time as the list is). `action` `retry` applies to failing messages only; `discard` to waiting and failing ones, or to the `state` given (`waiting` or `failing`; `pending` is a deprecated alias of `waiting`); `resend` to delivered ones (each goes as `POST …/messages/{messageId}/resend` says; a message whose group is being sent at that moment is skipped, and `done` ends lower than `total`). `total` is how many matched when it was created; `done` how many were changed, lower at the end when some were delivered or discarded meanwhile. An operation is `{ id, sinkId, action, state: queued|running|done|failed, messageState, filter, reason, total, done, error, createdBy, createdAt, startedAt, finishedAt }`; `createdBy` is who queued it, recorded as who discarded its messages. Queuing it is recorded in the audit trail (`bulk.retry`, `bulk.discard`, `bulk.resend`) with the filter and `total`; the final count is added when it ends.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "retry" | "discard" | "resend";
                        /** @enum {string} */
                        state?: "waiting" | "pending" | "failing" | "delivered";
                        filter: {
                            table?: string;
                            /** @enum {string} */
                            action?: "insert" | "update" | "delete" | "read";
                            group?: string;
                            errorCode?: string;
                            key?: string;
                            q?: string;
                        };
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description `{ operation }`, queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not JSON or not valid (`field` names the part at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No sink has this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/bulk-operations/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bulk operation and its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    operationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ operation }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The sink has no bulk operation with this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List transforms
         * @description Every transform by name, with its current version and the sinks using it (no versions).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ transforms }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a transform
         * @description A `code` body is a JavaScript function `(message) => message` run in a sandbox; a `path` body picks part of the message (`record`, `record.address`, `changes.price.old`, `record.items[0]`). It is compiled first: a syntax error, code that is not a function or a path that does not start with record, changes, action or metadata is refused. It starts at version 1.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @enum {string} */
                        kind: "code" | "path";
                        body: string;
                    };
                };
            };
            responses: {
                /** @description `{ transform }`: id, name, description, kind (code|path), body and version (of the current version, the one that runs), createdAt, updatedAt, sinks [{ id, name }] (the sinks using it), versions [{ version, kind, body, createdAt, createdBy }] (newest first) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON, a field is invalid (`field` names it), or the code does not compile (field `body`, the compiler's message): nothing is saved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Another transform already has this name */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transforms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a transform with every version it has had */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ transform }`: id, name, description, kind (code|path), body and version (of the current version, the one that runs), createdAt, updatedAt, sinks [{ id, name }] (the sinks using it), versions [{ version, kind, body, createdAt, createdBy }] (newest first) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No transform has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a transform and its versions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ deleted: true }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No transform has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Sinks use it (the message names them): detach it from them first */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a transform
         * @description Any of name, description, kind, body. A new kind or body is compiled first and makes a new version, which the sinks using the transform run from then on (their messages not delivered yet included); a new name or description does not make a version.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        /** @enum {string} */
                        kind?: "code" | "path";
                        body?: string;
                    };
                };
            };
            responses: {
                /** @description `{ transform }`: id, name, description, kind (code|path), body and version (of the current version, the one that runs), createdAt, updatedAt, sinks [{ id, name }] (the sinks using it), versions [{ version, kind, body, createdAt, createdBy }] (newest first) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON, a field is invalid (`field` names it), or the code does not compile (field `body`, the compiler's message): nothing is saved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No transform has this id (or the id is not a UUID) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Another transform already has this name */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/transforms/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a transform, saved or not, on messages
         * @description Runs `definition` (`{ kind, body }`) on a pasted `message` (an object), on the messages `messageIds` of the sink `sinkId`, or on `limit` (1 to 20, 5 by default) messages of `sinkId`: those the transform applies to next (failing, then waiting, in the order they go out), then the most recently delivered, then discarded ones. Nothing is saved or sent. Each result is `{ messageId, input, output, outputBytes, recordLimitBytes, fitsLimit, durationMs, error }`: input and output are JSON texts; the limit is the sink's record size limit (1 MiB without a sink), and `fitsLimit` counts the message's partition key with the output, as Kinesis does. A transform that throws, runs out of time or memory or returns something that is not JSON gives `error` (as delivery would record it), not an API error.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        definition: {
                            /** @enum {string} */
                            kind: "code" | "path";
                            body: string;
                        };
                        /** Format: uuid */
                        sinkId?: string;
                        messageIds?: string[];
                        message?: unknown;
                        /** @default 5 */
                        limit?: number;
                    };
                };
            };
            responses: {
                /** @description `{ results }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not JSON, an invalid field (`field` names it: `message` when the pasted message is not an object), or the definition does not compile (field `definition.body`, the compiler's message) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The sink, or one of the messageIds of that sink, does not exist */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail: who changed what, and when, newest first
         * @description Every change of a sink, source or transform (create, update, delete, pause, resume) and every retry or discard, single or bulk. An event is `{ id, at, actor, action, targetType: sink|source|transform|message|account|token|stream, targetId, targetName, details }`: `actor` is the signed-in account's email or the API token's name; `targetName` is the name when it was done (null for a message); `details` holds the names of the fields an update changed (`fields`; a secret only as changed, never its value), a bulk operation's `operationId`, `filter`, `messageState`, `reason`, `matched` and, once it ended, `done` and `outcome`, or a message's `sinkId`, `sinkName`, `messageId` and `reason`, or a Kinesis stream created from the sink form (`stream.create`, the target its ARN) with its `capacityMode` and `shardCount`. Filters combine; `since` is inclusive, `until` exclusive. Pass `nextCursor` as `before` for the next (older) page; it is null on the last page.
         */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    action?: "sink.create" | "sink.update" | "sink.delete" | "sink.pause" | "sink.resume" | "backfill.start" | "backfill.pause" | "backfill.resume" | "backfill.cancel" | "source.create" | "source.update" | "source.delete" | "transform.create" | "transform.update" | "transform.delete" | "message.retry" | "message.discard" | "message.resend" | "bulk.retry" | "bulk.discard" | "bulk.resend" | "account.create" | "account.delete" | "account.sign_in_failure" | "account.lock" | "account.role_change" | "account.password_reset" | "account.password_change" | "token.create" | "token.revoke" | "alerts.settings_changed" | "config.apply" | "stream.create";
                    targetType?: "sink" | "source" | "transform" | "message" | "account" | "token" | "alert_settings" | "configuration" | "stream";
                    targetId?: string;
                    since?: string;
                    until?: string;
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ events, nextCursor }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description A query parameter is not valid (`field` names it): an unknown action or target type, a time that is not ISO 8601, a `before` that is not an event id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts, open and resolved, newest first
         * @description What the engines found that needs a person (docs/alerts.md): messages over the record size limit, groups blocked, a sink failing, a sink not capturing, a sink throttled by Kinesis for long, a source lagging. An alert is `{ id, kind: message_too_large|group_blocked|sink_failing|sink_not_capturing|sink_throttled|source_lagging, sinkId, sourceId, targetName, summary, details, openedAt, seenAt, resolvedAt, notifications: { openedAt, resolvedAt, error } }`: `sinkId` is set for the kinds about a sink, `sourceId` for `source_lagging`; `targetName` is the name of the sink or source when last evaluated; `summary` says what is wrong in one sentence and `details` holds its counts, examples and threshold; `resolvedAt` is null while it is open; `notifications` says when the webhook took each notice, or why it failed. `state=active` lists the open ones (at most one per kind and sink or source), `state=resolved` the history. Filters combine; `since` (inclusive) and `until` (exclusive) bound when it opened. Pass `nextCursor` as `before` for the next (older) page; it is null on the last page.
         */
        get: {
            parameters: {
                query?: {
                    state?: "active" | "resolved";
                    kind?: "message_too_large" | "group_blocked" | "sink_failing" | "sink_not_capturing" | "sink_throttled" | "source_lagging";
                    sinkId?: string;
                    sourceId?: string;
                    since?: string;
                    until?: string;
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ alerts, nextCursor }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description A query parameter is not valid (`field` names it): an unknown state or kind, an id that is not a UUID, a time that is not ISO 8601, a `before` that is not an alert id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alert settings made in the console
         * @description The notification webhook (whether one is set, and its host) and the thresholds set in the console, for the installation and each sink. Which applies (docs/alerts.md, "Settings"): a sink's own threshold, then the installation's set here, then the engine's environment variable, then the built-in default; a webhook set here is called instead of the engines' `SHARDLINE_ALERT_WEBHOOK_URL`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ settings: { webhook: { set, host }, thresholds, updatedAt, updatedBy }, thresholdFields, sinks }`: `webhook` says only whether a webhook is set in the console and its host (its URL is write-only, never returned); `thresholds` holds each installation-wide threshold set in the console, null where the engine's environment variable applies; `thresholdFields` gives each threshold's `{ scope: sink|source, unit: ms|bytes, variable, builtInDefault, min, max }`; `sinks` lists every sink with its own thresholds `{ sinkId, sinkName, thresholds, updatedAt, updatedBy }` (null: the installation's applies) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        /**
         * Change the alert settings (admin)
         * @description `webhookUrl`: an http(s) URL replaces the stored one (stored encrypted, never returned or logged), `null` removes it (the engines' `SHARDLINE_ALERT_WEBHOOK_URL` applies again), left out keeps it. `thresholds`: each one given as a number sets it (milliseconds from 1,000 to 604,800,000; `sourceLagBytes` from 1 MiB to 1 TiB), `null` returns it to the environment variable, left out keeps it. Engines apply the change at their next evaluation. Audited as `alerts.settings_changed` with what changed (the webhook by its host only).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        webhookUrl?: string | null;
                        thresholds?: {
                            groupBlockedMs?: number | null;
                            sinkFailingMs?: number | null;
                            sinkNotCapturingMs?: number | null;
                            sinkThrottledMs?: number | null;
                            sourceLagBytes?: number | null;
                            sourceStalledMs?: number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description `{ settings: { webhook: { set, host }, thresholds, updatedAt, updatedBy }, thresholdFields, sinks }`: `webhook` says only whether a webhook is set in the console and its host (its URL is write-only, never returned); `thresholds` holds each installation-wide threshold set in the console, null where the engine's environment variable applies; `thresholdFields` gives each threshold's `{ scope: sink|source, unit: ms|bytes, variable, builtInDefault, min, max }`; `sinks` lists every sink with its own thresholds `{ sinkId, sinkName, thresholds, updatedAt, updatedBy }` (null: the installation's applies) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `invalid_input`, `field` naming the setting: a URL that is not http(s), holds credentials or points at a refused address (link-local, metadata); a threshold out of range; an unknown setting */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `forbidden`: a viewer may look but not change anything; or `cross_site_request` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/settings/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test notification (admin)
         * @description Posts a test notice (Slack-compatible JSON with `test: true`, its text saying it is a test) to `webhookUrl` when given (a URL typed, not saved), else to the webhook saved in the console. One call, no retry, a 5 s timeout, redirects not followed. The answer says how it went: `{ result: { ok, host, status, message } }`, `status` being the HTTP status the webhook answered (null when it could not be reached; `message` then names the connection error). A webhook that refuses is still a 200: the result is the answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        webhookUrl?: string;
                    };
                };
            };
            responses: {
                /** @description `{ result: { ok, host, status, message } }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `invalid_input` on `webhookUrl`: not an http(s) URL, a refused address, or no URL given while none is saved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `forbidden`: a viewer may look but not change anything; or `cross_site_request` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/alert-thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sink's own alert thresholds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ thresholds: { sinkId, sinkName, thresholds: { groupBlockedMs, sinkFailingMs, sinkNotCapturingMs, sinkThrottledMs }, updatedAt, updatedBy } }`: null where the installation's threshold applies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description No such sink */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        /**
         * Set a sink's own alert thresholds (admin)
         * @description Each threshold given as a number (milliseconds, 1,000 to 604,800,000) applies to this sink instead of the installation's, from the next evaluation; `null` returns it to the installation's; left out keeps it. Audited as `alerts.settings_changed` on the sink, each threshold from and to.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        groupBlockedMs?: number | null;
                        sinkFailingMs?: number | null;
                        sinkNotCapturingMs?: number | null;
                        sinkThrottledMs?: number | null;
                    };
                };
            };
            responses: {
                /** @description The sink's thresholds, as GET answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `invalid_input`, `field` naming the threshold: out of range, not a whole number, or not a threshold of a sink */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `forbidden`: a viewer may look but not change anything; or `cross_site_request` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No such sink */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is calling
         * @description `{ account: { email, role: admin|viewer, kind: session|token } }`: for an API token, `email` is the token's name.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ account }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in (public)
         * @description Checks the email and password and sets the session cookie (`shardline_session`: HttpOnly, SameSite=Lax, Secure over https; ends after 12 idle hours). Each attempt is counted before the password is checked: past five for an email within 15 minutes it is locked for 15 minutes, even with the right password (429 `locked`, saying until when). A client address with 30 failures within 15 minutes waits (429 `rate_limited`). The body is at most 4 KiB (413). Must come from the console's origin.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description `{ account: { email, role } }`, with the session cookie */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `invalid_credentials`: the email or the password is wrong (the same answer for an unknown email) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `cross_site_request`: sent from another site */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `payload_too_large`: the body is over 4 KiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `locked`: too many failed sign-ins for this email; `rate_limited`: too many from this address */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        /**
         * Sign out
         * @description Deletes the session (its cookie signs nobody in any more) and clears the cookie.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ signedOut: true }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `cross_site_request` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password (any role)
         * @description Gives the current password and a new one (12 to 200 characters, not a common password, not containing the email). The account's other sessions end; this one goes on. An API token has no password: 403.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description `{ changed: true }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `invalid_input`: the current password is wrong (field `currentPassword`), or the new one is refused (field `newPassword`, saying why) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `forbidden`: called with an API token; or `cross_site_request` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first administrator is still to be created (public) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ needed }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        /**
         * Create the first administrator (public, only while there is no account)
         * @description Creates an admin account and signs it in. Once any account exists it is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description `{ account: { email, role } }`, with the session cookie */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not valid (a password under 12 characters) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `cross_site_request` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description The console is already set up */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accounts (admin)
         * @description `{ accounts: [{ id, email, role, createdAt, createdBy }] }`, by email; never a password.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ accounts }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Needs the admin role (or a request from another site) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an account (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "viewer";
                    };
                };
            };
            responses: {
                /** @description `{ account }` */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Needs the admin role (or a request from another site) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description An account has this email */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an account and its sessions (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ deleted: true }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Needs the admin role (or a request from another site) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No such account */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description It is the last administrator */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change an account's role or reset its password (admin)
         * @description `{ role?, password? }`: every session of the account ends (it signs in again) and its failed sign-ins are cleared. The last administrator cannot become a viewer.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role?: "admin" | "viewer";
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description `{ account }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not valid (a refused password says why) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Needs the admin role (or a request from another site) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No such account */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description It is the last administrator */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API tokens (admin)
         * @description `{ tokens: [{ id, name, role, createdAt, createdBy, lastUsedAt }] }`, by name; never the tokens themselves.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ tokens }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Needs the admin role (or a request from another site) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API token (admin)
         * @description Answers `{ token: { id, name, role, createdAt, createdBy, lastUsedAt, token } }`: `token` (`shl_…`) is shown this once; only its SHA-256 is stored. Send it as `Authorization: Bearer <token>`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "viewer";
                    };
                };
            };
            responses: {
                /** @description `{ token }` */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The body is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Needs the admin role (or a request from another site) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description A token has this name */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ revoked: true }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description Needs the admin role (or a request from another site) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description No such token */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan a configuration file
         * @description What applying `shardline.yaml` would create, change and delete, field by field, changing nothing (docs/configuration.md). Admins only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        file: string;
                        /**
                         * @description The values of the environment variables the file refers to (${NAME}); the command line sends those of its own environment
                         * @default {}
                         */
                        variables?: {
                            [key: string]: string;
                        };
                        /**
                         * @description Delete the sinks, transforms and sources the instance has and the file does not; kept without it
                         * @default false
                         */
                        deleteMissing?: boolean;
                    };
                };
            };
            responses: {
                /** @description `{ changes, kept }`: `changes` is what apply does (or did), in order, each `{ action: create|update|delete, kind: source|transform|sink, name, fields: [{ field, from, to }] }` (secrets shown as "(secret)"); `kept` the deletions left out without deleteMissing */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `invalid_config`: the file is not valid; `details.errors` lists every problem as `{ line, column, path, message }`. Nothing is applied */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a configuration file
         * @description Makes the instance match the file by name: creates, edits and (with deleteMissing) deletes sources, transforms and sinks through the same checks as their own requests. All or nothing: a step that fails undoes the earlier ones, and the error names the entry and its line. Applying the same file twice changes nothing. `force=true` saves despite failing checks and deletes sinks with undelivered messages. Audited as `config.apply`. Admins only.
         */
        post: {
            parameters: {
                query?: {
                    force?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        file: string;
                        /**
                         * @description The values of the environment variables the file refers to (${NAME}); the command line sends those of its own environment
                         * @default {}
                         */
                        variables?: {
                            [key: string]: string;
                        };
                        /**
                         * @description Delete the sinks, transforms and sources the instance has and the file does not; kept without it
                         * @default false
                         */
                        deleteMissing?: boolean;
                    };
                };
            };
            responses: {
                /** @description `{ changes, kept }`: `changes` is what apply does (or did), in order, each `{ action: create|update|delete, kind: source|transform|sink, name, fields: [{ field, from, to }] }` (secrets shown as "(secret)"); `kept` the deletions left out without deleteMissing */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `invalid_config`: the file is not valid; `details.errors` lists every problem as `{ line, column, path, message }`. Nothing is applied */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `sink_has_waiting_messages`: the file deletes a sink with undelivered messages (apply with force) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `checks_failed`, `source_not_ready`: a step failed its checks; `details` has `errors` (with the line), `step` and `undone` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
                /** @description `source_unreachable`: a source could not be reached; nothing is applied */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description invalid_input, invalid_json, not_found, conflict, checks_failed, internal, … */
                                code: string;
                                /** @description What is wrong, in words meant for a person */
                                message: string;
                                /** @description The input field at fault, when there is one */
                                field?: string;
                                /** @description With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }` */
                                checks?: Record<string, never>[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the configuration as a file
         * @description `{ file, variables }`: the instance as `shardline.yaml` (ordered by name, defaults left out), every secret replaced by a reference such as `${SINK_ORDERS_SECRET_ACCESS_KEY}`, and the names of those variables. Admins only.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `{ file, variables }` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The JSON Schema of shardline.yaml (public)
         * @description For editors: point `# yaml-language-server: $schema=` at it to validate and complete the file.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A JSON Schema (draft 2020-12) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
