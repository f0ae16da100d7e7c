/** The arguments and options several commands share, described once. */
export const SINK_ARGUMENT = {
  describe: 'The sink: its name or id',
  type: 'string',
  demandOption: true,
} as const;

export const MESSAGE_ARGUMENT = {
  type: 'string',
  describe: 'One message id; the filter when left out',
} as const;

export const YES_OPTION = {
  alias: 'y',
  type: 'boolean',
  default: false,
  describe: 'Do not ask for confirmation',
} as const;
