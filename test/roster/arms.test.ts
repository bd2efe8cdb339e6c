import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRoster, parseRosterCsv } from '../../src/app/roster.js';
import { verifyAssignments } from '../../src/app/roster-assignment.js';
import { slackDirectory } from '../../src/channels/slack/directory.js';
import { createSlackClient } from '../../src/channels/slack/sender.js';
import { DAY, ManualClock } from '../../src/core/clock.js';
import { type ProgramSettingsInput, parseProgramSettings } from '../../src/core/program.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { ProgramRecord } from '../../src/store/types.js';
import { type SlackSimulator, startSlackSimulator } from '../simulators/slack-api.js';

const NOW = Date.UTC(2026, 2, 2, 9);
const DEPARTMENTS = { Sales: 7, Engineering: 6, Finance: 3 };
const people = Object.entries(DEPARTMENTS).flatMap(([department, n]) =>
  Array.from({ length: n }, (_, i) => ({ email: `${department.toLowerCase()}${i}@example.com`, department })),
);

const rosterCsv = (arm = '', extra: string[] = []) =>
  [
    'email,role,arm,department,level',
    ...people.map((p, i) => `${p.email},leader,${arm},${p.department},L${1 + (i % 2)}`),
    ...extra,
  ].join('\n');

describe('roster attribute columns', () => {
  it('takes department and level, and wants one value per person', async () => {
    const parsed = await parseRosterCsv(
      [
        'email,role,department,level',
        'ana@example.com,leader,Sales,L2',
        'ana@example.com,mentee,Finance,',
        `ben@example.com,leader,${'x'.repeat(81)},`,
      ].join('\n'),
    );
    expect(parsed.problems).toEqual([
      'line 4: department must be at most 80 characters',
      'lines 2, 3: ana@example.com has conflicting department values (Sales, Finance)',
    ]);
  });
});

