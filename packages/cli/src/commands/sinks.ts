import type { Argv } from 'yargs';
import { answer } from '../api/client';
import { commandContext, type GlobalOptions } from '../context';
import { SINK_ARGUMENT } from '../options';
import { show, table } from '../output';
import { listSinks, resolveSinkId, type SinkRow } from '../sinks';

function describeSink(sink: SinkRow): string {
  return [
    `${sink.name} (${sink.id})`,
    `  stream:  ${sink.streamArn}`,
    `  status:  ${sink.health.status}: ${sink.health.summary}`,
    `  waiting: ${sink.counts.pending}, failing: ${sink.counts.failing}`,
    ...(sink.pausedAt ? [`  paused since ${sink.pausedAt}`] : []),
  ].join('\n');
}

export function sinkCommands(cli: Argv<GlobalOptions>) {
  return cli.command('sinks', 'List, show, pause and resume sinks', (sinks) =>
    sinks
      .command(
        'ls',
        'List the sinks with their status',
        (command) => command,
        async (argv) => {
          const context = await commandContext(argv);
          const rows = await listSinks(context);
          show(context.out, rows, (data) =>
            table(
              data,
              [
                ['NAME', (sink) => sink.name],
                ['STATUS', (sink) => sink.health.status],
                ['WAITING', (sink) => sink.counts.pending],
                ['FAILING', (sink) => sink.counts.failing],
                ['STREAM', (sink) => sink.streamArn],
              ],
              'No sinks yet.',
            ),
          );
        },
      )
      .command(
        'show <sink>',
        'Show a sink: its stream, status and backlog',
        (command) => command.positional('sink', SINK_ARGUMENT),
        async (argv) => {
          const context = await commandContext(argv);
          const id = await resolveSinkId(context, argv.sink);
          const { sink } = await answer<{ sink: SinkRow }>(
            context.api.GET('/api/v1/sinks/{id}', { params: { path: { id } } }),
            context.credentials,
          );
          show(context.out, sink, describeSink);
        },
      )
      .command(
        'pause <sink>',
        'Stop sending; changes are still captured and wait',
        (command) => command.positional('sink', SINK_ARGUMENT),
        async (argv) => {
          const context = await commandContext(argv);
          const id = await resolveSinkId(context, argv.sink);
          const { sink } = await answer<{ sink: SinkRow }>(
            context.api.POST('/api/v1/sinks/{id}/pause', { params: { path: { id } } }),
            context.credentials,
          );
          show(context.out, sink, (data) => `Paused ${data.name}: ${data.counts.pending} message(s) wait.`);
        },
      )
      .command(
        'resume <sink>',
        'Send again, starting with what waited',
        (command) => command.positional('sink', SINK_ARGUMENT),
        async (argv) => {
          const context = await commandContext(argv);
          const id = await resolveSinkId(context, argv.sink);
          const { sink } = await answer<{ sink: SinkRow }>(
            context.api.POST('/api/v1/sinks/{id}/resume', { params: { path: { id } } }),
            context.credentials,
          );
          show(context.out, sink, (data) => `Resumed ${data.name}.`);
        },
      )
      .demandCommand(1, 'say which: ls, show, pause or resume'),
  );
}
