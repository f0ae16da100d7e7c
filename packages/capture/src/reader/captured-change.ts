import type { ChangePosition } from './build-message';
import type { KnownRelation } from './relation-registry';

/** Column values as pgoutput sent them: text, null, or undefined for an unchanged TOASTed value. */
export type RawValues = Record<string, string | null | undefined>;

/**
 * One row change as read from the slot, not yet decoded nor turned into messages: which sinks
 * take it, and how, is decided when it is stored, with the configuration current then.
 */
export interface CapturedChange {
  action: 'insert' | 'update' | 'delete';
  /** The table as the stream described it when the change was read. */
  relation: KnownRelation;
  newValues: RawValues | null;
  /** The old row (REPLICA IDENTITY FULL) or only its key; null when Postgres sent neither. */
  oldValues: RawValues | null;
  position: ChangePosition;
}
