import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Survey } from './checkpoint.js';
import { HOUR, MINUTE } from './clock.js';
import type { Experiment } from './experiment.js';
import {
  effectiveAvailability,
  type ProgramSettingsInput,
  parseProgramSettings,
  programSettingsSchema,
} from './program.js';
import {
  checkpointDueAt,
  type DecisionInput,
  decideDueJob,
  type NextRun,
  nextNudgeRun,
  planExperiment,
  type ScheduledJob,
} from './schedule.js';
import type { Availability } from './time.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

const at = (iso: string, zone = NY) => DateTime.fromISO(iso, { zone }).toMillis();
const show = (instant: number, zone = NY) =>
  DateTime.fromMillis(instant, { zone }).toFormat('ccc yyyy-LL-dd HH:mm ZZ');

function program(overrides: Partial<ProgramSettingsInput> = {}) {
  return parseProgramSettings({ name: 'pilot', timezone: NY, ...overrides });
}

function window(startDate: string, endDate: string) {
  return { startDate, endDate };
}

/** Every nudge run from `from` up to `until`, by repeatedly asking for the next one. */
function nudgeRuns(
  settings: ReturnType<typeof program>,
  who: Availability,
  exp: { startDate: string; endDate: string },
  from: number,
  until: number,
) {
  const runs: NextRun[] = [];
  let after = from;
  for (;;) {
    const next = nextNudgeRun(after, settings, who, exp);
    if (!next || next.dueAt > until) return runs;
    runs.push(next);
    after = next.dueAt;
  }
}

describe('nextNudgeRun asked the same question many times', () => {
  it('answers each person from their own days, hours, zone and window, and hands out copies', () => {
    const settings = program({ nudges: { weekdays: ['tue', 'thu'], time: '09:30' } });
    const after = at('2026-03-09T12:00');
    const everyDay = effectiveAvailability(settings, {});
    const noTuesday = effectiveAvailability(settings, { workingDays: [1, 3, 4, 5] });
    const lateQuiet = effectiveAvailability(settings, { quietHours: { start: '19:00', end: '10:00' } });
    const inBerlin = effectiveAvailability(settings, { timezone: BERLIN });
    const asked = (who: Availability, exp = window('2026-03-02', '2026-06-01'), from = after) =>
      nextNudgeRun(from, settings, who, exp);
    const first = asked(everyDay);
    expect(first).toEqual({ kind: 'nudge', dueAt: at('2026-03-10T09:30'), occurrence: '2026-03-10' });
    first!.dueAt = 0;
    expect(asked(everyDay)?.dueAt).toBe(at('2026-03-10T09:30'));
    expect(asked(noTuesday)?.occurrence).toBe('2026-03-12');
    expect(asked(lateQuiet)?.dueAt).toBe(at('2026-03-10T10:00'));
    expect(asked(inBerlin)?.dueAt).toBe(at('2026-03-10T09:30', BERLIN));
    expect(asked(everyDay, window('2026-03-02', '2026-03-10'))).toBeNull();
    expect(asked(everyDay, window('2026-03-02', '2026-06-01'), at('2026-03-10T09:30'))?.occurrence).toBe(
      '2026-03-12',
    );
    const other = program({ nudges: { weekdays: ['tue', 'thu'], time: '11:00' } });
    expect(nextNudgeRun(after, other, everyDay, window('2026-03-02', '2026-06-01'))?.dueAt).toBe(
      at('2026-03-10T11:00'),
    );
  });
});

