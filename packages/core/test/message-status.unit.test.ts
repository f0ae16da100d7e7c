import { describe, expect, it } from 'vitest';
import {
  deriveMessageStatus,
  type MessageStatusFacts,
  stateFilterOf,
  storedStateOf,
} from '../src/message-status';

const waitingMessage: MessageStatusFacts = {
  state: 'pending',
  inFlight: false,
  blockedBy: null,
  scheduled: false,
  lastErrorCode: null,
};

describe('message status', () => {
  it('says a pending message whose turn it is is waiting, due', () => {
    expect(deriveMessageStatus(waitingMessage)).toEqual({
      status: 'waiting',
      waitingReason: 'due',
      blockedBy: null,
    });
  });

  it('says a message behind a failing one of its group is blocked, naming that message', () => {
    expect(deriveMessageStatus({ ...waitingMessage, blockedBy: '42', scheduled: true })).toEqual({
      status: 'waiting',
      waitingReason: 'blocked',
      blockedBy: '42',
    });
  });

  it('says a message Kinesis throttled is waiting, throttled, not failing', () => {
    expect(
      deriveMessageStatus({ ...waitingMessage, lastErrorCode: 'ProvisionedThroughputExceededException' }),
    ).toMatchObject({ status: 'waiting', waitingReason: 'throttled' });
  });

  it('says a waiting message whose next attempt is ahead is scheduled', () => {
    expect(deriveMessageStatus({ ...waitingMessage, scheduled: true }).waitingReason).toBe('scheduled');
  });

  it('says a message inside a request under way is sending, whether it was waiting or failing', () => {
    expect(deriveMessageStatus({ ...waitingMessage, inFlight: true }).status).toBe('sending');
    expect(deriveMessageStatus({ ...waitingMessage, state: 'failing', inFlight: true }).status).toBe(
      'sending',
    );
  });

  it('keeps failing, delivered and discarded as they are, with no waiting reason', () => {
    for (const state of ['failing', 'delivered', 'discarded'] as const) {
      expect(deriveMessageStatus({ ...waitingMessage, state, lastErrorCode: 'InternalFailure' })).toEqual({
        status: state,
        waitingReason: null,
        blockedBy: null,
      });
    }
  });

  it('reads waiting and its deprecated alias pending as the stored pending, and shows pending as waiting', () => {
    expect(storedStateOf('waiting')).toBe('pending');
    expect(storedStateOf('pending')).toBe('pending');
    expect(storedStateOf('failing')).toBe('failing');
    expect(stateFilterOf('pending')).toBe('waiting');
    expect(stateFilterOf('delivered')).toBe('delivered');
  });
});
