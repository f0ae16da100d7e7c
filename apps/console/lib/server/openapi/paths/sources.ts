import { createSourceInputSchema, updateSourceInputSchema } from '@shardline/db';
import { forceQuerySchema } from '../../api/force-flag';
import { checkSourceInputSchema } from '../../sources/check-source-input';
import type { PathSpecs } from '../operation';
import { CHECKS_FAILED, SOURCE_HEALTH } from './health-text';

const tag = 'sources';
const SOURCE = `Source = { id, name, host, port, database, username, hasPassword, sslMode, publicationName, slotName, confirmedLsn, readerSeenAt, lastErrorMessage, lastErrorAt, createdAt, updatedAt, health }; the password is never shown. ${SOURCE_HEALTH}`;
const REPORT =
  'report = { ok, checks: [{ id, status: ok|warning|error|skipped, title, detail }] }; ok is false when any check is an error. A source that cannot be reached is a failed check, not an API error.';
const NOT_FOUND = 'No source has this id (or the id is not a UUID)';

export const sourcesPaths: PathSpecs = {
  '/api/v1/sources': {
    get: {
      summary: 'List the sources',
      description: `By name. ${SOURCE}`,
      tag,
      responses: { 200: '{ sources: Source[] }' },
    },
    post: {
      summary: 'Create a source',
      description:
        'The connection is given as a url or as host, port, database and username; publicationName and slotName default to shardline_<name>. ' +
        `The checks run before saving, with no tables (a source has no sink yet): the connection, the server's settings, the role's rights, the publication and the slot; when one fails nothing is saved (422) unless force=true. ${REPORT}`,
      tag,
      body: createSourceInputSchema,
      query: forceQuerySchema,
      responses: {
        201: '{ source, report }: the source as saved (without health), and the checks',
        422: CHECKS_FAILED,
        400: 'The body is not JSON (invalid_json), or a setting is invalid (invalid_input, field names it)',
        409: 'A source of that name exists, or another source reads the same database through the same slot',
      },
    },
  },
  '/api/v1/sources/check': {
    post: {
      summary: 'Check connection settings before saving them',
      description: `Runs the source checks for the settings given (as for creating a source) and the tables given; nothing is saved. ${REPORT}`,
      tag,
      body: checkSourceInputSchema,
      responses: {
        200: '{ report }',
        400: 'The body is not JSON (invalid_json), or a setting is invalid (invalid_input, field names it)',
      },
    },
  },
  '/api/v1/sources/{id}': {
    get: {
      summary: 'A source and its latest problems',
      description: `events are the source's 20 latest warnings and errors, newest first: [{ id, sourceId, level, message, at }]. ${SOURCE}`,
      tag,
      responses: { 200: '{ source: Source, events }', 404: NOT_FOUND },
    },
    patch: {
      summary: 'Edit a source',
      description:
        'Only the fields given change; a url replaces host, port, database and username. password: left out keeps it, null removes it, a string replaces it. ' +
        'The slot cannot change while sinks read from the source. The engine uses the new settings when it next starts reading the source. ' +
        'An edit of the connection settings runs the source checks first (with the saved settings for what it leaves out, and the tables of its sinks); when one fails nothing is saved (422) unless force=true.',
      tag,
      body: updateSourceInputSchema,
      query: forceQuerySchema,
      responses: {
        200: '{ source }: the source as saved (without health)',
        422: CHECKS_FAILED,
        400: 'The body is not JSON (invalid_json), or a setting is invalid or cannot be edited (invalid_input)',
        404: NOT_FOUND,
        409: 'The name is taken, another source reads the same database through that slot, or sinks read from the source while its slot would change',
      },
    },
    delete: {
      summary: 'Delete a source',
      description:
        'Also drops its replication slot and publication on the source database, so the server stops keeping WAL for it. ' +
        'cleanup = { slotDropped, publicationDropped, error }: when that database cannot be reached the source is still deleted, and error says what to drop by hand.',
      tag,
      responses: {
        200: '{ deleted: true, cleanup }',
        404: NOT_FOUND,
        409: 'Sinks read from the source: delete them first',
      },
    },
  },
  '/api/v1/sources/{id}/checks': {
    get: {
      summary: 'Check a saved source',
      description: `Runs the source checks for the saved settings and the tables its sinks take. ${REPORT}`,
      tag,
      responses: { 200: '{ report }', 404: NOT_FOUND },
    },
  },
  '/api/v1/sources/{id}/tables': {
    get: {
      summary: "The source database's tables",
      description:
        'For picking tables and grouping columns: plain and partitioned tables (not partitions) outside the system schemas, by schema and name. ' +
        'tables = [{ schema, name, primaryKey: string[], replicaIdentity: default|full|index|nothing, inPublication, columns: [{ name, type, nullable }] }].',
      tag,
      responses: {
        200: '{ tables }',
        404: NOT_FOUND,
        502: 'The source database cannot be reached (source_unreachable); the message says why and what to do',
      },
    },
  },
};
