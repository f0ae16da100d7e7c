import type { Source, SslMode } from '@/lib/client/api-types';
import type { SourceInput } from '@/lib/client/mutations';

export interface SourceFormValues {
  name: string;
  mode: 'url' | 'fields';
  url: string;
  host: string;
  port: string;
  database: string;
  username: string;
  password: string;
  removePassword: boolean;
  sslMode: SslMode | '';
  publicationName: string;
  slotName: string;
}

/** The API's names of the inputs the form shows, for placing its errors. */
export const SOURCE_FIELDS = [
  'name',
  'url',
  'host',
  'port',
  'database',
  'username',
  'password',
  'sslMode',
  'publicationName',
  'slotName',
] as const;

export function initialSourceValues(source?: Source): SourceFormValues {
  return {
    name: source?.name ?? '',
    mode: source ? 'fields' : 'url',
    url: '',
    host: source?.host ?? '',
    port: source ? String(source.port) : '',
    database: source?.database ?? '',
    username: source?.username ?? '',
    password: '',
    removePassword: false,
    sslMode: source?.sslMode ?? '',
    publicationName: source?.publicationName ?? '',
    slotName: source?.slotName ?? '',
  };
}

/**
 * The body to send. On edit an empty password keeps the stored one (the field is left out), and
 * "remove the password" sends `null`.
 */
export function toSourceInput(values: SourceFormValues, editing: boolean): SourceInput {
  const text = (value: string) => value.trim() || null;
  const input: SourceInput = { name: values.name.trim() };
  // On edit an empty optional field keeps what is stored; on create it lets the API choose.
  const optional = <K extends 'sslMode' | 'publicationName' | 'slotName'>(
    key: K,
    value: SourceInput[K] | null,
  ) => {
    if (value) input[key] = value;
    else if (!editing) input[key] = null;
  };
  optional('sslMode', values.sslMode || null);
  optional('publicationName', text(values.publicationName));
  optional('slotName', text(values.slotName));
  if (values.mode === 'url') {
    input.url = text(values.url);
  } else {
    input.host = text(values.host);
    input.port = values.port.trim() ? Number(values.port) : null;
    input.database = text(values.database);
    input.username = text(values.username);
  }
  if (values.password) input.password = values.password;
  else if (!editing) input.password = null;
  else if (values.removePassword) input.password = null;
  return input;
}
