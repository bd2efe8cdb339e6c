import { describe, expect, it } from 'vitest';
import {
  apportion,
  type CapacityInput,
  CapacityInputError,
  ENGINE_DISPATCH_MS_PER_MESSAGE,
  ENGINE_PASS_MS_PER_JOB,
  estimateCapacity,
  formatDuration,
  type PaceSetting,
  parseZoneShares,
  renderCapacityTable,
  renderCapacityText,
} from './capacity.js';
import { HOUR, MINUTE } from './clock.js';
import { programSettingsSchema } from './program.js';

/** A pace easy to count with: the value is messages per minute, a burst of one (or as given). */
const perMinute = (value: number, max = 100_000, burst = 1): PaceSetting => ({
  platform: 'slack',
  variable: 'SLACK_MESSAGES_PER_MINUTE',
  value,
  max,
  paceAt: (v) => ({ perWorkspacePerSecond: v / 60, burst }),
});
const teamsPerMinute = (value: number, max = 100): PaceSetting => ({
  ...perMinute(value, max),
  platform: 'teams',
  variable: 'TEAMS_MESSAGES_PER_SECOND',
});

const program = (extra: Record<string, unknown> = {}) =>
  programSettingsSchema.parse({
    name: 'cohort',
    timezone: 'UTC',
    nudges: { time: '09:30', weekdays: ['tue', 'thu'] },
    checkpointTime: '10:00',
    ...extra,
  });

// 2026-01-13 is a Tuesday, a nudge day; no zone changes its offset near it.
const input = (extra: Partial<CapacityInput> = {}): CapacityInput => ({
  program: program(),
  people: 1000,
  platforms: [perMinute(60)],
  date: '2026-01-13',
  ...extra,
});

const at = (iso: string) => Date.parse(iso);

