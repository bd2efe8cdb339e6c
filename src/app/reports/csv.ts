import { createHmac } from 'node:crypto';
import { DEFAULT_LOCALE, isMessageKey } from '../../core/catalog/index.js';
import { kpiImprovement, kpiProgress } from '../../core/experiment.js';
import type { Arm } from '../../core/participant.js';
import type { ProgramRecord, ReportDataset } from '../../store/types.js';
import type { BalanceTable } from './balance.js';
import { chosenExperiments, isLeader, type OutcomeReport } from './compute.js';
import type { EvidenceReport } from './evidence.js';
import { type Figure, MIN_GROUP, type Rate, round, type Stat } from './figures.js';
import type { MidReviewReport } from './mid-review.js';
import { type ReportWords, reportWords } from './report-locale.js';

export const CSV_LAYOUTS = ['rows', 'figures'] as const;
export type CsvLayout = (typeof CSV_LAYOUTS)[number];

export interface CsvExport {
  csv: string;
  /** Data rows, without the header. */
  rows: number;
  /** Arms left out of a row export because fewer than MIN_GROUP consenting leaders are in them. */
  withheldArms: Arm[];
}

type Cell = string | number | boolean | null | undefined;

/**
 * How a CSV is written in one locale. Where the decimal separator is a comma (German, French, Spanish,
 * Brazilian Portuguese), fields are separated by semicolons, as spreadsheet applications in those locales
 * expect, and numbers are written with a decimal comma; elsewhere by commas, with a decimal point. Numbers never
 * carry a thousands separator. Column headers come from the catalog; the codes in the cells (sections,
 * metrics, arms, statuses) stay the same in every language, so filters and scripts keep working.
 */
export interface CsvStyle {
  delimiter: ',' | ';';
  number(n: number): string;
  header(column: string): string;
}

const ENGLISH_STYLE: CsvStyle = {
  delimiter: ',',
  number: (n) => String(n),
  header: (column) => column,
};

