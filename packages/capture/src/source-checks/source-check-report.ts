/** `skipped`: not checked because something it depends on failed (the connection, the tables). */
export type SourceCheckStatus = 'ok' | 'warning' | 'error' | 'skipped';

export type SourceCheckId =
  | 'connection'
  | 'wal-level'
  | 'replication-permission'
  | 'tables'
  | 'publication'
  | 'slot'
  | 'primary-keys'
  | 'replica-identity';

/** One finding, worded for the person who runs the database: what is wrong and what to do about it. */
export interface SourceCheck {
  id: SourceCheckId;
  status: SourceCheckStatus;
  title: string;
  detail: string;
}

/** `ok` is false when any check is an error; warnings tell what the user loses, they do not block. */
export interface SourceCheckReport {
  ok: boolean;
  checks: SourceCheck[];
}

export interface SourceTableChoice {
  schema: string;
  name: string;
  /** Columns whose values group the table's messages; needed when the table has no primary key. */
  groupColumns?: string[];
}

export interface SourceCheckOptions {
  publicationName: string;
  slotName: string;
  tables: SourceTableChoice[];
  /** The saved source these settings are for, if any: its own reader of the slot is no problem. */
  sourceId?: string;
}