describe('arms drawn by the bot', () => {
  let sim: SlackSimulator;
  let store: SqliteStore;
  let dir: string;

  const programWith = async (
    evaluation: Record<string, unknown> | null,
    extra: Partial<ProgramSettingsInput> = {},
  ) =>
    (
      await store.programs.upsert(
        parseProgramSettings({
          name: 'pilot',
          timezone: 'Europe/Berlin',
          lengthWeeks: 12,
          checkpointDays: [30, 60, 84],
          ...(evaluation
            ? {
                evaluation: {
                  primary: { outcome: 'way_to_target', day: 84 },
                  smallestEffect: 10,
                  ...evaluation,
                },
              }
            : {}),
          ...extra,
        }),
        NOW,
      )
    ).record;

  const lookups = () => [
    slackDirectory(createSlackClient({ token: sim.token, apiUrl: sim.apiUrl }), sim.teamId),
  ];
  const run = (program: ProgramRecord, csv: string, now = NOW, dryRun = false) =>
    importRoster({ store, program, csv, lookups: lookups(), now, dryRun, actor: 'admin' });

  beforeEach(async () => {
    sim = await startSlackSimulator();
    for (const [i, p] of people.entries()) sim.addUser({ id: `U${i}`, email: p.email });
    sim.addUser({ id: 'UM', email: 'mentor@example.com' });
    dir = mkdtempSync(join(tmpdir(), 'coachloop-arms-'));
    store = openSqliteStore({ path: join(dir, 'db.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('randomizes every leader, balanced within departments, records the seed and audits the draw', async () => {
    const program = await programWith({
      assignment: { method: 'randomized', stratifyBy: ['department'], seed: 'pilot-2026' },
    });
    const outcome = await run(program, rosterCsv('', ['mentor@example.com,mentor,,,']));
    expect(outcome.problems).toEqual([]);
    const draw = outcome.assignment!;
    expect(draw).toMatchObject({ method: 'randomized', seed: 'pilot-2026', seedSource: 'program', batch: 1 });
    expect(draw.people).toHaveLength(16);
    for (const stratum of draw.strata)
      expect(Math.abs(stratum.coached - stratum.control)).toBeLessThanOrEqual(1);
    expect(draw.strata.map((s) => s.stratum)).toEqual([
      'department=Engineering',
      'department=Finance',
      'department=Sales',
    ]);

    const recorded = await store.pilots.assignments(program.id);
    expect(recorded).toHaveLength(16);
    for (const a of recorded) {
      const participant = await store.participants.get(a.participantId);
      expect(participant?.arm).toBe(a.arm);
      expect(participant?.attributes?.department).toBe(a.stratum.replace('department=', ''));
      expect(a).toMatchObject({
        seed: 'pilot-2026',
        method: 'randomized',
        controlPercent: 50,
        coachingFrom: null,
      });
    }
    const mentor = (await store.participants.findByEmail('slack', 'mentor@example.com'))[0]!;
    expect(recorded.some((a) => a.participantId === mentor.id)).toBe(false);

    const audit = (await store.audit.since(0)).find((e) => e.action === 'arms.assigned')!;
    expect(audit.detail).toMatchObject({
      method: 'randomized',
      seed: 'pilot-2026',
      batch: 1,
      controlPercent: 50,
    });
    expect(JSON.stringify(audit.detail)).not.toContain('@example.com');

    // An auditor redraws every batch from its seed and finds the recorded arms.
    expect(verifyAssignments(recorded)).toEqual([
      { batch: 1, seed: 'pilot-2026', leaders: 16, mismatches: [], erased: 0 },
    ]);
  });

  it('reproduces the same arms from the same seed in another database, and a dry run shows them', async () => {
    const program = await programWith({
      assignment: { method: 'randomized', stratifyBy: ['department'], seed: 's1' },
    });
    const dry = await run(program, rosterCsv(), NOW, true);
    expect(dry.written).toBe(false);
    const real = await run(program, rosterCsv());
    expect(real.assignment!.people.map((p) => [p.email, p.arm])).toEqual(
      dry.assignment!.people.map((p) => [p.email, p.arm]),
    );
  });

  it('never draws twice: a second import keeps every arm and draws only for newcomers', async () => {
    const program = await programWith({ assignment: { method: 'randomized' } });
    const first = await run(program, rosterCsv());
    expect(first.assignment?.seedSource).toBe('drawn');
    const again = await run(program, rosterCsv(), NOW + DAY);
    expect(again.assignment).toBeNull();
    expect(again.people.every((p) => p.status === 'unchanged')).toBe(true);

    sim.addUser({ id: 'UN', email: 'new@example.com' });
    const later = await run(program, rosterCsv('', ['new@example.com,leader,,Sales,L1']), NOW + 2 * DAY);
    expect(later.assignment).toMatchObject({
      batch: 2,
      seed: first.assignment!.seed,
      seedSource: 'recorded',
    });
    expect(later.assignment!.people.map((p) => p.email)).toEqual(['new@example.com']);
    expect(verifyAssignments(await store.pilots.assignments(program.id)).map((b) => b.mismatches)).toEqual([
      [],
      [],
    ]);
  });

  it('refuses arms named on the roster when the program draws them, and changes to a drawn arm', async () => {
    const program = await programWith({ assignment: { method: 'randomized' } });
    const named = await run(program, rosterCsv('coached'));
    expect(named.written).toBe(false);
    expect(named.problems[0]).toBe(
      'line 2: the bot assigns the arms of this program (evaluation.assignment.method: randomized); leave arm empty or write auto',
    );
    await run(program, rosterCsv('auto'));
    const drawn = (await store.pilots.assignments(program.id))[0]!;
    const participant = (await store.participants.get(drawn.participantId))!;
    const other = drawn.arm === 'coached' ? 'control' : 'coached';
    const roster = await programWith(null);
    const moved = await run(
      roster,
      rosterCsv('', []).replace(`${participant.email},leader,,`, `${participant.email},leader,${other},`),
    );
    expect(moved.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^line \\d+: ${participant.email} was drawn into the ${drawn.arm} arm \\(batch 1\\); a drawn arm cannot be changed$`,
        ),
      ),
    ]);
  });

  it('draws only the rows marked auto when the roster names the arms', async () => {
    const program = await programWith(null);
    const csv = rosterCsv('auto').replace(
      'sales0@example.com,leader,auto',
      'sales0@example.com,leader,coached',
    );
    const outcome = await run(program, csv);
    expect(outcome.assignment!.method).toBe('randomized');
    expect(outcome.assignment!.people).toHaveLength(15);
    const sales0 = (await store.participants.findByEmail('slack', 'sales0@example.com'))[0]!;
    expect(sales0.arm).toBe('coached');
    expect((await store.pilots.assignments(program.id)).some((a) => a.participantId === sales0.id)).toBe(
      false,
    );
  });

  it('erasing a person clears their attributes and stratum, keeps the arm, and the rest still redraws', async () => {
    const program = await programWith({
      assignment: { method: 'randomized', stratifyBy: ['department'], seed: 'e' },
    });
    await run(program, rosterCsv());
    const someone = (await store.pilots.assignments(program.id))[0]!;
    await store.privacy.erase(someone.participantId, NOW + DAY);
    expect((await store.participants.get(someone.participantId))?.attributes).toEqual({});
    const after = (await store.pilots.assignments(program.id)).find(
      (a) => a.participantId === someone.participantId,
    )!;
    expect(after).toMatchObject({ arm: someone.arm, stratum: 'erased', email: null });
    const [check] = verifyAssignments(await store.pilots.assignments(program.id));
    expect(check).toMatchObject({ leaders: 16, erased: 1, mismatches: [] });
  });

  it('finds a recorded arm moved by hand', async () => {
    const program = await programWith({ assignment: { method: 'randomized', seed: 'audit-me' } });
    await run(program, rosterCsv());
    const victim = (await store.pilots.assignments(program.id))[0]!;
    store.db
      .prepare(`UPDATE arm_assignments SET arm = ? WHERE participant_id = ?`)
      .run(victim.arm === 'control' ? 'coached' : 'control', victim.participantId);
    const [check] = verifyAssignments(await store.pilots.assignments(program.id));
    expect(check!.mismatches).toContain(victim.email);
  });

  it('wait-lists the control arm of a staggered pilot and coaches it after the window', async () => {
    const program = await programWith({
      assignment: { method: 'staggered', stratifyBy: ['level'], seed: 'w' },
    });
    const outcome = await run(program, rosterCsv());
    const draw = outcome.assignment!;
    // 12 weeks from Monday 2 March, then the last checkpoint's 4 days open, then the next day.
    expect(draw.waitlistStart).toBe('2026-05-30');
    const control = (await store.pilots.assignments(program.id)).filter((a) => a.arm === 'control');
    expect(control).toHaveLength(8);
    const someone = control[0]!;
    expect(someone.coachingFrom).toBe('2026-05-30');
    const jobs = await store.jobs.scheduled(someone.participantId);
    const waitJob = jobs.find((j) => j.kind === 'coaching_start')!;
    // Saturday 30 May: the next working morning in Berlin, Monday 1 June 08:00 (06:00 UTC).
    expect(new Date(waitJob.dueAt).toISOString()).toBe('2026-06-01T06:00:00.000Z');
    const coached = (await store.pilots.assignments(program.id)).find((a) => a.arm === 'coached')!;
    expect((await store.jobs.scheduled(coached.participantId)).some((j) => j.kind === 'coaching_start')).toBe(
      false,
    );

    // The window passes; the scheduler ends the wait. The one who consented is told (in their working hours),
    // the others are simply coached from then on; the study arm stays control for the evaluation.
    const told = control[1]!;
    await store.participants.update(told.participantId, { consent: 'accepted', consentAt: NOW });
    const clock = new ManualClock(waitJob.dueAt);
    await runSchedulerPass(store, clock);
    const notice = await store.outbox.byKey(`notice:${told.participantId}:coaching-start`);
    expect(notice?.message.text).toBe(
      'The comparison period of *pilot* is over. Thank you for answering the check-ins: they are what makes the pilot’s result trustworthy. From today you get the full coaching, like everyone else: nudges at your own time between the check-ins. Pick one behavior to practise and type `/coach start` to set up your experiment.',
    );
    expect(await store.outbox.byKey(`notice:${someone.participantId}:coaching-start`)).toBeNull();
    expect((await store.participants.get(told.participantId))?.arm).toBe('coached');
    expect((await store.participants.get(someone.participantId))?.arm).toBe('coached');
    const after = (await store.pilots.assignments(program.id)).find(
      (a) => a.participantId === someone.participantId,
    )!;
    expect(after).toMatchObject({ arm: 'control', coachedAt: waitJob.dueAt });
    const data = await store.reports.dataset(program.id);
    expect(data.people.find((p) => p.id === someone.participantId)?.arm).toBe('control');
    expect(data.assignments.find((a) => a.participantId === someone.participantId)?.coachedAt).toBe(
      waitJob.dueAt,
    );
  });
});