describe('nextNudgeRun across daylight saving changes', () => {
  const cases = [
    {
      zone: NY,
      change: '2026-03-08',
      from: '2026-02-23',
      until: '2026-03-21',
      offsets: ['-05:00', '-04:00'],
    },
    {
      zone: NY,
      change: '2026-11-01',
      from: '2026-10-19',
      until: '2026-11-14',
      offsets: ['-04:00', '-05:00'],
    },
    {
      zone: BERLIN,
      change: '2026-03-29',
      from: '2026-03-16',
      until: '2026-04-11',
      offsets: ['+01:00', '+02:00'],
    },
    {
      zone: BERLIN,
      change: '2026-10-25',
      from: '2026-10-12',
      until: '2026-11-07',
      offsets: ['+02:00', '+01:00'],
    },
  ];

  for (const { zone, change, from, until, offsets } of cases) {
    it(`nudges at 09:30 local on every Tuesday and Thursday around ${change} in ${zone}`, () => {
      const settings = program({ timezone: zone });
      const who = effectiveAvailability(settings, {});
      const runs = nudgeRuns(
        settings,
        who,
        window(from, '2026-12-31'),
        at(`${from}T00:00`, zone),
        at(`${until}T00:00`, zone),
      );
      const locals = runs.map((run) => DateTime.fromMillis(run.dueAt, { zone }));
      // Four weeks: eight nudge days, each exactly once.
      expect(runs).toHaveLength(8);
      expect(new Set(runs.map((r) => r.occurrence)).size).toBe(8);
      for (const [i, run] of runs.entries()) {
        const local = locals[i]!;
        expect(local.toFormat('HH:mm')).toBe('09:30');
        expect(['Tue', 'Thu']).toContain(local.toFormat('ccc'));
        expect(run.occurrence).toBe(local.toISODate());
        expect(run.kind).toBe('nudge');
      }
      // The run really crosses the change: the UTC offset differs before and after it.
      const before = locals.filter((l) => l.toISODate()! < change).map((l) => l.toFormat('ZZ'));
      const after = locals.filter((l) => l.toISODate()! > change).map((l) => l.toFormat('ZZ'));
      expect(new Set(before)).toEqual(new Set([offsets[0]]));
      expect(new Set(after)).toEqual(new Set([offsets[1]]));
    });
  }

  it('moves a 02:30 nudge skipped by spring-forward to 03:30, once', () => {
    const settings = program({
      nudges: { weekdays: ['sun'], time: '02:30' },
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      quietHours: { start: '22:00', end: '01:00' },
    });
    const who = effectiveAvailability(settings, {});
    const runs = nudgeRuns(
      settings,
      who,
      window('2026-03-01', '2026-04-01'),
      at('2026-02-28T12:00'),
      at('2026-03-16T00:00'),
    );
    expect(runs.map((r) => `${r.occurrence} ${show(r.dueAt)}`)).toEqual([
      '2026-03-01 Sun 2026-03-01 02:30 -05:00',
      '2026-03-08 Sun 2026-03-08 03:30 -04:00',
      '2026-03-15 Sun 2026-03-15 02:30 -04:00',
    ]);
    // Asking again from just before or just after the moved slot never yields the day twice.
    expect(
      nextNudgeRun(at('2026-03-08T01:59'), settings, who, window('2026-03-01', '2026-04-01'))?.dueAt,
    ).toBe(at('2026-03-08T03:30'));
    expect(
      nextNudgeRun(at('2026-03-08T03:30'), settings, who, window('2026-03-01', '2026-04-01'))?.occurrence,
    ).toBe('2026-03-15');
  });

  it('sends a nudge in the repeated fall-back hour once', () => {
    const settings = program({
      nudges: { weekdays: ['sun'], time: '01:30' },
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      quietHours: { start: '22:00', end: '01:00' },
    });
    const who = effectiveAvailability(settings, {});
    const runs = nudgeRuns(
      settings,
      who,
      window('2026-10-25', '2026-11-30'),
      at('2026-10-24T12:00'),
      at('2026-11-09T00:00'),
    );
    expect(runs.map((r) => r.occurrence)).toEqual(['2026-10-25', '2026-11-01', '2026-11-08']);
    expect(runs.map((r) => DateTime.fromMillis(r.dueAt, { zone: NY }).toFormat('HH:mm'))).toEqual([
      '01:30',
      '01:30',
      '01:30',
    ]);
  });
});

