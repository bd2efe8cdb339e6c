/**
 * Builds report datasets through the store's public methods only: programs, people, experiments, checkpoint
 * surveys (opened the way a scheduler pass opens them), nudges through the outbox, pairs, charters, milestones
 * and curator alerts. Used by the report tests and by scripts/sample-report.ts.
 */
import type { Charter } from '../../src/core/charter.js';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY } from '../../src/core/clock.js';
import { type Experiment, experimentEndDate, type KpiDirection } from '../../src/core/experiment.js';
import type { Milestone, MilestoneAnswer, Pair } from '../../src/core/mentoring.js';
import type { Arm, Participant, Role } from '../../src/core/participant.js';
import { type ProgramSettingsInput, parseProgramSettings } from '../../src/core/program.js';
import type { ConsentState, Decision, NextRun } from '../../src/core/schedule.js';
import { localWeekKey } from '../../src/core/time.js';
import type { NewOutboxRow, ProgramRecord, Store } from '../../src/store/types.js';

export interface PersonSeed {
  userId: string;
  consent?: ConsentState;
  arm?: Arm;
  roles?: Role[];
  email?: string;
  displayName?: string;
  /** When the person was first seen (created_at). */
  createdAt?: number;
  invitedAt?: number | null;
  consentAt?: number | null;
}

export interface ExperimentSeed {
  id?: string;
  baseline: number;
  target: number;
  direction?: KpiDirection;
  unit?: string;
  kpiName?: string;
  startDate?: string;
  lengthWeeks?: number;
  at?: number;
}

export interface Answer {
  practice?: number | null;
  kpiValue?: number | null;
  confidence?: number;
  note?: string;
}

export const SAMPLE_CHARTER: Charter = {
  goals: 'Grow into leading a team of leads; get better at hard conversations.',
  kpi1Name: 'Stakeholder alignment score',
  kpi1Baseline: 3,
  kpi1Target: 4,
  kpi2Name: 'Decisions delegated per month',
  kpi2Baseline: 2,
  kpi2Target: 6,
  milestone1: 'Run the quarterly planning session myself',
  milestone1Due: '2026-06-01',
  milestone2: 'Hand over the weekly ops review',
  milestone2Due: '2026-09-01',
  cadence: 'biweekly',
  confidentiality: 'agree',
  mentorWill: 'Review my plans and introduce me to peers',
  mentorWillNot: 'Rate my performance or talk to my manager',
};

let counter = 0;
function uniq(prefix: string): string {
  counter += 1;
  return `${prefix}_${counter}`;
}

export class ReportSeeder {
  constructor(
    readonly store: Store,
    /** The moment things happen unless a call says otherwise. */
    public now: number,
  ) {}

  async program(input: Partial<ProgramSettingsInput> & { name: string }): Promise<ProgramRecord> {
    return (
      await this.store.programs.upsert(
        parseProgramSettings({ timezone: 'Europe/Berlin', ...input }),
        this.now,
      )
    ).record;
  }

  async person(program: ProgramRecord, seed: PersonSeed): Promise<Participant> {
    const created = await this.store.participants.create(
      {
        platform: 'slack',
        workspaceId: 'T0REPORTS',
        userId: seed.userId,
        programId: program.id,
        email: seed.email ?? null,
      },
      seed.createdAt ?? this.now,
    );
    const consent = seed.consent ?? 'accepted';
    return this.store.participants.update(created.id, {
      consent,
      consentAt: seed.consentAt !== undefined ? seed.consentAt : consent === 'pending' ? null : this.now,
      arm: seed.arm ?? 'coached',
      roles: seed.roles ?? [],
      invitedAt: seed.invitedAt ?? null,
      displayName: seed.displayName ?? null,
    });
  }

