import { evaluationDeviations } from '../../core/evaluation.js';
import type { ProgramRecord, ReportDataset } from '../../store/types.js';
import { firstEnrolmentAt } from './evidence.js';
import { MIN_GROUP } from './figures.js';
import { chosenExperiments, isLeader, localDate, measuredExperiments } from './selection.js';

/**
 * The pilot's timeline: when it started, when each checkpoint's surveys went out, when arms were drawn and the
 * wait-list began, governance reviews, changes to the decision rule, and the confounder log — what else
 * happened in the organization while the pilot ran.
 */

export const TIMELINE_KINDS = [
  'launch',
  'assignment',
  'checkpoint',
  'waitlist',
  'review',
  'deviation',
  'note',
  'report',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEvent {
  kind: TimelineKind;
  /** Local date, YYYY-MM-DD, in the program's zone. */
  date: string;
  /** For periods (a checkpoint's surveys going out): the last date. */
  until: string | null;
  label: string;
}

export interface Timeline {
  from: string;
  to: string;
  events: TimelineEvent[];
}

export function buildTimeline(program: ProgramRecord, data: ReportDataset, asOf: number): Timeline {
  const zone = program.settings.timezone;
  const day = (ms: number) => localDate(ms, zone);
  const events: TimelineEvent[] = [];
  const add = (kind: TimelineKind, date: string, label: string, until: string | null = null) =>
    events.push({ kind, date, until, label });

  const launchedAt = firstEnrolmentAt(data.people);
  if (launchedAt !== null)
    add('launch', day(launchedAt), 'First leader enrolled: the decision rule is fixed');

  for (const batch of [...new Set(data.assignments.map((a) => a.batch))].sort((a, b) => a - b)) {
    const members = data.assignments.filter((a) => a.batch === batch);
    if (members.length < MIN_GROUP) continue;
    add(
      'assignment',
      day(Math.min(...members.map((m) => m.assignedAt))),
      `Arms drawn (${members[0]!.method}, batch ${batch})`,
    );
  }

  // When each checkpoint's surveys went out, from the first to the last, once at least 5 people got one.
  const leaders = new Set(data.people.filter(isLeader).map((p) => p.id));
  const measured = new Set([...chosenExperiments(measuredExperiments(data)).values()].map((e) => e.id));
  for (const checkpoint of program.settings.checkpointDays) {
    const sent = data.surveys
      .filter((s) => s.checkpointDay === checkpoint && s.sentAt !== null && leaders.has(s.participantId))
      .filter((s) => measured.has(s.experimentId))
      .map((s) => s.sentAt!);
    if (sent.length < MIN_GROUP) continue;
    const [first, last] = [day(Math.min(...sent)), day(Math.max(...sent))];
    add('checkpoint', first, `Day ${checkpoint} check-ins sent`, last === first ? null : last);
  }

  const waitlist = [...new Set(data.assignments.map((a) => a.coachingFrom).filter((d) => d !== null))].sort();
  if (waitlist.length > 0)
    add('waitlist', waitlist[0]!, 'Wait-list coaching begins (after its own checkpoints)');

  const mids = data.reviews.filter((r) => r.stage === 'mid').map((r) => r.at);
  if (mids.length > 0)
    add(
      'review',
      day(Math.min(...mids)),
      `Mid-pilot review first run${mids.length > 1 ? ` (run ${mids.length} times)` : ''}`,
    );

  for (const d of evaluationDeviations(data.programVersions, launchedAt)) {
    add(
      'deviation',
      day(d.at),
      `Decision rule changed (version ${d.version}): ${d.changes.map((c) => c.field).join(', ')}`,
    );
  }
  for (const note of data.notes) add('note', note.date, note.text);
  add('report', day(asOf), 'This report');

  events.sort(
    (a, b) => a.date.localeCompare(b.date) || TIMELINE_KINDS.indexOf(a.kind) - TIMELINE_KINDS.indexOf(b.kind),
  );
  const dates = events.flatMap((e) => (e.until ? [e.date, e.until] : [e.date])).sort();
  return { from: dates[0]!, to: dates.at(-1)!, events };
}