describe('nextNudgeRun rules', () => {
  const settings = program();
  const who = effectiveAvailability(settings, {});

  it('stays inside the experiment window', () => {
    const exp = window('2026-03-05', '2026-03-19');
    expect(nextNudgeRun(at('2026-03-01T00:00'), settings, who, exp)?.occurrence).toBe('2026-03-05');
    expect(nextNudgeRun(at('2026-03-17T09:30'), settings, who, exp)).toBeNull();
    // The end date itself is outside the window (a Thursday here).
    expect(nextNudgeRun(at('2026-03-18T00:00'), settings, who, exp)).toBeNull();
  });

  it('returns the next day once today’s slot has passed', () => {
    const exp = window('2026-03-02', '2026-06-01');
    expect(nextNudgeRun(at('2026-03-10T09:29'), settings, who, exp)?.dueAt).toBe(at('2026-03-10T09:30'));
    expect(nextNudgeRun(at('2026-03-10T09:30'), settings, who, exp)?.dueAt).toBe(at('2026-03-12T09:30'));
  });

  it('skips nudge days that are not working days', () => {
    const s = program({ nudges: { weekdays: ['tue', 'sat'] } });
    const runs = nudgeRuns(
      s,
      effectiveAvailability(s, {}),
      window('2026-03-02', '2026-06-01'),
      at('2026-03-02T00:00'),
      at('2026-03-16T00:00'),
    );
    expect(runs.map((r) => r.occurrence)).toEqual(['2026-03-03', '2026-03-10']);
  });

  it('moves a nudge out of morning quiet hours on the same day, and drops it if that changes the date', () => {
    const early = program({ nudges: { time: '07:15' } });
    expect(
      show(
        nextNudgeRun(
          at('2026-03-09T00:00'),
          early,
          effectiveAvailability(early, {}),
          window('2026-03-02', '2026-06-01'),
        )!.dueAt,
      ),
    ).toBe('Tue 2026-03-10 08:00 -04:00');
    const late = program({ nudges: { time: '20:00' } });
    expect(
      nextNudgeRun(
        at('2026-03-09T00:00'),
        late,
        effectiveAvailability(late, {}),
        window('2026-03-02', '2026-06-01'),
      ),
    ).toBeNull();
  });

  it('uses the person’s own zone when it overrides the program’s', () => {
    const berliner = effectiveAvailability(settings, { timezone: BERLIN });
    const run = nextNudgeRun(
      at('2026-03-09T00:00', BERLIN),
      settings,
      berliner,
      window('2026-03-02', '2026-06-01'),
    )!;
    expect(show(run.dueAt, BERLIN)).toBe('Tue 2026-03-10 09:30 +01:00');
  });
});

describe('planExperiment and checkpoint times', () => {
  const settings = program();
  const who = effectiveAvailability(settings, {});

  it('plans the first nudge, each checkpoint inside the window and the end', () => {
    const exp = { id: 'exp_1', startDate: '2026-03-02', endDate: '2026-06-01', lengthWeeks: 13 };
    const plan = planExperiment(at('2026-03-02T12:00'), settings, who, exp);
    expect(plan.map((r) => `${r.kind} ${r.occurrence} ${show(r.dueAt)}`)).toEqual([
      'nudge 2026-03-03 Tue 2026-03-03 09:30 -05:00',
      'checkpoint exp_1/day-30 Wed 2026-04-01 10:00 -04:00',
      'checkpoint exp_1/day-60 Fri 2026-05-01 10:00 -04:00',
      // Day 90 is a Sunday: the survey waits for Monday morning.
      'checkpoint exp_1/day-90 Mon 2026-06-01 08:00 -04:00',
      'experiment_end exp_1 Mon 2026-06-01 00:00 -04:00',
    ]);
  });

  it('leaves out checkpoints that fall outside a shorter experiment and ones already handled', () => {
    const exp = { id: 'exp_2', startDate: '2026-03-02', endDate: '2026-04-27', lengthWeeks: 8 };
    const plan = planExperiment(at('2026-03-02T12:00'), settings, who, exp, new Set([30]));
    expect(plan.filter((r) => r.kind === 'checkpoint')).toEqual([]);
    expect(
      planExperiment(at('2026-03-02T12:00'), settings, who, exp)
        .filter((r) => r.kind === 'checkpoint')
        .map((r) => r.occurrence),
    ).toEqual(['exp_2/day-30']);
  });

  it('plans a checkpoint on the last day of a shorter experiment even when it moves past the end', () => {
    const s = program({ checkpointDays: [30, 55, 56, 60] });
    const exp = { id: 'exp_3', startDate: '2026-03-02', endDate: '2026-04-27', lengthWeeks: 8 };
    const plan = planExperiment(at('2026-03-02T12:00'), s, effectiveAvailability(s, {}), exp);
    expect(
      plan.filter((r) => r.kind === 'checkpoint').map((r) => `${r.occurrence} ${show(r.dueAt)}`),
    ).toEqual([
      'exp_3/day-30 Wed 2026-04-01 10:00 -04:00',
      // Day 55 is a Sunday, day 56 the end date: both go out on the Monday the window closes.
      'exp_3/day-55 Mon 2026-04-27 08:00 -04:00',
      'exp_3/day-56 Mon 2026-04-27 10:00 -04:00',
    ]);
  });

  it('does not plan a checkpoint in the past when an experiment starts late', () => {
    const exp = { id: 'exp_4', startDate: '2026-01-26', endDate: '2026-04-27', lengthWeeks: 13 };
    const now = at('2026-02-26T21:00');
    const plan = planExperiment(now, settings, who, exp);
    const day30 = plan.find((r) => r.occurrence === 'exp_4/day-30')!;
    expect(show(day30.dueAt)).toBe('Fri 2026-02-27 08:00 -05:00');
  });

  it('puts a checkpoint at the checkpoint time in the person’s zone', () => {
    const berliner = effectiveAvailability(settings, { timezone: BERLIN });
    expect(show(checkpointDueAt(settings, berliner, { startDate: '2026-03-02' }, 30), BERLIN)).toBe(
      'Wed 2026-04-01 10:00 +02:00',
    );
  });
});