  /** An experiment with a checkpoint job for each program day, so its surveys can be opened later. */
  async experiment(program: ProgramRecord, person: Participant, seed: ExperimentSeed): Promise<Experiment> {
    const id = seed.id ?? uniq(`exp_${person.userId}`);
    const startDate = seed.startDate ?? '2026-03-02';
    const lengthWeeks = seed.lengthWeeks ?? program.settings.lengthWeeks;
    const at = seed.at ?? this.now;
    const runs: NextRun[] = program.settings.checkpointDays.map((day) => ({
      kind: 'checkpoint',
      dueAt: at + day * DAY,
      occurrence: `${id}/day-${day}`,
    }));
    return this.store.experiments.start(
      id,
      person.id,
      {
        behavior: 'Ask before I tell in 1:1s',
        hypothesis: 'My team brings more of their own solutions',
        kpiName: seed.kpiName ?? 'Ideas raised by the team',
        kpiUnit: seed.unit ?? 'ideas',
        kpiBaseline: seed.baseline,
        kpiTarget: seed.target,
        kpiDirection: seed.direction ?? 'increase',
        startDate,
        lengthWeeks,
      },
      experimentEndDate(startDate, lengthWeeks),
      runs,
      at,
    );
  }

  /** Sends the day's checkpoint survey (opens it as a scheduler pass does); returns its id. */
  /**
   * Six consenting leaders with baseline 2 and target 6 who answer day 30 with practice 3 and the values 3, 4,
   * 5, 2, 3, 4: 25, 50, 75, 0, 25 and 50 % of the way, 37.5 % on average. User ids are `prefix` and 1…6.
   */
  async sixLeadersAtDay30(program: ProgramRecord, prefix: string): Promise<void> {
    for (let i = 1; i <= 6; i += 1) {
      const person = await this.person(program, {
        userId: `${prefix}${i}`,
        email: `${prefix.toLowerCase()}${i}@example.com`,
      });
      const experiment = await this.experiment(program, person, { baseline: 2, target: 6 });
      await this.answer(
        experiment,
        30,
        { practice: 3, kpiValue: 2 + (i % 4) },
        Date.parse('2026-04-01T09:00:00Z'),
      );
    }
  }

  async sendSurvey(experiment: Experiment, day: number, at = this.now): Promise<string> {
    const job = (await this.store.jobs.scheduled(experiment.participantId)).find(
      (j) => j.kind === 'checkpoint' && j.occurrence === `${experiment.id}/day-${day}`,
    );
    if (!job) throw new Error(`no checkpoint job for ${experiment.id} day ${day}`);
    const surveyId = surveyIdFor(experiment.id, day);
    const decision: Decision = {
      type: 'skip',
      reason: 'seeded: survey sent',
      effects: [{ type: 'open_survey', surveyId, checkpointDay: day }],
      next: [],
    };
    const result = await this.store.jobs.apply(job, decision, null, at);
    if (!result.applied) throw new Error(`survey ${surveyId} not opened`);
    return surveyId;
  }

  /** Sends and answers a checkpoint survey: practice first, then the KPI details, as a leader does. */
  async answer(experiment: Experiment, day: number, answer: Answer, at = this.now): Promise<void> {
    const surveyId = await this.sendSurvey(experiment, day, at);
    if (answer.practice !== undefined && answer.practice !== null)
      await this.store.surveys.answerPractice(surveyId, answer.practice, at + 60_000);
    if (answer.kpiValue !== undefined && answer.kpiValue !== null) {
      await this.store.surveys.answerDetails(
        surveyId,
        { kpiValue: answer.kpiValue, confidence: answer.confidence ?? 4, note: answer.note },
        at + 120_000,
      );
    }
  }

  /** Nudges delivered through the outbox on these local dates, and the answers given to some of them. */
  async nudges(
    program: ProgramRecord,
    experiment: Experiment,
    dates: readonly string[],
    answers: Record<string, 'did' | 'skip' | 'snooze'> = {},
  ): Promise<void> {
    const zone = program.settings.timezone;
    for (const date of dates) {
      const dueAt = Date.parse(`${date}T08:30:00Z`);
      await this.deliver({
        key: `nudge:${experiment.participantId}:${date}`,
        participantId: experiment.participantId,
        kind: 'nudge',
        budgeted: true,
        budgetWeek: localWeekKey(dueAt, zone),
        message: { text: 'nudge', blocks: [] },
        dueAt,
        expiresAt: dueAt + DAY,
      });
      const answer = answers[date];
      if (answer)
        await this.store.experiments.recordNudgeResponse({
          experimentId: experiment.id,
          occurrence: date,
          answer,
          at: dueAt + 3_600_000,
        });
    }
  }

