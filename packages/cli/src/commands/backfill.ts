import type { Argv } from 'yargs';
import { answer } from '../api/client';
import { CliError } from '../cli-error';
import { type CommandContext, commandContext, type GlobalOptions } from '../context';
import { SINK_ARGUMENT } from '../options';
import { show, table } from '../output';
import { resolveSinkId } from '../sinks';

interface BackfillRow {
  id: string;
  state: string;
  outcome: string | null;
  rowsDone: number;
  percent: number | null;
  secondsLeft: number | null;
  tables: Array<{ schema: string; name: string }>;
  startedAt: string;
  createdBy: string;
  lastError: string | null;
}

/** The sink's backfills, newest first. */
async function listBackfills(context: CommandContext, sinkId: string): Promise<BackfillRow[]> {
  const { backfills } = await answer<{ backfills: BackfillRow[] }>(
    context.api.GET('/api/v1/sinks/{id}/backfills', { params: { path: { id: sinkId } } }),
    context.credentials,
  );
  return backfills;
}

function describeProgress(backfill: BackfillRow): string {
  const percent = backfill.percent === null ? '' : ` (${backfill.percent}%)`;
  const left = backfill.secondsLeft ? `, about ${backfill.secondsLeft} s left` : '';
  return `${backfill.state}: ${backfill.rowsDone} rows sent${percent}${left}`;
}

export function backfillCommands(cli: Argv<GlobalOptions>) {
  return cli.command('backfill', "Send a sink's existing rows: start, status, cancel", (backfill) =>
    backfill
      .command(
        'start <sink>',
        "Start sending the rows the sink's tables hold now",
        (command) =>
          command.positional('sink', SINK_ARGUMENT).option('table', {
            type: 'string',
            array: true,
            describe: 'Only these tables (schema.name or name), in this order; all of them when left out',
          }),
        async (argv) => {
          const context = await commandContext(argv);
          const id = await resolveSinkId(context, argv.sink);
          const tables = argv.table?.map((name) => {
            const [schema, table] = name.includes('.') ? name.split('.', 2) : ['public', name];
            return { schema, name: table };
          });
          const { backfill } = await answer<{ backfill: BackfillRow }>(
            context.api.POST('/api/v1/sinks/{id}/backfills', {
              params: { path: { id } },
              body: tables ? { tables } : {},
            } as never),
            context.credentials,
          );
          show(context.out, backfill, (data) => `Started backfill ${data.id}: ${describeProgress(data)}.`);
        },
      )
      .command(
        'status <sink>',
        "The sink's backfills, newest first, with their progress",
        (command) => command.positional('sink', SINK_ARGUMENT),
        async (argv) => {
          const context = await commandContext(argv);
          const id = await resolveSinkId(context, argv.sink);
          const backfills = await listBackfills(context, id);
          show(context.out, backfills, (rows) =>
            table(
              rows,
              [
                ['STARTED', (row) => row.startedAt],
                ['BY', (row) => row.createdBy],
                ['TABLES', (row) => row.tables.map((entry) => `${entry.schema}.${entry.name}`).join(', ')],
                ['PROGRESS', (row) => describeProgress(row)],
              ],
              'No backfills.',
            ),
          );
        },
      )
      .command(
        'cancel <sink>',
        "Cancel the sink's backfill under way (rows already sent stay sent)",
        (command) => command.positional('sink', SINK_ARGUMENT),
        async (argv) => {
          const context = await commandContext(argv);
          const id = await resolveSinkId(context, argv.sink);
          const backfills = await listBackfills(context, id);
          const current = backfills.find((row) => row.state === 'running' || row.state === 'paused');
          if (!current) throw new CliError(`no backfill of ${argv.sink} is under way`);
          const { backfill } = await answer<{ backfill: BackfillRow }>(
            context.api.POST('/api/v1/sinks/{id}/backfills/{backfillId}/cancel', {
              params: { path: { id, backfillId: current.id } },
            }),
            context.credentials,
          );
          show(context.out, backfill, (data) => `Cancelled backfill ${data.id} after ${data.rowsDone} rows.`);
        },
      )
      .demandCommand(1, 'say which: start, status or cancel'),
  );
}