// ---------------------------------------------------------------------------------------------------------

const settings = program({ reminders: { afterHours: 48, count: 1, missedAfterHours: 24 } });
const who = effectiveAvailability(settings, {});

const experiment: Experiment = {
  id: 'exp_1',
  participantId: 'ppl_1',
  behavior: 'Ask before I tell',
  hypothesis: 'The team brings more ideas',
  kpiName: 'Ideas',
  kpiUnit: 'ideas',
  kpiBaseline: 2,
  kpiTarget: 5,
  kpiDirection: 'increase',
  startDate: '2026-03-02',
  lengthWeeks: 13,
  endDate: '2026-06-01',
  status: 'active',
  version: 1,
  createdAt: 0,
  updatedAt: 0,
};

function job(kind: ScheduledJob['kind'], occurrence: string, dueAt: number): ScheduledJob {
  return { id: 1, kind, participantId: 'ppl_1', subjectId: 'exp_1', occurrence, dueAt, version: 1 };
}

function survey(status: Survey['status']): Survey {
  return {
    id: 'svy_exp_1_d30',
    experimentId: 'exp_1',
    participantId: 'ppl_1',
    checkpointDay: 30,
    status,
    sentAt: at('2026-04-01T10:00'),
    remindedAt: null,
    practice: null,
    kpiValue: null,
    confidence: null,
    note: null,
    answeredAt: null,
  };
}

function decide(scheduled: ScheduledJob, now: number, overrides: Partial<DecisionInput> = {}) {
  return decideDueJob({
    now,
    job: scheduled,
    program: settings,
    person: { availability: who, pausedUntil: null, consent: 'accepted', reachable: true },
    experiment,
    survey: null,
    budgetUsed: 0,
    budgetReservedLater: 0,
    ...overrides,
  });
}

const TUE = at('2026-03-10T09:30');
const nudge = job('nudge', '2026-03-10', TUE);

