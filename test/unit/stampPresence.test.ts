import { describe, expect, it } from 'vitest';
import { readPresenceUpdate, stampPresenceState, writePresenceUpdate } from '../../server/sync/stampPresence.ts';

const member = { id: 'm-dana', name: 'Dana Novak' };

describe('stampPresenceState', () => {
  it('names the member on every state that shows a user, whatever the client wrote there', () => {
    expect(stampPresenceState({ user: { name: 'The owner', color: '#1d4ed8' }, cursor: { anchor: 1 } }, member)).toEqual({
      user: { id: 'm-dana', name: 'Dana Novak', color: '#1d4ed8' },
      cursor: { anchor: 1 },
    });
    expect(stampPresenceState({ user: 'The owner' }, member)).toEqual({ user: { id: 'm-dana', name: 'Dana Novak', color: '#475467' } });
    expect(stampPresenceState({ user: { name: 'x', color: 'url(https://evil.example/)' } }, member)).toMatchObject({ user: { color: '#475467' } });
  });

  it('leaves states without a user as they are, drops states that are not objects, keeps departures', () => {
    expect(stampPresenceState({ documentId: 'd1' }, member)).toEqual({ documentId: 'd1' });
    expect(stampPresenceState('The owner', member)).toEqual({});
    expect(stampPresenceState(['The owner'], member)).toEqual({});
    expect(stampPresenceState(null, member)).toBeNull();
  });

  it('reads back what it writes', () => {
    const entries = [{ clientId: 7, clock: 3, state: { user: { name: 'A' } } }, { clientId: 9, clock: 1, state: null }];
    expect(readPresenceUpdate(writePresenceUpdate(entries))).toEqual(entries);
  });
});
