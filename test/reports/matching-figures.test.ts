import { describe, expect, it } from 'vitest';
import { buildOutcomeReport } from '../../src/app/reports/compute.js';
import { DAY } from '../../src/core/clock.js';
import { parseProgramSettings } from '../../src/core/program.js';
import type { ReportPairRow, ReportPersonRow } from '../../src/store/types.js';
import { reportDataset } from '../support/report-fixtures.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const program = {
  id: 'prg',
  name: 'pilot',
  settings: parseProgramSettings({ name: 'pilot' }),
  version: 1,
  createdAt: T0,
  updatedAt: T0,
};
const person = (id: string, role: 'mentor' | 'mentee', invitedAt = T0): ReportPersonRow => ({
  id,
  roles: [role],
  arm: 'coached',
  consent: 'accepted',
  consentAt: invitedAt,
  invitedAt,
  createdAt: invitedAt,
});
const pair = (
  id: string,
  mentorId: string,
  menteeId: string,
  createdAt: number,
  replaces: string | null = null,
) =>
  ({
    id,
    mentorId,
    menteeId,
    status: 'active',
    createdAt,
    closedAt: null,
    replacesPairId: replaces,
    charterConfirmedAt: null,
  }) satisfies ReportPairRow;

describe('the matching figures', () => {
  // Mentees E1–E5 enrolled on T0 and paired after 2, 4, 6, 8 and 10 days; mentors R1–R5.
  const mentees = [1, 2, 3, 4, 5].map((i) => person(`e${i}`, 'mentee'));
  const mentors = [1, 2, 3, 4, 5].map((i) => person(`r${i}`, 'mentor'));
  const pairs = [1, 2, 3, 4, 5].map((i) => pair(`p${i}`, `r${i}`, `e${i}`, T0 + 2 * i * DAY));
  const proposal = (i: number, status: 'approved' | 'changed' | 'rejected' | 'open') => ({
    menteeId: `e${i}`,
    mentorId: `r${i}`,
    chosenMentorId: status === 'changed' ? `r${(i % 5) + 1}` : null,
    status,
    createdAt: T0,
    decidedAt: status === 'open' ? null : T0 + DAY,
  });

  it('counts decisions, the median days to a pair, no-fault exits and re-matches within 30 days of an alert', () => {
    const report = buildOutcomeReport(
      program,
      reportDataset({
        people: [...mentees, ...mentors],
        pairs: [
          ...pairs,
          // E1's and E2's pairs were re-matched: E1 within 30 days of its alert, E2 after 40.
          pair('p6', 'r3', 'e1', T0 + 20 * DAY, 'p1'),
          pair('p7', 'r4', 'e2', T0 + 50 * DAY, 'p2'),
        ],
        alerts: [
          {
            pairId: 'p1',
            status: 'handled',
            createdAt: T0 + 10 * DAY,
            handledAt: T0 + 11 * DAY,
            actedOn: true,
          },
          {
            pairId: 'p2',
            status: 'handled',
            createdAt: T0 + 10 * DAY,
            handledAt: T0 + 11 * DAY,
            actedOn: true,
          },
          { pairId: 'p3', status: 'open', createdAt: T0 + 10 * DAY, handledAt: null, actedOn: false },
          { pairId: 'p4', status: 'open', createdAt: T0 + 10 * DAY, handledAt: null, actedOn: false },
          { pairId: 'p5', status: 'open', createdAt: T0 + 10 * DAY, handledAt: null, actedOn: false },
        ],
        proposals: [
          proposal(1, 'approved'),
          proposal(2, 'approved'),
          proposal(3, 'approved'),
          proposal(4, 'changed'),
          proposal(5, 'rejected'),
        ],
        voices: [1, 2, 3, 4, 5].map((i) => ({
          pairId: `p${i}`,
          participantId: `e${i}`,
          kind: 'new_match' as const,
          at: T0 + 9 * DAY,
        })),
      }),
      T0 + 60 * DAY,
    );
    const m = report.mentoring.matching;
    expect(m.proposals.total).toEqual({ value: 5, suppressed: false });
    // Three approvals name six people: shown; one change or one rejection names two: suppressed.
    expect(m.proposals.approved).toEqual({ value: 3, suppressed: false });
    expect(m.proposals.changed).toEqual({ value: null, suppressed: true });
    expect(m.proposals.rejected).toEqual({ value: null, suppressed: true });
    // 2, 4, 6, 8, 10 days: median 6.
    expect(m.medianDaysToPair).toEqual({ value: 6, people: 5, suppressed: false });
    expect(m.noFaultExits).toEqual({ value: 5, suppressed: false });
    // One of five alerts was followed by a new pair within 30 days: one pair's two people, suppressed.
    expect(m.rematchedWithin30Days).toMatchObject({ denominator: 5, suppressed: true });
  });

  it('the meeting rate from the pair check-ins: held of expected, and the median per pair', () => {
    // Pairs p1–p3 answered four biweekly rounds: p1 met 4 times, p2 twice (one "not yet", one unanswered),
    // p3 once and skipped one. A round still open (asked two days ago, no answer) does not count yet.
    const answers: Record<string, ('met' | 'not_yet' | 'skip' | null)[]> = {
      p1: ['met', 'met', 'met', 'met'],
      p2: ['met', 'not_yet', null, 'met'],
      p3: ['skip', 'met', 'not_yet', 'not_yet'],
    };
    const asOf = T0 + 70 * DAY;
    const checkins = Object.entries(answers).flatMap(([pairId, rounds]) => [
      ...rounds.map((answer, i) => ({
        pairId,
        round: `v1-${i + 1}`,
        participantId: `e${pairId.slice(1)}`,
        askedAt: T0 + 14 * (i + 1) * DAY - 10 * DAY,
        answer,
        usefulness: answer === 'met' ? 4 : null,
        cadence: 'biweekly' as const,
      })),
      {
        pairId,
        round: 'v1-5',
        participantId: `e${pairId.slice(1)}`,
        askedAt: asOf - 2 * DAY,
        answer: null,
        usefulness: null,
        cadence: 'biweekly' as const,
      },
    ]);
    const m = buildOutcomeReport(
      program,
      reportDataset({ people: [...mentees, ...mentors], pairs, checkins }),
      asOf,
    ).mentoring.matching;
    // Held 4 + 2 + 1 = 7 of expected 4 + 4 + 3 = 11, over three pairs (six people).
    expect(m.meetingsHeld).toMatchObject({ numerator: 7, denominator: 11, suppressed: false });
    // Per pair: 100 %, 50 %, 33.3 %: median 50.
    expect(m.medianPairMeetingRate).toEqual({ value: 50, people: 6, suppressed: false });
    // Two pairs are four people: suppressed.
    const few = buildOutcomeReport(
      program,
      reportDataset({
        people: [...mentees, ...mentors],
        pairs,
        checkins: checkins.filter((c) => c.pairId !== 'p3'),
      }),
      asOf,
    ).mentoring.matching;
    expect(few.meetingsHeld.suppressed).toBe(true);
    expect(few.medianPairMeetingRate.suppressed).toBe(true);
  });

  it('reads a dataset from before matching as no proposals, no exits', () => {
    const m = buildOutcomeReport(program, reportDataset({}), T0).mentoring.matching;
    expect(m.proposals.total).toEqual({ value: 0, suppressed: false });
    expect(m.noFaultExits).toEqual({ value: 0, suppressed: false });
    expect(m.medianDaysToPair).toEqual({ value: null, people: 0, suppressed: false });
  });
});