export function csvStyle(words: ReportWords): CsvStyle {
  const format = new Intl.NumberFormat(words.numberLocale, { useGrouping: false, maximumFractionDigits: 10 });
  const decimalComma = format.formatToParts(1.5).some((p) => p.type === 'decimal' && p.value === ',');
  return {
    delimiter: decimalComma ? ';' : ',',
    number: (n) => format.format(n).replace('\u2212', '-'),
    header(column) {
      const key = `report.csv.${column}`;
      return isMessageKey(key) ? words.t(key) : column;
    },
  };
}

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvCell(value: Cell, style: CsvStyle = ENGLISH_STYLE): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? style.number(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const special = style.delimiter === ';' ? /[",;\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvText(header: readonly string[], rows: readonly Cell[][], words?: ReportWords): string {
  const style = words ? csvStyle(words) : ENGLISH_STYLE;
  const lines = [header.map((column) => style.header(column)), ...rows].map((row) =>
    row.map((cell) => csvCell(cell, style)).join(style.delimiter),
  );
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A stable pseudonym: HMAC-SHA256 of the participant id under the database's secret, shortened to 64 bits.
 * The same person gets the same pseudonym in every export of this database; without the secret it cannot be
 * traced back, and it differs between databases.
 */
export function pseudonym(secret: string, participantId: string): string {
  return `p_${createHmac('sha256', secret).update(participantId).digest('hex').slice(0, 16)}`;
}

export const ROW_COLUMNS = [
  'pseudonym',
  'arm',
  'experiment_status',
  'kpi_direction',
  'kpi_baseline',
  'kpi_target',
  'checkpoint_day',
  'survey_status',
  'practice',
  'confidence',
  'kpi_value',
  'kpi_improvement',
  'pct_of_target',
] as const;

/**
 * Row-level export: one row per consenting leader and program checkpoint day, under a pseudonym. Only
 * numbers and fixed words leave: no names, email addresses, platform ids, dates or typed text (behavior,
 * KPI name and unit, notes). Leaders who declined, have not answered or opted out are not exported, and an
 * arm with fewer than MIN_GROUP consenting leaders is withheld whole, so no row stands for a tiny group.
 */
export function renderRowsCsv(
  program: ProgramRecord,
  data: ReportDataset,
  secret: string,
  words: ReportWords = reportWords(DEFAULT_LOCALE),
): CsvExport {
  const experimentOf = chosenExperiments(data.experiments);
  const surveys = new Map(data.surveys.map((s) => [`${s.experimentId}/${s.checkpointDay}`, s]));
  const consenting = data.people.filter((p) => isLeader(p) && p.consent === 'accepted');
  const withheldArms = (['coached', 'control'] as const).filter((arm) => {
    const n = consenting.filter((p) => p.arm === arm).length;
    return n > 0 && n < MIN_GROUP;
  });
  const exported = consenting
    .filter((p) => !withheldArms.includes(p.arm))
    .map((p) => ({ person: p, id: pseudonym(secret, p.id) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const rows: Cell[][] = [];
  for (const { person, id } of exported) {
    const e = experimentOf.get(person.id);
    for (const day of program.settings.checkpointDays) {
      const s = e ? surveys.get(`${e.id}/${day}`) : undefined;
      const value = s?.status === 'answered' ? s.kpiValue : null;
      rows.push([
        id,
        person.arm,
        e?.status ?? 'none',
        e?.kpiDirection,
        e?.kpiBaseline,
        e?.kpiTarget,
        day,
        s ? s.status : e ? 'not_sent' : 'no_experiment',
        s?.status === 'answered' ? s.practice : null,
        s?.status === 'answered' ? s.confidence : null,
        value,
        e && value !== null ? round(kpiImprovement(e, value)) : null,
        e && value !== null ? round(kpiProgress(e, value) * 100, 2) : null,
      ]);
    }
  }
  return { csv: csvText(ROW_COLUMNS, rows, words), rows: rows.length, withheldArms };
}

export const FIGURE_COLUMNS = [
  'section',
  'metric',
  'group',
  'checkpoint_day',
  'value',
  'numerator',
  'denominator',
  'people',
  'suppressed',
] as const;

/** Every figure of the report, one per line, with the same suppression as the HTML and JSON. */
export function renderFiguresCsv(
  report: OutcomeReport,
  words: ReportWords = reportWords(DEFAULT_LOCALE),
): CsvExport {
  const rows: Cell[][] = [];
  const fig = (section: string, metric: string, group: string, day: number | null, f: Figure) =>
    rows.push([section, metric, group, day, f.value, null, null, null, f.suppressed]);
  const stat = (section: string, metric: string, group: string, day: number | null, s: Stat) =>
    rows.push([section, metric, group, day, s.value, null, null, s.people, s.suppressed]);
  const rate = (section: string, metric: string, group: string, day: number | null, r: Rate) =>
    rows.push([section, metric, group, day, r.rate, r.numerator, r.denominator, null, r.suppressed]);

  const f = report.funnel;
  fig('funnel', 'invited', 'leaders', null, f.invited);
  fig('funnel', 'consented', 'leaders', null, f.consented);
  for (const [state, figure] of Object.entries(f.consent))
    fig('funnel', `consent_${state}`, 'leaders', null, figure);
  rate('funnel', 'consent_rate', 'leaders', null, f.consentRate);
  stat('funnel', 'median_days_to_consent', 'leaders', null, f.medianDaysToConsent);
  for (const step of f.steps) rate('funnel', `step_${step.key}`, 'leaders', null, step.ofInvited);
  fig('funnel', 'other_people', 'mentors_curators_admins', null, f.otherPeople);

  for (const c of report.responses.checkpoints)
    rate('responses', 'checkpoint_response_rate', 'leaders', c.day, c.rate);
  fig('responses', 'nudges_sent', 'leaders', null, report.responses.nudges.sent);
  rate('responses', 'nudge_response_rate', 'leaders', null, report.responses.nudges.responseRate);
  rate('responses', 'nudge_did_rate', 'leaders', null, report.responses.nudges.didRate);

  const arms = report.comparison ? [report.comparison.coached, report.comparison.control] : [report.outcomes];
  for (const arm of arms) {
    fig('outcomes', 'people', arm.arm, null, arm.people);
    fig('outcomes', 'with_experiment', arm.arm, null, arm.withExperiment);
    for (const c of arm.checkpoints) {
      fig('outcomes', 'respondents', arm.arm, c.day, c.respondents);
      stat('outcomes', 'practice_mean', arm.arm, c.day, c.practiceMean);
      stat('outcomes', 'pct_of_target_mean', arm.arm, c.day, c.pctOfTargetMean);
      stat('outcomes', 'pct_of_target_median', arm.arm, c.day, c.pctOfTargetMedian);
      rate('outcomes', 'improved_share', arm.arm, c.day, c.improved);
      rate('outcomes', 'reached_target_share', arm.arm, c.day, c.reachedTarget);
    }
  }
  for (const d of report.comparison?.difference ?? []) {
    fig('comparison', 'practice_mean_difference', 'coached_minus_control', d.day, d.practiceMean);
    fig('comparison', 'pct_of_target_mean_difference', 'coached_minus_control', d.day, d.pctOfTargetMean);
  }
  for (const u of report.outcomes.kpiByUnit) {
    const group = `unit:${u.unit}:${u.direction}`;
    fig('kpi_by_unit', 'people', group, null, u.people);
    stat('kpi_by_unit', 'baseline_mean', group, null, u.baselineMean);
    stat('kpi_by_unit', 'target_mean', group, null, u.targetMean);
    for (const c of u.checkpoints) {
      stat('kpi_by_unit', 'value_mean', group, c.day, c.valueMean);
      stat('kpi_by_unit', 'improvement_mean', group, c.day, c.improvementMean);
    }
  }
  fig('kpi_by_unit', 'people', 'other_units', null, report.outcomes.otherUnits);

  const m = report.mentoring;
  fig('mentoring', 'people', 'pairs', null, m.people);
  for (const [key, figure] of Object.entries(m.pairs))
    fig('mentoring', `pairs_${key}`, 'pairs', null, figure);
  rate(
    'mentoring',
    'charter_completion',
    `pairs_older_than_${m.charter.eligibleAfterDays}_days`,
    null,
    m.charter.completion,
  );
  stat('mentoring', 'median_days_to_charter', 'pairs', null, m.charter.medianDaysToComplete);
  rate('mentoring', 'milestones_confirmed_on_time', 'milestones_due', null, m.milestones.onTime);
  fig('mentoring', 'milestones_confirmed_late', 'milestones_due', null, m.milestones.late);
  fig('mentoring', 'milestones_unconfirmed', 'milestones_due', null, m.milestones.unconfirmed);
  fig('mentoring', 'alerts_raised', 'pairs', null, m.alerts.raised);
  fig('mentoring', 'alerts_awaiting_decision', 'pairs', null, m.alerts.awaitingDecision);
  rate('mentoring', 'alerts_acted_on', 'pairs', null, m.alerts.actedOn);
  stat('mentoring', 'median_hours_alert_to_action', 'pairs', null, m.alerts.medianHoursToAction);
  fig('mentoring', 'opt_outs', 'paired_people', null, m.optOuts);
  for (const [key, figure] of Object.entries(m.matching.proposals))
    fig('matching', `proposals_${key}`, 'proposals', null, figure);
  stat('matching', 'median_days_enrolment_to_pair', 'mentees', null, m.matching.medianDaysToPair);
  fig('matching', 'no_fault_exits', 'pairs', null, m.matching.noFaultExits);
  rate('matching', 'rematched_within_30_days_of_alert', 'alerts', null, m.matching.rematchedWithin30Days);
  rate('matching', 'meetings_held_of_expected', 'check_in_rounds', null, m.matching.meetingsHeld);
  stat('matching', 'median_pair_meeting_rate_percent', 'pairs', null, m.matching.medianPairMeetingRate);

  const b = report.budget;
  rows.push(['budget', 'weekly_budget', 'program', null, b.weeklyBudget, null, null, null, false]);
  fig('budget', 'person_weeks', 'people', null, b.personWeeks);
  stat('budget', 'mean_messages_per_person_week', 'people', null, b.meanPerPersonWeek);
  stat('budget', 'mean_share_of_budget', 'people', null, b.meanShareOfBudget);
  rate('budget', 'weeks_at_budget', 'person_weeks', null, b.atBudget);
  rate('budget', 'weeks_over_budget', 'person_weeks', null, b.overBudget);

  const roi = report.roi;
  rows.push(['roi', 'status', roi.status, null, null, null, null, null, false]);
  if (roi.steps) {
    for (const [key, value] of Object.entries(roi.steps))
      rows.push(['roi', key, roi.assumptions?.currency ?? '', null, value, null, null, null, false]);
  }
  for (const missing of roi.missing)
    rows.push(['roi', 'missing', missing, null, null, null, null, null, false]);

  evidenceFigures(report.evidence, rows);
  balanceFigures(report.balance, rows);

  return { csv: csvText(FIGURE_COLUMNS, rows, words), rows: rows.length, withheldArms: [] };
}

type Rows = Cell[][];
const figureRow = (
  rows: Rows,
  section: string,
  metric: string,
  group: string,
  day: number | null,
  f: Figure,
) => rows.push([section, metric, group, day, f.value, null, null, null, f.suppressed]);
const valueRow = (
  rows: Rows,
  section: string,
  metric: string,
  group: string,
  day: number | null,
  value: Cell,
) => rows.push([section, metric, group, day, value, null, null, null, false]);

function evidenceFigures(e: EvidenceReport, rows: Rows): void {
  const day = e.rule?.primary.day ?? null;
  valueRow(rows, 'evidence', 'verdict', e.verdict.verdict, day, e.verdict.reason);
  if (e.verdictUnderLaunchRule)
    valueRow(
      rows,
      'evidence',
      'verdict_under_launch_rule',
      e.verdictUnderLaunchRule.verdict,
      day,
      e.verdictUnderLaunchRule.reason,
    );
  if (e.rule) {
    valueRow(rows, 'evidence', 'smallest_effect', e.rule.primary.outcome, day, e.rule.smallestEffect);
    valueRow(rows, 'evidence', 'interval_level_percent', e.rule.primary.outcome, day, e.rule.intervalLevel);
    valueRow(rows, 'evidence', 'min_per_arm', 'leaders', day, e.rule.minPerArm);
  }
  valueRow(rows, 'evidence', 'deviations', 'decision_rule', null, e.deviations.length);
  for (const flow of e.flows ? [e.flows.coached, e.flows.control] : []) {
    figureRow(rows, 'evidence', 'enrolled', flow.arm, day, flow.enrolled);
    figureRow(rows, 'evidence', 'with_data', flow.arm, day, flow.withData);
    figureRow(rows, 'evidence', 'lost', flow.arm, day, flow.lost);
    for (const [why, figure] of Object.entries(flow.lostBecause))
      figureRow(rows, 'evidence', `lost_${why}`, flow.arm, day, figure);
    figureRow(rows, 'evidence', 'pending', flow.arm, day, flow.pending);
  }
  for (const [role, estimate] of [
    ...(e.primary ? [['primary', e.primary] as const] : []),
    ...e.secondary.map((s) => ['secondary', s] as const),
  ]) {
    const group = `${role}:${estimate.outcome}`;
    for (const arm of ['coached', 'control'] as const) {
      const g = estimate[arm];
      rows.push([
        'evidence',
        `mean_${arm}`,
        group,
        estimate.day,
        g?.mean ?? null,
        null,
        null,
        g?.n ?? null,
        g === null,
      ]);
    }
    valueRow(rows, 'evidence', 'difference', group, estimate.day, estimate.difference);
    valueRow(rows, 'evidence', 'interval_lower', group, estimate.day, estimate.lower);
    valueRow(rows, 'evidence', 'interval_upper', group, estimate.day, estimate.upper);
    valueRow(rows, 'evidence', 'hedges_g', group, estimate.day, estimate.hedgesG);
  }
}

function balanceFigures(b: BalanceTable, rows: Rows): void {
  for (const arm of b.arms) {
    figureRow(rows, 'balance', 'enrolled', arm.arm, null, arm.enrolled);
    figureRow(rows, 'balance', 'consented', arm.arm, null, arm.consented);
    figureRow(rows, 'balance', 'with_experiment', arm.arm, null, arm.withExperiment);
    rows.push([
      'balance',
      'ambition_median_pct',
      arm.arm,
      null,
      arm.ambitionMedian.value,
      null,
      null,
      arm.ambitionMedian.people,
      arm.ambitionMedian.suppressed,
    ]);
  }
  for (const s of b.strata) {
    for (const r of s.rows) {
      figureRow(rows, 'balance', `${s.attribute}:${r.value}`, 'coached', null, r.coached);
      figureRow(rows, 'balance', `${s.attribute}:${r.value}`, 'control', null, r.control);
    }
  }
}

/** The mid-pilot review's figures: response rates per arm, data-quality warnings and balance; no effect. */
export function renderMidFiguresCsv(
  review: MidReviewReport,
  words: ReportWords = reportWords(DEFAULT_LOCALE),
): CsvExport {
  const rows: Rows = [];
  for (const arm of review.responses)
    for (const c of arm.checkpoints)
      rows.push([
        'responses',
        'checkpoint_response_rate',
        arm.arm,
        c.day,
        c.rate.rate,
        c.rate.numerator,
        c.rate.denominator,
        null,
        c.rate.suppressed,
      ]);
  for (const w of review.dataQuality) figureRow(rows, 'data_quality', w.key, 'leaders', null, w.leaders);
  balanceFigures(review.balance, rows);
  valueRow(rows, 'effect', 'shown', 'withheld', null, false);
  return { csv: csvText(FIGURE_COLUMNS, rows, words), rows: rows.length, withheldArms: [] };
}
