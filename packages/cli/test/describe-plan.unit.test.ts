import { describe, expect, it } from 'vitest';
import { describePlan } from '../src/commands/config';

describe('describePlan', () => {
  it('shows one line per entry and one per changed field, and what is kept', () => {
    const text = describePlan({
      changes: [
        { action: 'create', kind: 'source', name: 'shop', fields: [] },
        {
          action: 'update',
          kind: 'sink',
          name: 'orders',
          fields: [{ field: 'maxAttempts', from: null, to: 10 }],
        },
      ],
      kept: [{ action: 'delete', kind: 'sink', name: 'legacy', fields: [] }],
    });
    expect(text.split('\n')).toEqual([
      '+ create source shop',
      '~ update sink orders',
      '    maxAttempts: null → 10',
      '  keep sink legacy (not in the file; --delete-missing deletes it)',
      '2 changes to apply.',
    ]);
  });

  it('says when there is nothing to do', () => {
    expect(describePlan({ changes: [], kept: [] })).toBe('Nothing to change: the instance matches the file.');
  });
});
