import type { EnsureOutcome } from '../publication/publication-session';
import { formatLsn } from '../reader/lsn';
import type { PublicationCleanup } from './reconcile-publication';

/** What saving a sink did on its source's publication and slot, for the API's answer. */
export interface SinkPublicationReport {
  /** `schema.name` of tables added to the publication. */
  tablesAdded: string[];
  /** `schema.name` of chosen tables that do not exist on the source: nothing captures them yet. */
  tablesMissing: string[];
  publicationCreated: boolean;
  slotCreated: boolean;
  /** `schema.name` of tables removed from the publication: no sink takes them any more. */
  tablesRemoved: string[];
  /** The source has no sink left: its slot was dropped, so it keeps no WAL. */
  slotDropped: boolean;
  /**
   * The source's WAL position (`16/B374D848`) from which changes follow the saved configuration:
   * read right after saving, so every change committed once the request returned follows it.
   * Null when the source could not be reached: then it applies from when the reader sees it.
   */
  appliesFrom: string | null;
  /**
   * Saved with `force` although the source could not be reached or refused the change: what
   * went wrong. The sink's health says what is left to fix; an engine adds the tables later.
   */
  notApplied: string | null;
  /** The configuration is saved, but tidying the publication afterwards failed: why. */
  cleanupError: string | null;
}

export function publicationReport(parts: {
  appliesFrom?: bigint | null;
  ensured?: EnsureOutcome | null;
  cleanup?: PublicationCleanup | null;
  notApplied?: string | null;
  cleanupError?: string | null;
}): SinkPublicationReport {
  return {
    tablesAdded: parts.ensured?.tablesAdded ?? [],
    tablesMissing: parts.ensured?.tablesMissing ?? [],
    publicationCreated: parts.ensured?.publicationCreated ?? false,
    slotCreated: parts.ensured?.slotCreated ?? false,
    tablesRemoved: parts.cleanup?.tablesRemoved ?? [],
    slotDropped: parts.cleanup?.slotDropped ?? false,
    appliesFrom:
      parts.appliesFrom === undefined || parts.appliesFrom === null ? null : formatLsn(parts.appliesFrom),
    notApplied: parts.notApplied ?? null,
    cleanupError: parts.cleanupError ?? null,
  };
}
