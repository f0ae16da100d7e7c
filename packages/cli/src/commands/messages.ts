import type { Argv } from 'yargs';
import { answer } from '../api/client';
import { CliError } from '../cli-error';
import { confirm } from '../confirm';
import { type CommandContext, commandContext, type GlobalOptions } from '../context';
import { MESSAGE_ARGUMENT, SINK_ARGUMENT, YES_OPTION } from '../options';
import { show, table } from '../output';
import { resolveSinkId } from '../sinks';

interface MessageRow {
  id: string;
  group: string;
  tableSchema: string;
  tableName: string;
  action: string;
  state: string;
  /** waiting, sending, failing, delivered or discarded; a waiting one says why and may name its blocker. */
  status: string;
  waitingReason: string | null;
  blockedBy: string | null;
  deliverCount: number;
  lastError: { code: string; message: string } | null;
  createdAt: string;
}

interface BulkOperation {
  id: string;
  action: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  error: string | null;
}

/** What narrows messages, as in the console: the same names as the API's query. */
interface FilterOptions {
  table?: string;
  action?: string;
  group?: string;
  errorCode?: string;
  key?: string;
  search?: string;
}

const STATES = ['waiting', 'failing', 'delivered', 'discarded'] as const;
const ACTIONS = ['insert', 'update', 'delete', 'read'] as const;
/** How often the progress of a bulk operation is asked for. */
const POLL_MS = 500;

function withFilterOptions<T>(command: Argv<T>) {
  return command
    .option('table', { type: 'string', describe: 'Only this table (name or schema.name)' })
    .option('action', { choices: ACTIONS, describe: 'Only this action' })
    .option('group', { type: 'string', describe: 'Only this group (partition key), exactly' })
    .option('error-code', { type: 'string', describe: 'Only messages whose last error has this code' })
    .option('key', {
      type: 'string',
      describe: 'Only the row with this primary key value (a:b for a composite key)',
    })
    .option('search', {
      type: 'string',
      describe: 'Only messages whose payload contains this text (case-sensitive)',
    });
}

function filterOf(options: FilterOptions): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      table: options.table,
      action: options.action,
      group: options.group,
      errorCode: options.errorCode,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** What each bulk action applies to, and how it is said when done. */
const BULK = {
  retry: { verb: 'Retry', done: 'Retried', matched: (counts: Counts) => counts.failing },
  discard: {
    verb: 'Discard',
    done: 'Discarded',
    matched: (counts: Counts) => counts.waiting + counts.failing,
  },
  resend: { verb: 'Re-send', done: 'Re-sent', matched: (counts: Counts) => counts.delivered },
} as const;

interface Counts {
  waiting: number;
  failing: number;
  delivered: number;
  capped: string[];
}

function statusOf(row: MessageRow): string {
  if (row.blockedBy) return `waiting behind ${row.blockedBy}`;
  return row.waitingReason ? `${row.status} (${row.waitingReason})` : row.status;
}

