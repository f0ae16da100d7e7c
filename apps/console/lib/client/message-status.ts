// The subpath keeps the browser bundle to the vocabulary: the package's index also exports Node-only code.
export {
  MESSAGE_STATUS_LABELS,
  stateFilterOf,
  WAITING_REASON_LABELS,
} from '@shardline/core/src/message-status';
