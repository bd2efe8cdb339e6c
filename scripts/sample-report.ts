/**
 * Seeds a realistic pilot in a throw-away database and renders its outcome report:
 *
 *   node --import tsx scripts/sample-report.ts                       # → reports/sample-report.html
 *   node --import tsx scripts/sample-report.ts --png docs/report.png # and a screenshot (needs chromium)
 *
 * 34 leaders (24 coached, 10 control) of a 13-week program with checkpoints on day 30, 60 and 90, six mentor
 * pairs with charters, milestones and curator alerts, nudges and checkpoint messages through the outbox, and ROI
 * assumptions. The data is made up and seeded, so every run draws the same report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportReport } from '../src/app/reports/export.js';
import { DAY, HOUR, ManualClock } from '../src/core/clock.js';
import type { Experiment, KpiDirection } from '../src/core/experiment.js';
import type { Arm, Participant } from '../src/core/participant.js';
import type { ConsentState } from '../src/core/schedule.js';
import { addLocalDays, localWeekKey } from '../src/core/time.js';
import { openStoreAt } from '../src/store/index.js';
import { ReportSeeder } from '../test/reports/seed.js';

const { values: args } = parseArgs({
  options: { html: { type: 'string' }, png: { type: 'string' }, json: { type: 'string' } },
});
const htmlPath = resolve(args.html ?? 'reports/sample-report.html');

/** A small seeded random source, so every run tells the same story. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const random = seeded(2026);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const chance = (p: number) => random() < p;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

const FIRST = [
  'Ana',
  'Jonas',
  'Mei',
  'Sam',
  'Priya',
  'Lukas',
  'Amara',
  'Diego',
  'Noor',
  'Felix',
  'Ines',
  'Kenji',
  'Lea',
  'Omar',
  'Sofia',
  'Tariq',
  'Yara',
  'Ben',
  'Chloe',
  'David',
  'Elif',
  'Finn',
  'Greta',
  'Hugo',
  'Ivy',
  'Jamal',
  'Kira',
  'Leon',
  'Maya',
  'Nils',
  'Olga',
  'Paul',
  'Rosa',
  'Theo',
  'Uma',
  'Vera',
  'Wim',
  'Zoe',
  'Aaron',
  'Bea',
];

interface Kpi {
  unit: string;
  name: string;
  baseline: () => number;
  span: () => number;
  direction: KpiDirection;
}
const KPIS: Kpi[] = [
  {
    unit: 'ideas',
    name: 'Ideas raised by the team per week',
    baseline: () => Math.round(between(2, 5)),
    span: () => Math.round(between(3, 5)),
    direction: 'increase',
  },
  {
    unit: '%',
    name: 'Sprint goals met',
    baseline: () => Math.round(between(55, 70)),
    span: () => Math.round(between(12, 20)),
    direction: 'increase',
  },
  {
    unit: 'hours',
    name: 'Hours a week in status meetings',
    baseline: () => Math.round(between(7, 11)),
    span: () => Math.round(between(3, 5)),
    direction: 'decrease',
  },
];
const ODD_KPIS: Kpi[] = [
  { unit: 'NPS', name: 'Team NPS', baseline: () => 12, span: () => 15, direction: 'increase' },
  { unit: 'escalations', name: 'Escalations to me', baseline: () => 9, span: () => 5, direction: 'decrease' },
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'coachloop-sample-'));
  const store = await openStoreAt(join(dir, 'sample.db'));
  const asOf = Date.parse('2026-06-15T09:00:00Z');
  const invitedOn = Date.parse('2026-02-16T09:00:00Z');
  const seed = new ReportSeeder(store, invitedOn);
  try {
    const program = await seed.program({
      name: 'spring-pilot',
      title: 'Leadership micro-coaching pilot — spring 2026',
      timezone: 'Europe/Berlin',
      lengthWeeks: 13,
      checkpointDays: [30, 60, 90],
      weeklyBudget: 3,
      evaluation: {
        primary: { outcome: 'way_to_target', day: 90 },
        smallestEffect: 10,
        minPerArm: 8,
        secondary: [{ outcome: 'practice', day: 90 }],
      },
      roi: {
        outcome: 'avoidable exits of direct reports per year',
        unit: 'exits',
        baseline: 10,
        current: 8,
        direction: 'decrease',
        attributionPercent: 30,
        valuePerUnit: 120_000,
        programCost: 30_000,
        currency: 'USD',
        attributionRationale:
          'A control arm of 10 leaders answered the same checkpoints; coached leaders moved clearly further. 30 % sits in the 30–40 % band for a pilot with a comparison group.',
      },
    });

    // 34 leaders: 24 coached, 10 control; consent answers arrive over the first week.
    const plan: { arm: Arm; consent: ConsentState }[] = [
      ...Array.from({ length: 20 }, () => ({ arm: 'coached' as const, consent: 'accepted' as const })),
      { arm: 'coached', consent: 'opted_out' },
      { arm: 'coached', consent: 'opted_out' },
      { arm: 'coached', consent: 'declined' },
      { arm: 'coached', consent: 'pending' },
      ...Array.from({ length: 8 }, () => ({ arm: 'control' as const, consent: 'accepted' as const })),
      { arm: 'control', consent: 'declined' },
      { arm: 'control', consent: 'declined' },
    ];
    const leaders: { person: Participant; arm: Arm; consent: ConsentState }[] = [];
    for (const [i, p] of plan.entries()) {
      const invitedAt = invitedOn + Math.floor(i / 8) * DAY;
      const person = await seed.person(program, {
        userId: `U${String(i + 1).padStart(3, '0')}`,
        displayName: `${FIRST[i]} Example`,
        email: `${FIRST[i]!.toLowerCase()}@example.com`,
        arm: p.arm,
        consent: p.consent,
        roles: i < 6 ? ['leader', 'mentee'] : ['leader'],
        createdAt: invitedAt,
        invitedAt,
        consentAt: p.consent === 'pending' ? null : invitedAt + between(0.2, 6) * DAY,
      });
      leaders.push({ person, arm: p.arm, consent: p.consent });
    }

    // Experiments, checkpoint answers and nudges.
    const experiments: { experiment: Experiment; arm: Arm; optedOut: boolean }[] = [];
    for (const [i, l] of leaders.entries()) {
      if (l.consent !== 'accepted' && l.consent !== 'opted_out') continue;
      if (l.arm === 'coached' && l.consent === 'accepted' && i % 10 === 7) continue; // one leader never set one up
      const kpi = i === 11 ? ODD_KPIS[0]! : i === 17 ? ODD_KPIS[1]! : KPIS[i % KPIS.length]!;
      const baseline = kpi.baseline();
      const target = kpi.direction === 'increase' ? baseline + kpi.span() : baseline - kpi.span();
      const startDate = i % 2 === 0 ? '2026-03-02' : '2026-03-09';
      const experiment = await seed.experiment(program, l.person, {
        baseline,
        target,
        direction: kpi.direction,
        unit: kpi.unit,
        kpiName: kpi.name,
        startDate,
        at: Date.parse(`${startDate}T08:00:00Z`) - DAY,
      });
      experiments.push({ experiment, arm: l.arm, optedOut: l.consent === 'opted_out' });
    }

    const progressAt: Record<Arm, Record<number, [number, number]>> = {
      coached: { 30: [-0.2, 0.8], 60: [0, 1.1], 90: [0.25, 1.4] },
      control: { 30: [-0.3, 0.45], 60: [-0.3, 0.55], 90: [-0.25, 0.6] },
    };
    const practiceAt: Record<Arm, Record<number, [number, number]>> = {
      coached: { 30: [2.4, 4.4], 60: [3, 5], 90: [3.3, 5.4] },
      control: { 30: [1.4, 3.4], 60: [1.5, 3.6], 90: [1.5, 3.6] },
    };
    const answerChance: Record<number, number> = { 30: 0.88, 60: 0.8, 90: 0.74 };
    for (const { experiment, arm, optedOut } of experiments) {
      for (const day of program.settings.checkpointDays) {
        if (optedOut && day > 30) break;
        const sentAt = Date.parse(`${addLocalDays(experiment.startDate, day)}T08:00:00Z`);
        await seed.deliver({
          key: `checkpoint:${experiment.participantId}:${experiment.id}/day-${day}`,
          participantId: experiment.participantId,
          kind: 'checkpoint',
          budgeted: true,
          budgetWeek: localWeekKey(sentAt, program.settings.timezone),
          message: { text: 'checkpoint', blocks: [] },
          dueAt: sentAt,
          expiresAt: sentAt + DAY,
        });
        const answers = chance(answerChance[day]!);
        const afterReminder = !answers || chance(0.35);
        if (afterReminder) {
          // One reminder after 48 hours, in the same budget as the survey.
          const remindAt = sentAt + 2 * DAY;
          await seed.deliver({
            key: `checkpoint_reminder:${experiment.participantId}:${experiment.id}/day-${day}/r1`,
            participantId: experiment.participantId,
            kind: 'checkpoint_reminder',
            budgeted: true,
            budgetWeek: localWeekKey(remindAt, program.settings.timezone),
            message: { text: 'reminder', blocks: [] },
            dueAt: remindAt,
            expiresAt: remindAt + DAY,
          });
        }
        if (!answers) {
          await seed.sendSurvey(experiment, day, sentAt);
          continue;
        }
        const [lo, hi] = progressAt[arm][day]!;
        const progress = between(lo, hi);
        const raw = experiment.kpiBaseline + progress * (experiment.kpiTarget - experiment.kpiBaseline);
        const [plo, phi] = practiceAt[arm][day]!;
        await seed.answer(
          experiment,
          day,
          {
            practice: clamp(Math.round(between(plo, phi)), 1, 5),
            kpiValue: Math.round(raw * 10) / 10,
            confidence: clamp(Math.round(between(2.5, 5.4)), 1, 5),
          },
          sentAt + (afterReminder ? between(50, 80) : between(1, 30)) * HOUR,
        );
      }
      if (arm === 'control') continue;
      // Nudges on Tuesdays and Thursdays; in a checkpoint week only one fits the weekly budget of 3.
      const weeks = optedOut ? 5 : 13;
      const dates: string[] = [];
      const answers: Record<string, 'did' | 'skip' | 'snooze'> = {};
      for (let w = 0; w < weeks; w += 1) {
        const tuesday = addLocalDays(experiment.startDate, w * 7 + 1);
        const checkpointWeek = [30, 60, 90].some((d) => d >= w * 7 && d < w * 7 + 7);
        for (const date of checkpointWeek ? [tuesday] : [tuesday, addLocalDays(tuesday, 2)]) {
          dates.push(date);
          if (chance(0.64)) answers[date] = chance(0.72) ? 'did' : chance(0.8) ? 'skip' : 'snooze';
        }
      }
      await seed.nudges(program, experiment, dates, answers);
    }

    // Six mentors for the six mentees; one pair goes quiet and is re-matched by a curator.
    const mentors: Participant[] = [];
    for (let i = 0; i < 7; i += 1) {
      mentors.push(
        await seed.person(program, {
          userId: `M${String(i + 1).padStart(3, '0')}`,
          displayName: `${FIRST[34 + (i % 6)]} Mentor`,
          roles: ['mentor'],
          createdAt: invitedOn,
          invitedAt: invitedOn,
          consentAt: invitedOn + DAY,
        }),
      );
    }
    const curator = await seed.person(program, {
      userId: 'C001',
      roles: ['curator'],
      createdAt: invitedOn,
      consentAt: invitedOn,
    });
    const pairedOn = Date.parse('2026-03-09T09:00:00Z');
    const charterDays = [5, 8, 9, 12, 20, null];
    const pairs = [];
    for (let i = 0; i < 6; i += 1) {
      const pair = await seed.pair(program, mentors[i]!, leaders[i]!.person, pairedOn + i * HOUR);
      pairs.push(pair);
      const days = charterDays[i];
      if (days === null || days === undefined) continue;
      const confirmedAt = pairedOn + days * DAY;
      const milestones = await seed.charter(pair, confirmedAt, [pairedOn + 45 * DAY, pairedOn + 90 * DAY]);
      // Ten milestones come due before the report: seven confirmed on time, two late, one never.
      const outcome = [
        ['on_time', 'on_time'],
        ['on_time', 'late'],
        ['on_time', 'on_time'],
        ['late', 'on_time'],
        ['on_time', 'none'],
      ][i]!;
      for (const [k, milestone] of milestones.entries()) {
        if (outcome[k] === 'none') continue;
        const at = milestone.dueAt + (outcome[k] === 'on_time' ? -between(0, 3) * DAY : between(4, 9) * DAY);
        await seed.confirmMilestone(milestone, pair, at, outcome[k] === 'late' ? 'partly' : 'met');
      }
    }
    const alertAt = (day: number) => pairedOn + day * DAY + 9 * HOUR;
    await seed.actOnAlert(
      await seed.alert(pairs[4]!, alertAt(40)),
      curator.id,
      alertAt(40) + 6 * HOUR,
      'checkin',
    );
    await seed.actOnAlert(
      await seed.alert(pairs[3]!, alertAt(55)),
      curator.id,
      alertAt(55) + 21 * HOUR,
      'snooze',
    );
    const quiet = await seed.alert(pairs[5]!, alertAt(28));
    await seed.actOnAlert(quiet, curator.id, alertAt(28) + 30 * HOUR, 'rematch');
    await store.mentoring.closePair(pairs[5]!.id, 're-matched by a curator', alertAt(28) + 30 * HOUR);
    const fresh = await seed.pair(program, mentors[6]!, leaders[5]!.person, alertAt(30), pairs[5]!.id);
    await seed.charter(fresh, alertAt(37), [
      Date.parse('2026-06-25T21:59:59Z'),
      Date.parse('2026-09-01T21:59:59Z'),
    ]);
    await seed.alert(pairs[1]!, Date.parse('2026-06-12T09:00:00Z'));

    const clock = new ManualClock(asOf);
    const { path } = await exportReport(store, clock, {
      program: program.name,
      format: 'html',
      out: htmlPath,
      actor: 'sample',
    });
    process.stdout.write(`${path}\n`);
    if (args.json)
      process.stdout.write(
        `${(await exportReport(store, clock, { program: program.name, format: 'json', out: resolve(args.json), actor: 'sample' })).path}\n`,
      );
    if (args.png) screenshot(path, resolve(args.png));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Headless Chromium, offline and with a throw-away profile. */
function screenshot(html: string, png: string): void {
  const browser = ['chromium', 'chromium-browser', 'google-chrome'].find(
    (b) => spawnSync('which', [b]).status === 0,
  );
  if (!browser) throw new Error('no chromium found: apt-get install -y chromium');
  mkdirSync(dirname(png), { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'coachloop-chromium-'));
  try {
    const result = spawnSync(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--screenshot=${png}`,
        '--window-size=1200,2200',
        `file://${html}`,
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0 || !existsSync(png)) throw new Error(`chromium failed: ${result.stderr}`);
    process.stdout.write(`${png}\n`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
