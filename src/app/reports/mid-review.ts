import { DAY } from '../../core/clock.js';
import type { EvaluationChange, EvaluationSettings } from '../../core/evaluation.js';
import { evaluationDeviations } from '../../core/evaluation.js';
import { kpiProgress } from '../../core/experiment.js';
import type { Arm } from '../../core/participant.js';
import type { ProgramRecord, ReportDataset } from '../../store/types.js';
import { type BalanceTable, buildBalance } from './balance.js';
import { PRIVACY_RULE } from './compute.js';
import { firstEnrolmentAt } from './evidence.js';
import { countFigure, type Figure, MIN_GROUP, type Rate, rateFigure } from './figures.js';
import { chosenExperiments, isLeader, localDate, measuredExperiments } from './selection.js';
import { buildTimeline, type Timeline } from './timeline.js';

export const MID_REVIEW_SCHEMA = 'coachloop.mid-review/1';

/**
 * The mid-pilot governance checkpoint: is the pilot running as designed? Response rates per arm, data-quality
 * warnings and arm balance — and deliberately no effect: a look at the effect halfway tempts people to stop
 * early on a lucky result.
 */

/** A KPI value this many baseline→target spans below the baseline or beyond the target is worth a look. */
export const FAR_OUTSIDE_SPANS = 1;
/** Consent requests unanswered for longer than this are a warning. */
export const CONSENT_WAIT_DAYS = 14;

export interface DataQualityWarning {
  key: 'no_experiment' | 'missing_kpi' | 'far_outside' | 'missed_checkpoints' | 'consent_waiting';
  /** Leaders concerned (suppressed when 1–4). */
  leaders: Figure;
  text: string;
}

export interface MidReviewReport {
  schema: typeof MID_REVIEW_SCHEMA;
  generatedAt: string;
  program: {
    name: string;
    title: string | null;
    version: number;
    timezone: string;
    checkpointDays: number[];
  };
  privacy: { minGroupSize: number; rule: string };
  review: { firstRunOn: string; runs: number };
  rule: EvaluationSettings | null;
  deviations: { on: string; version: number; changes: EvaluationChange[] }[];
  /** Answered of sent, per arm and checkpoint. */
  responses: { arm: Arm; checkpoints: { day: number; rate: Rate }[] }[];
  dataQuality: DataQualityWarning[];
  balance: BalanceTable;
  timeline: Timeline;
  effect: { shown: false; why: string };
}

export const EFFECT_WITHHELD =
  'This checkpoint shows no outcome and no effect, on purpose: a look at the effect halfway through tempts ' +
  'people to stop early on a lucky result. The verdict comes with the full report, under the decision rule ' +
  'fixed at launch.';

export function buildMidReview(
  program: ProgramRecord,
  data: ReportDataset,
  asOf: number,
  review: { firstAt: number; runs: number },
): MidReviewReport {
  const settings = program.settings;
  const zone = settings.timezone;
  const leaders = data.people.filter(isLeader);
  const experimentOf = chosenExperiments(measuredExperiments(data));
  const surveys = new Map(data.surveys.map((s) => [`${s.experimentId}/${s.checkpointDay}`, s]));
  const surveysOf = (id: string) => {
    const e = experimentOf.get(id);
    return e
      ? settings.checkpointDays.map((d) => surveys.get(`${e.id}/${d}`)).filter((s) => s !== undefined)
      : [];
  };

  const responses = (['coached', 'control'] as const).map((arm) => ({
    arm,
    checkpoints: settings.checkpointDays.map((day) => {
      let sent = 0;
      let answered = 0;
      for (const p of leaders.filter((l) => l.arm === arm)) {
        const e = experimentOf.get(p.id);
        const s = e && surveys.get(`${e.id}/${day}`);
        if (!s || (s.sentAt === null && s.status !== 'answered')) continue;
        sent += 1;
        if (s.status === 'answered') answered += 1;
      }
      return { day, rate: rateFigure(answered, sent) };
    }),
  }));

  const consenting = leaders.filter((p) => p.consent === 'accepted');
  const count = (pick: (id: string) => boolean) => consenting.filter((p) => pick(p.id)).length;
  const warnings: DataQualityWarning[] = [
    {
      key: 'no_experiment',
      leaders: countFigure(count((id) => !experimentOf.has(id))),
      text: 'consented but have set no experiment: they cannot contribute data until they do',
    },
    {
      key: 'missing_kpi',
      leaders: countFigure(
        count((id) => surveysOf(id).some((s) => s.status === 'answered' && s.kpiValue === null)),
      ),
      text: 'answered a checkpoint without a KPI value',
    },
    {
      key: 'far_outside',
      leaders: countFigure(
        count((id) =>
          surveysOf(id).some((s) => {
            if (s.status !== 'answered' || s.kpiValue === null) return false;
            const progress = kpiProgress(experimentOf.get(id)!, s.kpiValue);
            return progress < -FAR_OUTSIDE_SPANS || progress > 1 + FAR_OUTSIDE_SPANS;
          }),
        ),
      ),
      text: `gave a KPI value more than ${FAR_OUTSIDE_SPANS === 1 ? 'one' : FAR_OUTSIDE_SPANS} baseline→target span below their baseline or beyond their target: a typo, or a KPI that needs another look`,
    },
    {
      key: 'missed_checkpoints',
      leaders: countFigure(count((id) => surveysOf(id).some((s) => s.status === 'missed'))),
      text: 'missed at least one checkpoint survey',
    },
    {
      key: 'consent_waiting',
      leaders: countFigure(
        leaders.filter(
          (p) => p.consent === 'pending' && (p.invitedAt ?? p.createdAt) < asOf - CONSENT_WAIT_DAYS * DAY,
        ).length,
      ),
      text: `have not answered the consent request after ${CONSENT_WAIT_DAYS} days`,
    },
  ];
  const launchedAt = firstEnrolmentAt(data.people);
  return {
    schema: MID_REVIEW_SCHEMA,
    generatedAt: new Date(asOf).toISOString(),
    program: {
      name: program.name,
      title: settings.title ?? null,
      version: program.version,
      timezone: zone,
      checkpointDays: [...settings.checkpointDays],
    },
    privacy: { minGroupSize: MIN_GROUP, rule: PRIVACY_RULE },
    review: { firstRunOn: localDate(review.firstAt, zone), runs: review.runs },
    rule: settings.evaluation ?? null,
    deviations: evaluationDeviations(data.programVersions, launchedAt).map((d) => ({
      on: localDate(d.at, zone),
      version: d.version,
      changes: d.changes,
    })),
    responses,
    dataQuality: warnings.filter((w) => w.leaders.suppressed || (w.leaders.value ?? 0) > 0),
    balance: buildBalance(program, data),
    timeline: buildTimeline(program, data, asOf),
    effect: { shown: false, why: EFFECT_WITHHELD },
  };
}
