import type { Argv } from 'yargs';
import { answer } from '../api/client';
import { commandContext, type GlobalOptions } from '../context';
import { show, table } from '../output';

interface AlertRow {
  id: string;
  kind: string;
  targetName: string;
  summary: string;
  openedAt: string;
  resolvedAt: string | null;
}

export function alertCommands(cli: Argv<GlobalOptions>) {
  return cli.command('alerts', 'Alerts: what needs a person', (alerts) =>
    alerts
      .command(
        'ls',
        'List alerts, newest first (open ones by default)',
        (command) =>
          command.option('state', {
            choices: ['active', 'resolved', 'all'] as const,
            default: 'active' as const,
            describe: 'Which alerts',
          }),
        async (argv) => {
          const context = await commandContext(argv);
          const query = argv.state === 'all' ? {} : { state: argv.state };
          const page = await answer<{ alerts: AlertRow[] }>(
            context.api.GET('/api/v1/alerts', { params: { query } }),
            context.credentials,
          );
          show(context.out, page.alerts, (rows) =>
            table(
              rows,
              [
                ['OPENED', (alert) => alert.openedAt],
                ['KIND', (alert) => alert.kind],
                ['ON', (alert) => alert.targetName],
                ['STATE', (alert) => (alert.resolvedAt ? 'resolved' : 'open')],
                ['SUMMARY', (alert) => alert.summary],
              ],
              argv.state === 'active' ? 'No open alerts.' : 'No alerts.',
            ),
          );
        },
      )
      .demandCommand(1, 'say which: ls'),
  );
}