describe('the capacity estimate', () => {
  it('rejects no people, part of a person and more than it can count', () => {
    for (const people of [0, -5, 2.5, 100_000_001, Number.NaN])
      expect(() => estimateCapacity(input({ people }))).toThrow(CapacityInputError);
    expect(() => estimateCapacity(input({ people: 0 }))).toThrow(/whole number from 1/);
  });

  it('rejects shares that do not add up to 100 %, unknown zones and a zone named twice', () => {
    const zones = (...z: [string, number][]) => z.map(([zone, percent]) => ({ zone, percent }));
    expect(() =>
      estimateCapacity(input({ zones: zones(['Europe/Berlin', 60], ['Asia/Tokyo', 30]) })),
    ).toThrow(/add up to 90 %/);
    expect(() => estimateCapacity(input({ zones: zones(['Mars/Base', 100]) }))).toThrow(/IANA/);
    expect(() => estimateCapacity(input({ zones: zones(['Asia/Tokyo', 50], ['Asia/Tokyo', 50]) }))).toThrow(
      /twice/,
    );
    expect(() => estimateCapacity(input({ zones: zones(['Asia/Tokyo', 0], ['UTC', 100]) }))).toThrow(
      /above 0/,
    );
  });

  it('rejects spread times that run past midnight', () => {
    expect(() => estimateCapacity(input({ spreadTimes: 4, spreadMinutes: 300 }))).toThrow(/past midnight/);
    expect(() => estimateCapacity(input({ spreadTimes: 4, spreadMinutes: 60 }))).not.toThrow();
  });

  it('one person: the nudge and the survey each go out in the burst, bound by the engine alone', () => {
    const estimate = estimateCapacity(input({ people: 1 }));
    expect(estimate.date).toBe('2026-01-13');
    expect(estimate.waves.map((w) => [new Date(w.dueAt).toISOString(), w.kinds, w.messages])).toEqual([
      ['2026-01-13T09:30:00.000Z', ['nudge'], 1],
      ['2026-01-13T10:00:00.000Z', ['checkpoint'], 1],
    ]);
    for (const wave of estimate.waves) {
      expect(wave.platforms[0]).toEqual({
        platform: 'slack',
        waitedMs: 0,
        passMs: ENGINE_PASS_MS_PER_JOB,
        paceMs: 0,
        engineMs: ENGINE_PASS_MS_PER_JOB + ENGINE_DISPATCH_MS_PER_MESSAGE,
        takesMs: ENGINE_PASS_MS_PER_JOB + ENGINE_DISPATCH_MS_PER_MESSAGE,
        boundBy: 'engine',
        withinGrace: true,
        expired: 0,
      });
    }
    expect(estimate.platforms[0]).toMatchObject({
      withinGrace: true,
      expired: 0,
      valueNeeded: 60,
      spread: null,
    });
  });

  it('a wave at the platform pace: the pass, the burst, then one message a second', () => {
    const [nudges, surveys] = estimateCapacity(input()).waves;
    // 1,000 jobs in the pass, then 999 messages after the burst of one at 1 a second.
    const takes = 1000 * ENGINE_PASS_MS_PER_JOB + 999_000;
    expect(nudges!.platforms[0]).toMatchObject({
      waitedMs: 0,
      paceMs: 999_000,
      takesMs: takes,
      boundBy: 'pace',
    });
    // The surveys come 30 minutes later, after the nudges are out: no waiting, and the burst is back.
    expect(surveys!.platforms[0]).toMatchObject({ waitedMs: 0, takesMs: takes, withinGrace: true });
  });

  it('waves that exceed the grace window: what is not out within it expires, and the next wave waits', () => {
    const estimate = estimateCapacity(input({ program: program({ catchUpGraceHours: 1 }), people: 5000 }));
    const [nudges, surveys] = estimate.waves.map((w) => w.platforms[0]!);
    const pass = 5000 * ENGINE_PASS_MS_PER_JOB; // 5.3 s
    // By 10:30 the burst and 3,594.7 s of pace: 3,595 nudges out, 1,405 expire.
    expect(nudges).toMatchObject({ waitedMs: 0, withinGrace: false, expired: 1405 });
    expect(nudges!.takesMs).toBeCloseTo(pass + 4_999_000, 6);
    // The surveys, due 10:00, start when the nudges' window closes at 10:30; by 11:00 1,795 are out.
    expect(surveys).toMatchObject({ waitedMs: 30 * MINUTE, withinGrace: false, expired: 3205 });
    expect(estimate.platforms[0]).toMatchObject({ withinGrace: false, expired: 1405 + 3205 });
    expect(renderCapacityText(estimate)).toContain('4,610 messages a day would expire');
  });

  it('quiet hours that outlast the grace window end a wave early: the dispatcher does not keep it overnight', () => {
    const late = program({ nudges: { time: '17:00' }, checkpointTime: '17:30' });
    const [nudges, surveys] = estimateCapacity(input({ program: late, people: 5000 })).waves;
    expect(surveys!.sendBy).toBe(at('2026-01-13T19:00:00Z'));
    expect(nudges!.platforms[0]).toMatchObject({ withinGrace: true, expired: 0 });
    // The surveys wait for the nudges until 18:23:24, then 36 min 30 s are left before 19:00: 2,191 go out.
    expect(surveys!.platforms[0]).toMatchObject({ withinGrace: false, expired: 2809 });
    const later = program({ ...late, quietHours: { start: '22:00', end: '07:00' } });
    const [, evening] = estimateCapacity(input({ program: later, people: 5000 })).waves;
    expect(evening!.sendBy).toBe(at('2026-01-13T21:30:00Z'));
    expect(evening!.platforms[0]).toMatchObject({ withinGrace: true, expired: 0 });
  });

  it('a raised pace shortens the waves, and the pace it names is the lowest at which the day fits', () => {
    const slow = estimateCapacity(input({ people: 20_000 }));
    expect(slow.platforms[0]!.withinGrace).toBe(false);
    const needed = slow.platforms[0]!.valueNeeded!;
    expect(needed).toBeGreaterThan(60);
    expect(slow.platforms[0]!.advice.join(' ')).toContain(`from 60 to ${needed.toLocaleString('en')}`);
    const raised = estimateCapacity(input({ people: 20_000, platforms: [perMinute(needed)] }));
    expect(raised.platforms[0]!.withinGrace).toBe(true);
    expect(raised.waves[0]!.platforms[0]!.takesMs).toBeLessThan(slow.waves[0]!.platforms[0]!.takesMs);
    expect(raised.waves[0]!.platforms[0]!.takesMs).toBeLessThanOrEqual(4 * HOUR);
    expect(
      estimateCapacity(input({ people: 20_000, platforms: [perMinute(needed - 1)] })).platforms[0]!
        .withinGrace,
    ).toBe(false);
  });

  it('names no pace when even the highest setting is not enough', () => {
    const estimate = estimateCapacity(input({ people: 20_000, platforms: [perMinute(60, 100)] }));
    expect(estimate.platforms[0]!.valueNeeded).toBeNull();
    expect(estimate.platforms[0]!.advice.join(' ')).toContain(
      'No Slack pace up to SLACK_MESSAGES_PER_MINUTE=100',
    );
  });

  it('a platform faster than the engine leaves the engine as the bound', () => {
    const fast = perMinute(60_000_000, 100_000_000);
    const [wave] = estimateCapacity(input({ people: 100_000, platforms: [fast] })).waves;
    expect(wave!.platforms[0]!.boundBy).toBe('engine');
    expect(wave!.platforms[0]!.takesMs).toBeCloseTo(
      100_000 * (ENGINE_PASS_MS_PER_JOB + ENGINE_DISPATCH_MS_PER_MESSAGE),
      6,
    );
  });

  it('zones: each offset is a wave of its own, and zones at the same offset share one', () => {
    const zones = parseZoneShares('Europe/Berlin=50,Europe/Paris=10,America/New_York=40');
    const estimate = estimateCapacity(input({ zones }));
    expect(estimate.zones.map((z) => z.people)).toEqual([500, 100, 400]);
    expect(estimate.waves.map((w) => [w.dueAt, w.messages])).toEqual([
      [at('2026-01-13T08:30:00Z'), 600],
      [at('2026-01-13T09:00:00Z'), 600],
      [at('2026-01-13T14:30:00Z'), 400],
      [at('2026-01-13T15:00:00Z'), 400],
    ]);
    expect(estimate.waves[0]!.local).toEqual(['09:30 Europe/Berlin (nudge)', '09:30 Europe/Paris (nudge)']);
  });

  it('spread times split the people and shift both their nudge and their survey', () => {
    const estimate = estimateCapacity(input({ people: 1001, spreadTimes: 2, spreadMinutes: 45 }));
    expect(
      estimate.waves.map((w) => [new Date(w.dueAt).toISOString().slice(11, 16), w.kinds[0], w.messages]),
    ).toEqual([
      ['09:30', 'nudge', 501],
      ['10:00', 'checkpoint', 501],
      ['10:15', 'nudge', 500],
      ['10:45', 'checkpoint', 500],
    ]);
  });

  it('a nudge and a survey due at the same instant are one wave', () => {
    const estimate = estimateCapacity(input({ program: program({ checkpointTime: '09:30' }) }));
    expect(estimate.waves).toHaveLength(1);
    expect(estimate.waves[0]).toMatchObject({ kinds: ['nudge', 'checkpoint'], messages: 2000 });
  });

  it('the day is the first nudge day on or after the date, and a time in quiet hours moves to their end', () => {
    // 2026-01-14 is a Wednesday: the next nudge day is Thursday the 15th.
    const estimate = estimateCapacity(
      input({ date: '2026-01-14', program: program({ nudges: { time: '07:00' } }) }),
    );
    expect(estimate.date).toBe('2026-01-15');
    expect(new Date(estimate.waves[0]!.dueAt).toISOString()).toBe('2026-01-15T08:00:00.000Z');
  });

  it('a program whose nudge days are no working days: the day has its surveys only', () => {
    const estimate = estimateCapacity(input({ program: program({ nudges: { weekdays: ['sat'] } }) }));
    expect(estimate.date).toBe('2026-01-13');
    expect(estimate.waves.map((w) => w.kinds)).toEqual([['checkpoint']]);
  });

  it('suggests a spread of the sends at which the day fits, and the day does fit with it', () => {
    const estimate = estimateCapacity(input({ people: 9000 }));
    const advice = estimate.platforms[0]!;
    expect(advice.withinGrace).toBe(false);
    expect(advice.spread).toEqual({ times: 2, minutesApart: 45 });
    expect(advice.advice.join(' ')).toContain('--spread-times 2 --spread-minutes 45');
    const spread = estimateCapacity(input({ people: 9000, spreadTimes: 2, spreadMinutes: 45 }));
    expect(spread.platforms[0]!.withinGrace).toBe(true);
    // 30 minutes apart is not enough (the second nudges come with the first surveys), so 45 is the smallest.
    const closer = estimateCapacity(input({ people: 9000, spreadTimes: 2, spreadMinutes: 30 }));
    expect(closer.platforms[0]!.withinGrace).toBe(false);
  });

  it('says when no spread within a day is enough', () => {
    const advice = estimateCapacity(input({ people: 50_000 })).platforms[0]!;
    expect(advice.spread).toBeNull();
    expect(advice.advice.join(' ')).toContain('Spreading the times alone cannot do it');
  });
});

