import { answer } from './api/client';
import { CliError } from './cli-error';
import type { CommandContext } from './context';

/** A sink as the API lists it; only the fields the command line shows. */
export interface SinkRow {
  id: string;
  name: string;
  streamArn: string;
  pausedAt: string | null;
  health: { status: string; summary: string };
  counts: { pending: number; failing: number };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listSinks({ api, credentials }: CommandContext): Promise<SinkRow[]> {
  const { sinks } = await answer<{ sinks: SinkRow[] }>(api.GET('/api/v1/sinks'), credentials);
  return sinks;
}

/** A sink named by its name (as in shardline.yaml) or its id. */
export async function resolveSinkId(context: CommandContext, nameOrId: string): Promise<string> {
  if (UUID.test(nameOrId)) return nameOrId;
  const sinks = await listSinks(context);
  const found = sinks.find((sink) => sink.name === nameOrId);
  if (!found) {
    const names = sinks.map((sink) => sink.name).join(', ') || 'none';
    throw new CliError(`no sink is named "${nameOrId}" (sinks: ${names})`);
  }
  return found.id;
}