  /** Any outbox message, marked delivered. */
  async deliver(row: NewOutboxRow): Promise<void> {
    if (!(await this.store.outbox.enqueue(row, row.dueAt)))
      throw new Error(`duplicate outbox key ${row.key}`);
    const token = uniq('claim');
    for (const claimed of await this.store.outbox.claim(row.dueAt, 100, token)) {
      await this.store.outbox.markSent(claimed.id, token, null, row.dueAt);
    }
  }

  async pair(
    program: ProgramRecord,
    mentor: Participant,
    mentee: Participant,
    at = this.now,
    replacesPairId: string | null = null,
  ): Promise<Pair> {
    const id = uniq('pair');
    const health: NextRun = { kind: 'pair_health', dueAt: at + DAY, occurrence: `${id}/health-0` };
    const pair = await this.store.mentoring.createPair(
      {
        id,
        programId: program.id,
        mentorId: mentor.id,
        menteeId: mentee.id,
        createdBy: 'roster',
        replacesPairId,
      },
      [health],
      at,
    );
    if (!pair) throw new Error('pair not created');
    return pair;
  }

  /** The mentee submits the charter and the mentor confirms it, with its two milestones due at these moments. */
  async charter(pair: Pair, confirmedAt: number, milestoneDueAts: readonly number[]): Promise<Milestone[]> {
    const version = await this.store.mentoring.submitCharter(
      pair.id,
      SAMPLE_CHARTER,
      confirmedAt - 3_600_000,
    );
    if (!version) throw new Error('charter not submitted');
    const milestones = milestoneDueAts.map((dueAt, position) => ({
      id: uniq('mst'),
      pairId: pair.id,
      charterVersion: version.version,
      position,
      description: position === 0 ? SAMPLE_CHARTER.milestone1 : SAMPLE_CHARTER.milestone2,
      dueDate: new Date(dueAt).toISOString().slice(0, 10),
      dueAt,
    }));
    if (
      !(await this.store.mentoring.confirmCharter(
        pair.id,
        version.version,
        milestones,
        [],
        pair.mentorId,
        confirmedAt,
      ))
    )
      throw new Error('charter not confirmed');
    return this.store.mentoring.milestones(pair.id);
  }

  async confirmMilestone(
    milestone: Milestone,
    pair: Pair,
    at: number,
    answer: MilestoneAnswer = 'met',
  ): Promise<void> {
    if (!(await this.store.mentoring.confirmMilestone(milestone.id, answer, pair.mentorId, at)))
      throw new Error('milestone not confirmed');
  }

  /** A curator alert, raised the way the daily pair-health pass raises it. */
  async alert(pair: Pair, at: number): Promise<string> {
    const job = (await this.store.jobs.scheduled(pair.menteeId)).find(
      (j) => j.kind === 'pair_health' && j.subjectId === pair.id,
    );
    if (!job) throw new Error(`no pair health job for ${pair.id}`);
    const alertId = uniq('alr');
    const next: NextRun = {
      kind: 'pair_health',
      dueAt: at + DAY,
      occurrence: `${pair.id}/health-${alertId}`,
    };
    const decision: Decision = {
      type: 'skip',
      reason: 'seeded: low engagement',
      effects: [
        {
          type: 'open_alert',
          alertId,
          score: 40,
          reasons: [{ signal: 'person_quiet', points: 20, text: 'quiet' }],
        },
      ],
      next: [next],
    };
    if (!(await this.store.jobs.apply(job, decision, null, at)).applied) throw new Error('alert not raised');
    return alertId;
  }

  async actOnAlert(
    alertId: string,
    curatorId: string,
    at: number,
    action: 'checkin' | 'snooze' | 'rematch' | 'close' = 'checkin',
  ): Promise<void> {
    if (
      !(await this.store.mentoring.handleAlert(
        alertId,
        action,
        curatorId,
        at,
        {},
        action === 'snooze' ? at + 7 * DAY : undefined,
      ))
    ) {
      throw new Error('alert not handled');
    }
  }
}