describe('the parts of the estimate', () => {
  it('splits people by shares without losing anyone', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1, [60, 40])).toEqual([1, 0]);
    // Remainders 0.7, 0.75 and 0.55: the two largest get the two people left.
    expect(apportion(7, [10, 25, 65])).toEqual([1, 2, 4]);
    expect(apportion(1_000_001, [25, 25, 25, 25]).reduce((a, b) => a + b, 0)).toBe(1_000_001);
  });

  it('reads zones with their shares, and names what it cannot read', () => {
    expect(parseZoneShares('Europe/Berlin=60, America/New_York=40%')).toEqual([
      { zone: 'Europe/Berlin', percent: 60 },
      { zone: 'America/New_York', percent: 40 },
    ]);
    expect(parseZoneShares('Asia/Tokyo =12.5,UTC= 87.5')).toEqual([
      { zone: 'Asia/Tokyo', percent: 12.5 },
      { zone: 'UTC', percent: 87.5 },
    ]);
    for (const bad of [
      'Europe/Berlin',
      'Europe/Berlin 60',
      'x Europe/Berlin=60',
      'Europe/Berlin=60x',
      'Europe/Berlin=-5',
    ])
      expect(() => parseZoneShares(bad)).toThrow(/ZONE=PERCENT/);
    expect(() => parseZoneShares('Mars/Base=100')).toThrow(/IANA/);
    expect(() => parseZoneShares(' , ')).toThrow(/no zone/);
  });

  it('writes durations as people read them', () => {
    expect(formatDuration(1.95)).toBe('2 ms');
    expect(formatDuration(1950)).toBe('2 s');
    expect(formatDuration(999)).toBe('999 ms');
    expect(formatDuration(1000)).toBe('1 s');
    expect(formatDuration(9_940)).toBe('9.9 s');
    expect(formatDuration(10_000)).toBe('10 s');
    expect(formatDuration(59_000)).toBe('59 s');
    expect(formatDuration(3_599_000)).toBe('59 min 59 s');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(207_400)).toBe('3 min 27 s');
    expect(formatDuration(4 * HOUR)).toBe('4 h');
    expect(formatDuration(61 * HOUR + 52 * MINUTE)).toBe('61 h 52 min');
  });
});

