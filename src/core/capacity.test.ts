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
  renderCapacityText,
} from './capacity.js';
import { HOUR, MINUTE } from './clock.js';
import { programSettingsSchema } from './program.js';

/** A pace easy to count with: the value is messages per minute, a burst of one. */
const perMinute = (value: number, max = 100_000): PaceSetting => ({
  platform: 'slack',
  variable: 'SLACK_MESSAGES_PER_MINUTE',
  value,
  max,
  paceAt: (v) => ({ perWorkspacePerSecond: v / 60, burst: 1 }),
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
    expect(apportion(1_000_001, [25, 25, 25, 25]).reduce((a, b) => a + b, 0)).toBe(1_000_001);
  });

  it('reads zones with their shares, and names what it cannot read', () => {
    expect(parseZoneShares('Europe/Berlin=60, America/New_York=40%')).toEqual([
      { zone: 'Europe/Berlin', percent: 60 },
      { zone: 'America/New_York', percent: 40 },
    ]);
    expect(() => parseZoneShares('Europe/Berlin')).toThrow(/ZONE=PERCENT/);
    expect(() => parseZoneShares('Mars/Base=100')).toThrow(/IANA/);
    expect(() => parseZoneShares(' , ')).toThrow(/no zone/);
  });

  it('writes durations as people read them', () => {
    expect(formatDuration(1.95)).toBe('2 ms');
    expect(formatDuration(1950)).toBe('2 s');
    expect(formatDuration(207_400)).toBe('3 min 27 s');
    expect(formatDuration(4 * HOUR)).toBe('4 h');
    expect(formatDuration(61 * HOUR + 52 * MINUTE)).toBe('61 h 52 min');
  });
});