describe('decideDueJob: nudges', () => {
  it('sends a nudge that is due, keyed by its local date, and plans the next one', () => {
    const decision = decide(nudge, TUE);
    expect(decision).toEqual({
      type: 'send',
      messageKind: 'nudge',
      key: 'nudge:ppl_1:2026-03-10',
      budgetWeek: '2026-W11',
      expiresAt: TUE + 4 * HOUR,
      effects: [],
      next: [{ kind: 'nudge', dueAt: at('2026-03-12T09:30'), occurrence: '2026-03-12' }],
    });
  });

  it('still sends inside the catch-up grace window and expires beyond it', () => {
    expect(decide(nudge, TUE + 2 * HOUR).type).toBe('send');
    expect(decide(nudge, TUE + 4 * HOUR).type).toBe('send');
    const late = decide(nudge, TUE + 4 * HOUR + MINUTE);
    expect(late).toMatchObject({
      type: 'expire',
      key: 'nudge:ppl_1:2026-03-10',
      reason: 'missed its slot by more than the catch-up grace window',
      next: [{ occurrence: '2026-03-12' }],
    });
  });

  it('waits out quiet hours when that stays within the grace window', () => {
    const early = job('nudge', '2026-03-10', at('2026-03-10T07:00'));
    expect(decide(early, at('2026-03-10T07:00'))).toEqual({
      type: 'reschedule',
      dueAt: at('2026-03-10T08:00'),
      reason: 'quiet hours or a non-working day',
    });
  });

  it('expires instead of catching up into the next morning', () => {
    const evening = job('nudge', '2026-03-13', at('2026-03-13T18:30'));
    const decision = decide(evening, at('2026-03-13T19:10'));
    expect(decision).toMatchObject({
      type: 'expire',
      reason: 'the next allowed time falls outside the catch-up grace window',
      next: [{ occurrence: '2026-03-17' }],
    });
  });

  it('skips while snoozed and resumes with the first nudge after the snooze', () => {
    const until = at('2026-03-16T12:00');
    const decision = decide(nudge, TUE, {
      person: { availability: who, pausedUntil: until, consent: 'accepted', reachable: true },
    });
    expect(decision).toEqual({
      type: 'skip',
      reason: 'snoozed',
      effects: [],
      next: [{ kind: 'nudge', dueAt: at('2026-03-17T09:30'), occurrence: '2026-03-17' }],
    });
    // A snooze that has run out no longer counts.
    expect(
      decide(nudge, TUE, {
        person: { availability: who, pausedUntil: TUE - 1, consent: 'accepted', reachable: true },
      }).type,
    ).toBe('send');
  });

  it('skips while the experiment is paused, without consent, or when unreachable', () => {
    expect(decide(nudge, TUE, { experiment: { ...experiment, status: 'paused' } })).toMatchObject({
      type: 'skip',
      reason: 'experiment paused',
    });
    expect(
      decide(nudge, TUE, {
        person: { availability: who, pausedUntil: null, consent: 'opted_out', reachable: true },
      }),
    ).toMatchObject({
      type: 'skip',
      reason: 'consent is opted_out',
      next: [],
    });
    expect(
      decide(nudge, TUE, {
        person: { availability: who, pausedUntil: null, consent: 'accepted', reachable: false },
      }),
    ).toMatchObject({
      type: 'skip',
      reason: 'person cannot be reached on their channel',
      next: [{ kind: 'nudge', occurrence: '2026-03-12' }],
    });
    expect(decide(nudge, TUE, { experiment: { ...experiment, status: 'completed' } })).toMatchObject({
      type: 'skip',
      reason: 'experiment is no longer running',
    });
  });

  it('leaves room in the weekly budget for checkpoint messages later in the week', () => {
    expect(decide(nudge, TUE, { budgetUsed: 2, budgetReservedLater: 0 }).type).toBe('send');
    expect(decide(nudge, TUE, { budgetUsed: 1, budgetReservedLater: 1 }).type).toBe('send');
    const full = decide(nudge, TUE, { budgetUsed: 2, budgetReservedLater: 1 });
    expect(full).toMatchObject({
      type: 'skip',
      reason: 'weekly message budget reached',
      next: [{ occurrence: '2026-03-12' }],
    });
    expect(decide(nudge, TUE, { budgetUsed: 3 }).type).toBe('skip');
  });
});

const WED = at('2026-04-01T10:00');
const checkpoint = job('checkpoint', 'exp_1/day-30', WED);
const reminder = job('checkpoint_reminder', 'exp_1/day-30/r1', at('2026-04-03T10:00'));

