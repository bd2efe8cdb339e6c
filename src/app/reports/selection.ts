import type { ReportDataset, ReportExperimentRow, ReportPersonRow } from '../../store/types.js';

/** Who and what the report's figures are about. */

/** Leaders are the people the coaching funnel is about: no roles given, or leader or mentee among them. */
export function isLeader(person: Pick<ReportPersonRow, 'roles'>): boolean {
  return person.roles.length === 0 || person.roles.includes('leader') || person.roles.includes('mentee');
}

/** One experiment per person: the running one, else the most recent. */
export function chosenExperiments(rows: readonly ReportExperimentRow[]): Map<string, ReportExperimentRow> {
  const rank = (e: ReportExperimentRow) => (e.status === 'active' || e.status === 'paused' ? 0 : 1);
  const chosen = new Map<string, ReportExperimentRow>();
  for (const e of rows) {
    const current = chosen.get(e.participantId);
    if (
      !current ||
      rank(e) < rank(current) ||
      (rank(e) === rank(current) && e.createdAt >= current.createdAt)
    ) {
      chosen.set(e.participantId, e);
    }
  }
  return chosen;
}

/** A moment as the local date YYYY-MM-DD in a zone. */
export function localDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);
}

/** When each wait-list leader's own coaching began. */
export function coachingStarts(data: Pick<ReportDataset, 'assignments'>): Map<string, number> {
  return new Map(
    data.assignments.filter((a) => a.coachedAt !== null).map((a) => [a.participantId, a.coachedAt!]),
  );
}

/**
 * The experiments the report measures: a wait-list leader's experiments begun once their own coaching started
 * belong to the coached phase, not to the control arm they were measured in.
 */
export function measuredExperiments(
  data: Pick<ReportDataset, 'assignments' | 'experiments'>,
): ReportExperimentRow[] {
  const starts = coachingStarts(data);
  return data.experiments.filter((e) => {
    const from = starts.get(e.participantId);
    return from === undefined || e.createdAt < from;
  });
}
