import { readerOfApplicationName } from '../reader/reader-application-name';
import type { CheckContext } from './check-context';
import type { SourceCheck } from './source-check-report';
import { quoteLiteral } from './source-client';

const SLOT_NAME = /^[a-z0-9_]{1,63}$/;

/** pg_replication_slots as JSON, so columns added by later versions (wal_status) are simply absent before. */
interface SlotRow {
  slot_type: string;
  plugin: string | null;
  database: string | null;
  active: boolean;
  active_pid: number | null;
  confirmed_flush_lsn: string | null;
  wal_status?: string | null;
}

export async function checkSlot(context: CheckContext): Promise<SourceCheck> {
  const { slotName } = context.options;
  const error = (title: string, detail: string): SourceCheck => ({
    id: 'slot',
    status: 'error',
    title,
    detail,
  });
  if (!SLOT_NAME.test(slotName)) {
    return error(
      `"${slotName}" cannot be a replication slot name`,
      'Slot names may only hold lowercase letters, digits and underscores, at most 63 of them.',
    );
  }
  const server = await context.server();
  const drop = `SELECT pg_drop_replication_slot(${quoteLiteral(slotName)});`;
  const { rows } = await context.client.query<{ slot: SlotRow }>(
    'SELECT to_jsonb(s) AS slot FROM pg_replication_slots s WHERE slot_name = $1',
    [slotName],
  );
  const slot = rows[0]?.slot;

  if (!slot) {
    if (server.walLevel !== 'logical') {
      return error(
        `The replication slot "${slotName}" cannot be created yet`,
        'It does not exist, and Postgres can only create it once wal_level is logical (see the WAL level check).',
      );
    }
    if (server.usedReplicationSlots >= server.maxReplicationSlots) {
      return error(
        'No replication slot is free',
        `The slot "${slotName}" does not exist yet, and all ${server.maxReplicationSlots} replication slots of ` +
          'the server are taken. Raise max_replication_slots (then restart the server), or drop a slot that ' +
          "nothing uses any more: SELECT pg_drop_replication_slot('<slot name>');",
      );
    }
    return {
      id: 'slot',
      status: 'ok',
      title: `The replication slot "${slotName}" will be created`,
      detail:
        'It does not exist yet; Shardline creates it (plugin pgoutput) when it starts reading. From then on ' +
        'the server keeps the WAL Shardline has not stored yet.',
    };
  }

  if (slot.slot_type !== 'logical') {
    return error(
      `"${slotName}" is a physical replication slot`,
      `Shardline needs a logical slot with the pgoutput plugin. Give this source another slot name, or drop this slot if nothing uses it: ${drop}`,
    );
  }
  if (slot.plugin !== 'pgoutput') {
    return error(
      `The replication slot "${slotName}" uses the plugin ${slot.plugin}`,
      "Shardline reads with pgoutput, and a slot's plugin cannot be changed. Give this source another slot " +
        `name, or drop this slot if nothing else uses it: ${drop}`,
    );
  }
  if (slot.database !== server.database) {
    return error(
      `The replication slot "${slotName}" belongs to another database`,
      `It reads database "${slot.database}", not "${server.database}". Slot names are shared by the whole ` +
        'server: give this source another slot name.',
    );
  }
  if (slot.wal_status === 'lost') {
    return error(
      `The replication slot "${slotName}" has lost changes`,
      'The server removed WAL the slot still needed (max_slot_wal_keep_size was exceeded), so it cannot be ' +
        `read any more. Drop it (${drop}) so that Shardline creates it anew, then backfill the sinks to ` +
        'catch up on the changes missed.',
    );
  }
  if (slot.active) return describeActiveSlot(context, slot.active_pid);
  return {
    id: 'slot',
    status: 'ok',
    title: `The replication slot "${slotName}" is ready`,
    detail:
      `It exists with the pgoutput plugin on database "${server.database}"; Shardline resumes reading ` +
      `from ${slot.confirmed_flush_lsn ?? 'its start'}.`,
  };
}

/**
 * Who reads the slot now. Shardline's reader of this very source (the engine running) is as it
 * should be; a reader of another source, or another program, keeps this source from reading.
 */
async function describeActiveSlot(context: CheckContext, pid: number | null): Promise<SourceCheck> {
  const { slotName, sourceId } = context.options;
  const backend = pid === null ? undefined : await readBackend(context, pid);
  const reader = readerOfApplicationName(backend?.application_name ?? null);
  const process = pid === null ? 'A connection' : `Process ${pid}`;
  if (reader && sourceId !== undefined && reader.sourceId === sourceId) {
    return {
      id: 'slot',
      status: 'ok',
      title: `The replication slot "${slotName}" is in use by Shardline's reader (this source)`,
      detail: `${process} of a Shardline engine is reading this source's changes from it, as it should.`,
    };
  }
  if (reader) {
    return {
      id: 'slot',
      status: 'warning',
      title: `The replication slot "${slotName}" is in use by Shardline's reader of another source`,
      detail:
        `${process} reads it for the source ${reader.sourceId} of Shardline. A slot has one reader at a ` +
        'time, and two sources cannot share one: give this source a slot name of its own.',
    };
  }
  const who = [
    backend?.application_name ? `application "${backend.application_name}"` : null,
    backend?.usename ? `user "${backend.usename}"` : null,
  ].filter(Boolean);
  return {
    id: 'slot',
    status: 'warning',
    title: `The replication slot "${slotName}" is in use by another connection`,
    detail:
      `${process}${who.length > 0 ? ` (${who.join(', ')})` : ''} is reading from it. A slot has one ` +
      'reader at a time: Shardline starts reading once that connection lets go. If it is not a ' +
      'Shardline engine, give this source a slot of its own.',
  };
}

async function readBackend(
  context: CheckContext,
  pid: number,
): Promise<{ application_name: string | null; usename: string | null } | undefined> {
  const { rows } = await context.client.query<{ application_name: string | null; usename: string | null }>(
    'SELECT application_name, usename::text FROM pg_stat_activity WHERE pid = $1',
    [pid],
  );
  return rows[0];
}
