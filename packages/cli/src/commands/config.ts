import { readFile, writeFile } from 'node:fs/promises';
import type { PlannedChange } from '@shardline/config';
import { referencedVariables } from '@shardline/config/references';
import type { Argv } from 'yargs';
import { answer } from '../api/client';
import { CliError } from '../cli-error';
import { confirm } from '../confirm';
import { commandContext, type GlobalOptions } from '../context';
import { YES_OPTION } from '../options';
import { show } from '../output';

interface ConfigPlan {
  changes: PlannedChange[];
  kept: PlannedChange[];
}

const MARKS = { create: '+', update: '~', delete: '-' } as const;

/** A plan as a person reviews it: one line per entry, one per field changed. */
export function describePlan(plan: ConfigPlan, done = false): string {
  const lines: string[] = [];
  for (const change of plan.changes) {
    lines.push(`${MARKS[change.action]} ${change.action} ${change.kind} ${change.name}`);
    if (change.action === 'update') {
      for (const field of change.fields) {
        lines.push(`    ${field.field}: ${JSON.stringify(field.from)} → ${JSON.stringify(field.to)}`);
      }
    }
  }
  for (const change of plan.kept) {
    lines.push(`  keep ${change.kind} ${change.name} (not in the file; --delete-missing deletes it)`);
  }
  const count = plan.changes.length;
  lines.push(
    count === 0
      ? 'Nothing to change: the instance matches the file.'
      : `${count} change${count === 1 ? '' : 's'} ${done ? 'applied' : 'to apply'}.`,
  );
  return lines.join('\n');
}

/** The file and the values of the variables it refers to, from this shell's environment only. */
async function configRequest(path: string, deleteMissing: boolean) {
  let file: string;
  try {
    file = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  // Only what the file names leaves this machine, never the rest of the environment.
  const variables = Object.fromEntries(
    referencedVariables(file).flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
  return { file, variables, deleteMissing };
}

export function configCommands(cli: Argv<GlobalOptions>) {
  return cli.command('config', 'Configuration as code: plan, apply and export shardline.yaml', (config) =>
    config
      .command(
        'plan [file]',
        'Show what applying the file would create, change and delete, changing nothing',
        (command) =>
          command.positional('file', { type: 'string', default: 'shardline.yaml' }).option('delete-missing', {
            type: 'boolean',
            default: false,
            describe: 'Plan deleting what the file leaves out',
          }),
        async (argv) => {
          const context = await commandContext(argv);
          const plan = await answer<ConfigPlan>(
            context.api.POST('/api/v1/config/plan', {
              body: await configRequest(argv.file, argv.deleteMissing),
            }),
            context.credentials,
          );
          show(context.out, plan, (data) => describePlan(data));
        },
      )
      .command(
        'apply [file]',
        'Make the instance match the file (all or nothing), after showing the plan',
        (command) =>
          command
            .positional('file', { type: 'string', default: 'shardline.yaml' })
            .option('delete-missing', {
              type: 'boolean',
              default: false,
              describe: 'Delete what the file leaves out',
            })
            .option('force', { type: 'boolean', default: false, describe: 'Save despite failing checks' })
            .option('yes', YES_OPTION),
        async (argv) => {
          const context = await commandContext(argv);
          const body = await configRequest(argv.file, argv.deleteMissing);
          const plan = await answer<ConfigPlan>(
            context.api.POST('/api/v1/config/plan', { body }),
            context.credentials,
          );
          if (plan.changes.length === 0) {
            show(context.out, plan, (data) => describePlan(data));
            return;
          }
          if (!context.out.json) context.out.write(describePlan(plan));
          await confirm(`Apply these ${plan.changes.length} change(s) to ${context.credentials.url}?`, argv);
          const applied = await answer<ConfigPlan>(
            context.api.POST('/api/v1/config/apply', {
              body,
              params: { query: { force: argv.force ? 'true' : 'false' } },
            }),
            context.credentials,
          );
          show(context.out, applied, (data) => describePlan(data, true));
        },
      )
      .command(
        'export',
        "Write the instance's configuration as shardline.yaml, secrets as references",
        (command) =>
          command.option('out', {
            alias: 'o',
            type: 'string',
            describe: 'Write to this file instead of the output',
          }),
        async (argv) => {
          const context = await commandContext(argv);
          const exported = await answer<{ file: string; variables: string[] }>(
            context.api.GET('/api/v1/config/export'),
            context.credentials,
          );
          if (argv.out) {
            await writeFile(argv.out, exported.file);
            show(
              context.out,
              { written: argv.out, variables: exported.variables },
              () => `Wrote ${argv.out}. Set ${exported.variables.join(', ') || 'no variables'} to apply it.`,
            );
          } else if (context.out.json) {
            show(context.out, exported, () => '');
          } else {
            process.stdout.write(exported.file);
          }
        },
      )
      .demandCommand(1, 'say which: plan, apply or export'),
  );
}
