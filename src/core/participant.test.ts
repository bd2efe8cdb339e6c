import { describe, expect, it } from 'vitest';
import { availabilityOf, type Participant, personStateOf, readerOf } from './participant.js';
import { parseProgramSettings } from './program.js';

const program = parseProgramSettings({ name: 'pilot', timezone: 'America/New_York' });

const person: Participant = {
  id: 'ppl_1',
  platform: 'slack',
  workspaceId: 'T1',
  userId: 'U1',
  kind: 'person',
  roles: ['leader'],
  arm: 'control',
  invitedAt: null,
  programId: 'pilot',
  email: null,
  displayName: null,
  timezone: 'Europe/Berlin',
  workingDays: [1, 2, 3],
  quietHours: null,
  pausedUntil: 123,
  consent: 'accepted',
  consentAt: null,
  reachable: false,
  address: null,
  lastInteractionAt: null,
  createdAt: 0,
};

describe('a participant’s view of the program', () => {
  it('reads in English in the person’s own zone, else the program’s', () => {
    expect(readerOf(program, person)).toEqual({
      locale: 'en-GB',
      timeZone: 'Europe/Berlin',
      address: 'formal',
    });
    expect(readerOf(program, { ...person, timezone: null })).toEqual({
      locale: 'en-GB',
      timeZone: 'America/New_York',
      address: 'formal',
    });
  });

  it('addresses people as their program says, formally when a stored program predates the setting', () => {
    expect(readerOf({ ...program, address: 'informal' }, person).address).toBe('informal');
    const { address: _, ...older } = program;
    expect(readerOf(older as typeof program, person).address).toBe('formal');
  });

  it('takes the person’s own availability over the program’s', () => {
    expect(availabilityOf(program, person)).toEqual({
      timezone: 'Europe/Berlin',
      workingDays: [1, 2, 3],
      quietHours: { start: '19:00', end: '08:00' },
    });
  });

  it('hands the scheduler what it needs to decide', () => {
    expect(personStateOf(program, person)).toEqual({
      availability: availabilityOf(program, person),
      pausedUntil: 123,
      consent: 'accepted',
      reachable: false,
      arm: 'control',
    });
  });
});