describe('the edges of the estimate', () => {
  it('takes the largest numbers it accepts, and shares that add up to 100 % only after rounding', () => {
    expect(() => estimateCapacity(input({ people: 100_000_000 }))).not.toThrow();
    const thirds = [33.3, 33.3, 33.4].map((percent, i) => ({
      zone: ['UTC', 'Asia/Tokyo', 'Asia/Dubai'][i]!,
      percent,
    }));
    expect(estimateCapacity(input({ zones: thirds })).zones.map((z) => z.people)).toEqual([333, 333, 334]);
    expect(() => estimateCapacity(input({ spreadTimes: 24, spreadMinutes: 1 }))).not.toThrow();
  });

  it('rejects spreads, dates and platforms it cannot use', () => {
    for (const spreadTimes of [0, 25, 1.5])
      expect(() => estimateCapacity(input({ spreadTimes }))).toThrow(/1 to 24 times/);
    for (const spreadMinutes of [0, 1.5])
      expect(() => estimateCapacity(input({ spreadTimes: 2, spreadMinutes }))).toThrow(
        /whole number of minutes/,
      );
    expect(() => estimateCapacity(input({ date: '2026-02-30' }))).toThrow(/not a date/);
    expect(() => estimateCapacity(input({ platforms: [] }))).toThrow(/no platform/);
  });

  it('says what it assumed: the grace window, the engine figures and the zone people', () => {
    const estimate = estimateCapacity(input({ program: program({ catchUpGraceHours: 2.5 }) }));
    expect(estimate).toMatchObject({
      program: 'cohort',
      people: 1000,
      zones: [{ zone: 'UTC', percent: 100, people: 1000 }],
      graceMs: 2.5 * HOUR,
      engine: { passMsPerJob: 1.06, dispatchMsPerMessage: 0.89 },
    });
  });

  it('no empty waves when a spread has more times than people', () => {
    const estimate = estimateCapacity(input({ people: 1, spreadTimes: 3 }));
    expect(estimate.waves.map((w) => w.messages)).toEqual([1, 1]);
  });

  it('a nudge that quiet hours push onto the next day is not sent that day; a survey is moved', () => {
    const evening = program({ nudges: { time: '20:00' }, checkpointTime: '20:00' });
    const estimate = estimateCapacity(input({ program: evening }));
    expect(estimate.waves.map((w) => [new Date(w.dueAt).toISOString(), w.kinds])).toEqual([
      ['2026-01-14T08:00:00.000Z', ['checkpoint']],
    ]);
  });

  it('waves come in time order, whatever the order of the zones', () => {
    const zones = parseZoneShares('America/New_York=50,Europe/Berlin=50');
    const estimate = estimateCapacity(input({ zones }));
    expect(estimate.waves.map((w) => w.local[0])).toEqual([
      '09:30 Europe/Berlin (nudge)',
      '10:00 Europe/Berlin (checkpoint)',
      '09:30 America/New_York (nudge)',
      '10:00 America/New_York (checkpoint)',
    ]);
    expect(estimate.waves.map((w) => w.kinds)).toEqual([
      ['nudge'],
      ['checkpoint'],
      ['nudge'],
      ['checkpoint'],
    ]);
  });

  it('quiet hours end the window in the zone’s own evening, also west of UTC', () => {
    const late = program({ nudges: { time: '17:00' }, checkpointTime: '17:30' });
    const [nudges] = estimateCapacity(
      input({ program: late, zones: parseZoneShares('Pacific/Honolulu=100') }),
    ).waves;
    // 17:00 in Honolulu is 03:00 UTC the next day; its quiet hours start at 19:00 there, 05:00 UTC.
    expect(nudges!.dueAt).toBe(at('2026-01-14T03:00:00Z'));
    expect(nudges!.sendBy).toBe(at('2026-01-14T05:00:00Z'));
  });

  it('quiet hours that start after midnight and end before the grace window does: no cut', () => {
    const short = program({ quietHours: { start: '02:00', end: '06:00' }, catchUpGraceHours: 18 });
    const [nudges] = estimateCapacity(input({ program: short })).waves;
    expect(nudges!.sendBy).toBe(at('2026-01-14T02:00:00Z'));
    const longer = program({ quietHours: { start: '02:00', end: '03:00' }, catchUpGraceHours: 18 });
    expect(estimateCapacity(input({ program: longer })).waves[0]!.sendBy).toBe(at('2026-01-14T03:30:00Z'));
  });

  it('the engine bound, exactly: a pace between the dispatcher’s cost and the engine’s whole cost', () => {
    // 1.5 ms a message: slower than the dispatcher's 0.89 ms, faster than pass and dispatch together (1.95 ms).
    const pace: PaceSetting = {
      ...perMinute(40_000, 100_000, 0),
      paceAt: () => ({ perWorkspacePerSecond: 1000 / 1.5, burst: 0 }),
    };
    const [wave] = estimateCapacity(input({ people: 1000, platforms: [pace] })).waves;
    expect(wave!.platforms[0]!.boundBy).toBe('engine');
    expect(wave!.platforms[0]!.paceMs).toBeCloseTo(1500, 6);
    expect(wave!.platforms[0]!.takesMs).toBeCloseTo(1060 + 1500, 6);
  });

  it('an engine-bound wave past its window: what the dispatcher gets through by then goes out', () => {
    const fast = perMinute(60_000_000, 100_000_000);
    const tight = program({ catchUpGraceHours: 0.0005 }); // 1.8 s
    const estimate = estimateCapacity(input({ program: tight, people: 1000, platforms: [fast] }));
    // 1.06 s of pass, then 0.74 s at 0.89 ms a message: 831 out, 169 expire.
    expect(estimate.waves[0]!.platforms[0]).toMatchObject({
      boundBy: 'engine',
      withinGrace: false,
      expired: 169,
    });
    expect(estimate.platforms[0]!.largestWaveWithinGrace).toBe(923);
    expect(estimate.platforms[0]!.advice.join(' ')).toContain(
      'the engine itself needs more than the window for waves this large',
    );
  });

  it('a wave after a short pause gets only the burst the bucket refilled', () => {
    // A burst of 100 at 1 a second; 200 nudges take 100 s after the burst, the surveys follow 30 min later with a
    // full bucket again. With the surveys due 1 min after the nudges, they wait, and the bucket holds a few tokens.
    const close = program({ nudges: { time: '09:30' }, checkpointTime: '09:31' });
    const [, surveys] = estimateCapacity(
      input({ program: close, people: 200, platforms: [perMinute(60, 100, 100)] }),
    ).waves;
    // The nudges: 0.212 s of pass, then 100 at once and 100 s; the surveys wait 40.2 s, refill 0.212 s (no token).
    expect(surveys!.platforms[0]!.waitedMs).toBeCloseTo(100_212 - 60_000, 6);
    expect(surveys!.platforms[0]!.paceMs).toBe(200_000);
    const [, apart] = estimateCapacity(input({ people: 200, platforms: [perMinute(60, 100, 100)] })).waves;
    expect(apart!.platforms[0]!.paceMs).toBe(100_000);
  });

  it('largest wave within the window at a pace: the burst, then the pace, each message also costing its pass', () => {
    const advice = estimateCapacity(input({ people: 1 })).platforms[0]!;
    // (4 h + 1 s of burst) / (1.06 ms + 1 s) per message.
    expect(advice.largestWaveWithinGrace).toBe(Math.floor((4 * HOUR + 1000) / 1001.06));
  });

  it('advises Teams in its own terms, and names no zones when they are given', () => {
    const zones = parseZoneShares('UTC=50,Asia/Tokyo=50');
    const estimate = estimateCapacity(
      input({ people: 40_000, zones, platforms: [teamsPerMinute(60, 1000)] }),
    );
    const text = estimate.platforms[0]!.advice.join(' ');
    expect(text).toContain('Or raise TEAMS_MESSAGES_PER_SECOND from 60 to');
    expect(text).toContain('at most 1000; Teams allows about 50 requests per second');
    expect(text).not.toContain('--zones');
    expect(text).toContain(
      'At this pace a wave fits the window only up to 14,385 messages; the largest here has 20,000.',
    );
  });

  it('says how long the day takes against its sending hours when spreading cannot do it', () => {
    const advice = estimateCapacity(input({ people: 50_000 })).platforms[0]!.advice.join(' ');
    expect(advice).toContain(
      'Spreading the times alone cannot do it: 100,000 messages at this pace take 27 h 47 min, against 11 h of sending hours',
    );
  });

  it('never suggests spread times in quiet hours', () => {
    const early = program({ quietHours: { start: '12:00', end: '08:00' } });
    const advice = estimateCapacity(input({ people: 9000, program: early })).platforms[0]!;
    expect(advice.spread).toBeNull();
  });
});