async function bulk(
  context: CommandContext,
  sinkId: string,
  request: { action: keyof typeof BULK; state?: string; filter: Record<string, string>; reason?: string },
  options: { yes: boolean; sink: string },
): Promise<void> {
  const words = BULK[request.action];
  const { counts } = await answer<{ counts: Counts }>(
    context.api.GET('/api/v1/sinks/{id}/messages/counts', {
      params: { path: { id: sinkId }, query: request.filter },
    } as never),
    context.credentials,
  );
  const matched = words.matched(counts);
  // Delivered messages are counted up to a cap under a filter: the operation counts them all.
  const atLeast = request.action === 'resend' && counts.capped.includes('delivered') ? 'at least ' : '';
  if (matched === 0) {
    show(context.out, { matched: 0 }, () => 'No message matches: nothing to do.');
    return;
  }
  const what = Object.entries(request.filter)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const consequence = request.action === 'resend' ? ' Their consumers will receive them again.' : '';
  await confirm(
    `${words.verb} ${atLeast}${matched} message(s) of ${options.sink}${what ? ` (${what})` : ''}?${consequence}`,
    options,
  );
  let { operation } = await answer<{ operation: BulkOperation }>(
    context.api.POST('/api/v1/sinks/{id}/bulk-operations', {
      params: { path: { id: sinkId } },
      body: request,
    } as never),
    context.credentials,
  );
  while (operation.state === 'queued' || operation.state === 'running') {
    if (!context.out.json)
      process.stderr.write(`\r${operation.state}: ${operation.done} of ${operation.total}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    ({ operation } = await answer<{ operation: BulkOperation }>(
      context.api.GET('/api/v1/sinks/{id}/bulk-operations/{operationId}', {
        params: { path: { id: sinkId, operationId: operation.id } },
      }),
      context.credentials,
    ));
  }
  if (!context.out.json) process.stderr.write('\r');
  if (operation.state === 'failed') throw new CliError(`the ${operation.action} stopped: ${operation.error}`);
  show(
    context.out,
    operation,
    (data) => `${data.action === 'retry' ? 'Retried' : 'Discarded'} ${data.done} of ${data.total}.`,
  );
}

export function messageCommands(cli: Argv<GlobalOptions>) {
  return cli.command('messages', "A sink's messages: list, retry, discard, re-send", (messages) =>
    messages
      .command(
        'ls <sink>',
        'List messages in a state, newest first',
        (command) =>
          withFilterOptions(
            command
              .positional('sink', SINK_ARGUMENT)
              .option('state', { choices: STATES, default: 'waiting' as const, describe: 'Which messages' })
              .option('limit', { type: 'number', default: 50, describe: 'At most this many (up to 500)' }),
          ),
        async (argv) => {
          const context = await commandContext(argv);
          const sinkId = await resolveSinkId(context, argv.sink);
          const page = await answer<{ messages: MessageRow[] }>(
            context.api.GET('/api/v1/sinks/{id}/messages', {
              params: {
                path: { id: sinkId },
                query: { ...filterOf(argv), state: argv.state, limit: argv.limit },
              },
            } as never),
            context.credentials,
          );
          show(context.out, page.messages, (rows) =>
            table(
              rows,
              [
                ['ID', (row) => row.id],
                ['TABLE', (row) => `${row.tableSchema}.${row.tableName}`],
                ['ACTION', (row) => row.action],
                ['STATUS', statusOf],
                ['GROUP', (row) => row.group],
                ['ATTEMPTS', (row) => row.deliverCount],
                [
                  'LAST ERROR',
                  (row) => (row.lastError ? `${row.lastError.code}: ${row.lastError.message}` : null),
                ],
              ],
              `No ${argv.state} messages.`,
            ),
          );
        },
      )
      .command(
        'retry <sink> [message]',
        'Send a failing message now, or every failing one the filter matches (after a count and a confirmation)',
        (command) =>
          withFilterOptions(
            command
              .positional('sink', SINK_ARGUMENT)
              .positional('message', MESSAGE_ARGUMENT)
              .option('yes', YES_OPTION),
          ),
        async (argv) => {
          const context = await commandContext(argv);
          const sinkId = await resolveSinkId(context, argv.sink);
          if (argv.message) {
            const result = await answer<{ message: MessageRow }>(
              context.api.POST('/api/v1/sinks/{id}/messages/{messageId}/retry', {
                params: { path: { id: sinkId, messageId: argv.message } },
              }),
              context.credentials,
            );
            show(context.out, result.message, (message) => `Message ${message.id} is due now.`);
            return;
          }
          await bulk(
            context,
            sinkId,
            { action: 'retry', filter: filterOf(argv) },
            { yes: argv.yes, sink: argv.sink },
          );
        },
      )
      .command(
        'discard <sink> [message]',
        'Give up on a waiting or failing message, or every one the filter matches',
        (command) =>
          withFilterOptions(
            command
              .positional('sink', SINK_ARGUMENT)
              .positional('message', MESSAGE_ARGUMENT)
              .option('reason', { type: 'string', describe: 'Kept with the message and in the audit trail' })
              .option('yes', YES_OPTION),
          ),
        async (argv) => {
          const context = await commandContext(argv);
          const sinkId = await resolveSinkId(context, argv.sink);
          if (argv.message) {
            await confirm(`Discard message ${argv.message} of ${argv.sink}? It will never be sent.`, argv);
            const result = await answer<{ message: MessageRow }>(
              context.api.POST('/api/v1/sinks/{id}/messages/{messageId}/discard', {
                params: { path: { id: sinkId, messageId: argv.message } },
                body: argv.reason ? { reason: argv.reason } : {},
              } as never),
              context.credentials,
            );
            show(context.out, result.message, (message) => `Discarded message ${message.id}.`);
            return;
          }
          await bulk(
            context,
            sinkId,
            { action: 'discard', filter: filterOf(argv), ...(argv.reason ? { reason: argv.reason } : {}) },
            { yes: argv.yes, sink: argv.sink },
          );
        },
      )
      .command(
        'resend <sink> [message]',
        'Send a delivered message again (a consumer lost it), or every delivered one the filter matches',
        (command) =>
          withFilterOptions(
            command
              .positional('sink', SINK_ARGUMENT)
              .positional('message', MESSAGE_ARGUMENT)
              .option('yes', YES_OPTION),
          ),
        async (argv) => {
          const context = await commandContext(argv);
          const sinkId = await resolveSinkId(context, argv.sink);
          if (argv.message) {
            await confirm(
              `Re-send message ${argv.message} of ${argv.sink}? Its consumers will receive it again.`,
              argv,
            );
            const result = await answer<{ message: MessageRow }>(
              context.api.POST('/api/v1/sinks/{id}/messages/{messageId}/resend', {
                params: { path: { id: sinkId, messageId: argv.message } },
              }),
              context.credentials,
            );
            show(context.out, result.message, (message) => `Message ${message.id} will be sent again.`);
            return;
          }
          await bulk(
            context,
            sinkId,
            { action: 'resend', filter: filterOf(argv) },
            { yes: argv.yes, sink: argv.sink },
          );
        },
      )
      .demandCommand(1, 'say which: ls, retry, discard or resend'),
  );
}