describe('decideDueJob: checkpoints', () => {
  it('sends the survey, opens it and plans one reminder after 48 hours', () => {
    expect(decide(checkpoint, WED)).toEqual({
      type: 'send',
      messageKind: 'checkpoint',
      key: 'checkpoint:ppl_1:exp_1/day-30',
      budgetWeek: '2026-W14',
      expiresAt: WED + 4 * HOUR,
      effects: [{ type: 'open_survey', surveyId: 'svy_exp_1_d30', checkpointDay: 30 }],
      next: [{ kind: 'checkpoint_reminder', dueAt: at('2026-04-03T10:00'), occurrence: 'exp_1/day-30/r1' }],
    });
  });

  it('moves a reminder that would land on the weekend to Monday morning', () => {
    const friday = job('checkpoint', 'exp_1/day-60', at('2026-05-01T10:00'));
    const decision = decide(friday, at('2026-05-01T10:00'));
    expect(decision.type === 'send' && decision.next.map((r) => show(r.dueAt))).toEqual([
      'Mon 2026-05-04 08:00 -04:00',
    ]);
  });

  it('reminds once, then marks the survey missed', () => {
    const sent = decide(reminder, at('2026-04-03T10:00'), { survey: survey('open') });
    expect(sent).toEqual({
      type: 'send',
      messageKind: 'checkpoint_reminder',
      key: 'checkpoint_reminder:ppl_1:exp_1/day-30/r1',
      budgetWeek: '2026-W14',
      expiresAt: at('2026-04-03T14:00'),
      effects: [{ type: 'survey_reminded' }],
      next: [{ kind: 'checkpoint_missed', dueAt: at('2026-04-04T10:00'), occurrence: 'exp_1/day-30' }],
    });
    const missed = job('checkpoint_missed', 'exp_1/day-30', at('2026-04-04T10:00'));
    expect(decide(missed, at('2026-04-04T10:00'), { survey: survey('reminded') })).toEqual({
      type: 'skip',
      reason: 'checkpoint survey not answered in time',
      effects: [{ type: 'survey_missed' }],
      next: [],
    });
    expect(decide(missed, at('2026-04-04T10:00'), { survey: survey('answered') })).toMatchObject({
      effects: [],
    });
  });

  it('does not remind about an answered survey', () => {
    expect(decide(reminder, at('2026-04-03T10:00'), { survey: survey('answered') })).toEqual({
      type: 'skip',
      reason: 'checkpoint survey already closed',
      effects: [],
      next: [],
    });
  });

  it('goes straight to missed when no reminders are configured', () => {
    const none = program({ reminders: { count: 0, afterHours: 72 } });
    const decision = decide(checkpoint, WED, { program: none });
    expect(decision.type === 'send' && decision.next).toEqual([
      { kind: 'checkpoint_missed', dueAt: WED + 72 * HOUR, occurrence: 'exp_1/day-30' },
    ]);
  });

  it('makes the survey wait for next week when the budget is used up, but always leaves nudges the room', () => {
    expect(decide(checkpoint, WED, { budgetUsed: 3 })).toEqual({
      type: 'reschedule',
      dueAt: at('2026-04-06T08:00'),
      reason: 'weekly message budget reached; the survey waits for next week',
    });
    // Reservations are for checkpoints themselves: they do not hold a survey back.
    expect(decide(checkpoint, WED, { budgetUsed: 2, budgetReservedLater: 4 }).type).toBe('send');
  });

  it('skips a reminder over budget but still closes the survey later', () => {
    expect(decide(reminder, at('2026-04-03T10:00'), { survey: survey('open'), budgetUsed: 3 })).toEqual({
      type: 'skip',
      reason: 'weekly message budget reached',
      effects: [],
      next: [{ kind: 'checkpoint_missed', dueAt: at('2026-04-04T10:00'), occurrence: 'exp_1/day-30' }],
    });
  });

  it('reschedules in quiet hours and while snoozed or paused', () => {
    expect(
      decide(checkpoint, at('2026-04-01T19:30'), { job: { ...checkpoint, dueAt: at('2026-04-01T19:00') } }),
    ).toEqual({
      type: 'reschedule',
      dueAt: at('2026-04-02T08:00'),
      reason: 'quiet hours or a non-working day',
    });
    const until = at('2026-04-08T12:00');
    expect(
      decide(checkpoint, WED, {
        person: { availability: who, pausedUntil: until, consent: 'accepted', reachable: true },
      }),
    ).toEqual({
      type: 'reschedule',
      dueAt: until,
      reason: 'snoozed',
    });
    expect(decide(checkpoint, WED, { experiment: { ...experiment, status: 'paused' } })).toEqual({
      type: 'reschedule',
      dueAt: at('2026-04-02T10:00'),
      reason: 'experiment paused',
    });
  });

  it('re-offers a checkpoint missed during downtime under a late occurrence, twice at most', () => {
    const now = WED + 5 * HOUR;
    expect(decide(checkpoint, now)).toEqual({
      type: 'expire',
      messageKind: 'checkpoint',
      key: 'checkpoint:ppl_1:exp_1/day-30',
      budgetWeek: '2026-W14',
      reason: 'missed its slot by more than the catch-up grace window',
      effects: [],
      next: [{ kind: 'checkpoint', dueAt: now, occurrence: 'exp_1/day-30~late1' }],
    });
    // Late in the evening: the re-offer waits for the morning.
    const evening = decide(checkpoint, at('2026-04-01T20:00'));
    expect(evening.type === 'expire' && evening.next).toEqual([
      { kind: 'checkpoint', dueAt: at('2026-04-02T08:00'), occurrence: 'exp_1/day-30~late1' },
    ]);
    const late1 = job('checkpoint', 'exp_1/day-30~late1', WED);
    expect(decide(late1, now)).toMatchObject({
      type: 'expire',
      next: [{ occurrence: 'exp_1/day-30~late2' }],
      effects: [],
    });
    const late2 = job('checkpoint', 'exp_1/day-30~late2', WED);
    expect(decide(late2, now)).toMatchObject({
      type: 'expire',
      next: [],
      effects: [{ type: 'survey_missed' }],
    });
  });

  it('sends a late re-offer with its own key and follows it up under the same occurrence', () => {
    const late1 = job('checkpoint', 'exp_1/day-30~late1', WED + 5 * HOUR);
    const decision = decide(late1, WED + 5 * HOUR);
    expect(decision).toMatchObject({
      type: 'send',
      key: 'checkpoint:ppl_1:exp_1/day-30~late1',
      effects: [{ type: 'open_survey', surveyId: 'svy_exp_1_d30', checkpointDay: 30 }],
      next: [{ kind: 'checkpoint_reminder', occurrence: 'exp_1/day-30~late1/r1' }],
    });
  });

  it('plans the missed mark when a reminder itself comes too late', () => {
    const now = at('2026-04-03T15:00');
    expect(decide(reminder, now, { survey: survey('open') })).toMatchObject({
      type: 'expire',
      key: 'checkpoint_reminder:ppl_1:exp_1/day-30/r1',
      next: [{ kind: 'checkpoint_missed', dueAt: now + 24 * HOUR, occurrence: 'exp_1/day-30' }],
    });
  });

  it('does not send a second survey for a checkpoint already handled', () => {
    expect(decide(checkpoint, WED, { survey: survey('answered') })).toMatchObject({
      type: 'skip',
      reason: 'checkpoint survey already handled',
    });
  });
});