describe('the estimate as text and as the README table', () => {
  it('prints the estimate', () => {
    expect(renderCapacityText(estimateCapacity(input({ people: 9000 })))).toBe(
      [
        'Program cohort: 9,000 people in UTC 100 % (9,000).',
        "The day: 2026-01-13, a nudge day that is also a checkpoint day, everyone's experiment on the same dates (the worst day).",
        'Catch-up grace window: 4 h (catchUpGraceHours); what is not sent within it expires.',
        'Engine: 1.06 ms per due job in the scheduler pass, then 0.89 ms per message sent (README, Benchmarks).',
        'Slack pace: SLACK_MESSAGES_PER_MINUTE=60 → a burst of 1, then 60 a minute (1/s).',
        '',
        'Waves (due instant, where, messages; per platform: from due time to last message, bound, expiry):',
        '1. 09:30 UTC  9,000 messages  09:30 UTC (nudge)',
        '     Slack  2 h 30 min (pace; within grace)',
        '2. 10:00 UTC  9,000 messages  10:00 UTC (checkpoint)',
        '     Slack  4 h 30 min (pace, 2 h of it waiting; 1,818 expire)',
        '',
        'Slack: does not fit.',
        '  - 1,818 messages a day would expire: not sent within the 4 h grace window. Each wave alone would fit (up to 14,385 messages at this pace), but they come too close together: a wave waits for the one before it.',
        '  - Spread the sends: split the people into 2 programs whose nudge and checkpoint times lie 45 min apart (--spread-times 2 --spread-minutes 45 shows the day).',
        '  - If the people live in several zones, give them with --zones: zones at other offsets send in waves of their own.',
        '  - Or raise SLACK_MESSAGES_PER_MINUTE from 60 to 67, if Slack grants the workspace that pace (ask Slack first: over its cap every send draws a 429).',
        '',
      ].join('\n'),
    );
    const fits = renderCapacityText(estimateCapacity(input({ people: 10, platforms: [perMinute(3000)] })));
    expect(fits).toContain('burst of 1, then 3,000 a minute (50/s).');
    expect(fits).toContain(
      'Every wave is out within the 4 h grace window; the slowest is out 191 ms after its time. Waves of up to 683,761 messages fit at this pace.',
    );
  });

  it('renders the table row by row', () => {
    const table = renderCapacityTable({
      program: program(),
      platforms: [perMinute(60), teamsPerMinute(60)],
      date: '2026-01-13',
      sizes: [100, 9000, 100_000],
      zones: parseZoneShares('Europe/Berlin=50,America/New_York=50'),
      spreadTimes: 2,
      spreadMinutes: 90,
    });
    const split =
      'split the cohort over nudge days (programs on other weekdays): no pace or spread within a day is enough';
    expect(table.split('\n')).toEqual([
      '| People | Zones | Times | Largest wave | Slack: slowest wave | Teams: slowest wave | Slack: what to change | Teams: what to change |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 100 | 1 | 1 | 100 | 1 min 39 s (pace; within grace) | 1 min 39 s (pace; within grace) | nothing | nothing |',
      '| 100 | 1 | 2, 90 min apart | 50 | 49 s (pace; within grace) | 49 s (pace; within grace) | nothing | nothing |',
      '| 100 | 2 | 1 | 50 | 49 s (pace; within grace) | 49 s (pace; within grace) | nothing | nothing |',
      '| 100 | 2 | 2, 90 min apart | 25 | 24 s (pace; within grace) | 24 s (pace; within grace) | nothing | nothing |',
      '| 9,000 | 1 | 1 | 9,000 | 4 h 30 min (pace, 2 h of it waiting; 1,818 expire) | 4 h 30 min (pace, 2 h of it waiting; 1,818 expire) | spread over 2 times ≥ 45 min apart, or SLACK_MESSAGES_PER_MINUTE=67 | spread over 2 times ≥ 45 min apart, or TEAMS_MESSAGES_PER_SECOND=67 |',
      '| 9,000 | 1 | 2, 90 min apart | 4,500 | 3 h (pace, 1 h 45 min of it waiting; within grace) | 3 h (pace, 1 h 45 min of it waiting; within grace) | nothing | nothing |',
      '| 9,000 | 2 | 1 | 4,500 | 2 h (pace, 45 min 4 s of it waiting; within grace) | 2 h (pace, 45 min 4 s of it waiting; within grace) | nothing | nothing |',
      '| 9,000 | 2 | 2, 90 min apart | 2,250 | 45 min 3 s (pace, 7 min 31 s of it waiting; within grace) | 45 min 3 s (pace, 7 min 31 s of it waiting; within grace) | nothing | nothing |',
      `| 100,000 | 1 | 1 | 100,000 | 31 h 18 min (pace, 3 h 30 min of it waiting; 98,305 expire) | 31 h 18 min (pace, 3 h 30 min of it waiting; 98,305 expire) | SLACK_MESSAGES_PER_MINUTE=751 | ${split} |`,
      `| 100,000 | 1 | 2, 90 min apart | 50,000 | 17 h 24 min (pace, 3 h 30 min of it waiting; 48,252 expire) | 17 h 24 min (pace, 3 h 30 min of it waiting; 48,252 expire) | SLACK_MESSAGES_PER_MINUTE=562 | ${split} |`,
      `| 100,000 | 2 | 1 | 50,000 | 17 h 24 min (pace, 3 h 30 min of it waiting; 48,252 expire) | 17 h 24 min (pace, 3 h 30 min of it waiting; 48,252 expire) | SLACK_MESSAGES_PER_MINUTE=373 | ${split} |`,
      `| 100,000 | 2 | 2, 90 min apart | 25,000 | 10 h 27 min (pace, 3 h 30 min of it waiting; 23,226 expire) | 10 h 27 min (pace, 3 h 30 min of it waiting; 23,226 expire) | SLACK_MESSAGES_PER_MINUTE=280 | ${split} |`,
    ]);
  });
});
