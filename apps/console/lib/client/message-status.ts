// The subpath keeps the browser bundle to the vocabulary: the package's index also exports Node-only code.
export {
  ACCEPTED_STATE_FILTERS,
  MESSAGE_STATUS_LABELS,
  stateFilterOf,
  storedStateOf,
  WAITING_REASON_LABELS,
} from '@shardline/core/src/message-status';