describe('decideDueJob: the end of an experiment', () => {
  const end = job('experiment_end', 'exp_1', at('2026-06-01T00:00'));

  it('completes a running experiment once', () => {
    expect(decide(end, at('2026-06-01T00:00'))).toEqual({
      type: 'skip',
      reason: 'experiment window ended',
      effects: [{ type: 'complete_experiment' }],
      next: [],
    });
    expect(
      decide(end, at('2026-06-01T00:00'), { experiment: { ...experiment, status: 'abandoned' } }),
    ).toMatchObject({ effects: [] });
  });

  it('still sends and follows up a checkpoint that moved past the end of the window', () => {
    const done = { ...experiment, status: 'completed' as const };
    const monday = at('2026-06-01T08:00');
    const day90 = job('checkpoint', 'exp_1/day-90', monday);
    expect(decide(day90, monday, { experiment: done })).toMatchObject({
      type: 'send',
      key: 'checkpoint:ppl_1:exp_1/day-90',
      effects: [{ type: 'open_survey', surveyId: 'svy_exp_1_d90', checkpointDay: 90 }],
      next: [{ kind: 'checkpoint_reminder', occurrence: 'exp_1/day-90/r1', dueAt: at('2026-06-03T08:00') }],
    });
    const open = { ...survey('open'), checkpointDay: 90 };
    const lastReminder = job('checkpoint_reminder', 'exp_1/day-90/r1', at('2026-06-03T08:00'));
    expect(decide(lastReminder, at('2026-06-03T08:00'), { experiment: done, survey: open })).toMatchObject({
      type: 'send',
      next: [{ kind: 'checkpoint_missed', occurrence: 'exp_1/day-90', dueAt: at('2026-06-04T08:00') }],
    });
    const missed = job('checkpoint_missed', 'exp_1/day-90', at('2026-06-04T08:00'));
    expect(
      decide(missed, at('2026-06-04T08:00'), { experiment: done, survey: { ...open, status: 'reminded' } }),
    ).toMatchObject({
      type: 'skip',
      effects: [{ type: 'survey_missed' }],
    });
    // Nudges do not outlive the window, and nothing goes out for an abandoned experiment.
    expect(
      decide(job('nudge', '2026-06-02', at('2026-06-02T09:30')), at('2026-06-02T09:30'), {
        experiment: done,
      }),
    ).toMatchObject({
      type: 'skip',
      reason: 'experiment is no longer running',
    });
    expect(decide(day90, monday, { experiment: { ...experiment, status: 'abandoned' } })).toMatchObject({
      type: 'skip',
      reason: 'experiment is no longer running',
    });
  });
});

describe('parseProgramSettings', () => {
  const paths = (input: Record<string, unknown>) => {
    const result = programSettingsSchema.safeParse({ name: 'pilot', ...input });
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('fills the design defaults', () => {
    const s = parseProgramSettings({ name: 'pilot', timezone: NY });
    expect(s).toMatchObject({
      timezone: NY,
      lengthWeeks: 13,
      checkpointDays: [30, 60, 90],
      checkpointTime: '10:00',
      nudges: { weekdays: ['tue', 'thu'], time: '09:30' },
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      quietHours: { start: '19:00', end: '08:00' },
      weeklyBudget: 3,
      reminders: { afterHours: 48, count: 1, missedAfterHours: 48 },
      catchUpGraceHours: 4,
    });
    expect(s.nudges.templates.length).toBeGreaterThan(0);
  });

  it('names the checkpoint day that falls outside the window', () => {
    expect(paths({ lengthWeeks: 8, checkpointDays: [30, 60] })).toEqual(['checkpointDays.1']);
    expect(() => parseProgramSettings({ name: 'pilot', lengthWeeks: 8, checkpointDays: [30, 60] })).toThrow(
      /day 60 falls after the 8-week window/,
    );
    expect(paths({ checkpointDays: [30, 60, 92] })).toEqual(['checkpointDays.2']);
    expect(paths({ checkpointDays: [30, 60, 91] })).toEqual([]);
    expect(paths({ checkpointDays: [60, 30] })).toEqual(['checkpointDays']);
  });

  it('names a bad time zone', () => {
    expect(paths({ timezone: 'Mars/Olympus_Mons' })).toEqual(['timezone']);
    expect(paths({ timezone: 'EST' })).toEqual(['timezone']);
    expect(paths({ timezone: 'UTC' })).toEqual([]);
  });

  it('names a bad HH:MM wherever it is', () => {
    expect(paths({ nudges: { time: '9:30' } })).toEqual(['nudges.time']);
    expect(paths({ checkpointTime: '24:00' })).toEqual(['checkpointTime']);
    expect(paths({ quietHours: { start: '19:00', end: '8am' } })).toEqual(['quietHours.end']);
    expect(paths({ quietHours: { start: '19:00', end: '19:00' } })).toEqual(['quietHours']);
  });

  it('names other bad fields', () => {
    expect(paths({ name: 'Pilot Program' })).toEqual(['name']);
    expect(paths({ nudges: { weekdays: ['tue', 'tue'] } })).toEqual(['nudges.weekdays']);
    expect(paths({ workingDays: ['someday'] })).toEqual(['workingDays.0']);
    expect(paths({ lengthWeeks: 17 })).toEqual(['lengthWeeks']);
    expect(paths({ lengthWeeks: 7, checkpointDays: [30] })).toEqual(['lengthWeeks']);
    expect(paths({ weeklyBudget: 0 })).toEqual(['weeklyBudget']);
    expect(paths({ reminders: { count: 4 } })).toEqual(['reminders.count']);
  });
});
