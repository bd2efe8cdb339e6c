import { STRATIFIERS } from '../../core/evaluation.js';
import type { Arm } from '../../core/participant.js';
import type { ProgramRecord, ReportDataset } from '../../store/types.js';
import { countFigure, type Figure, MIN_GROUP, medianOf, type Stat, statFigure } from './figures.js';
import { chosenExperiments, isLeader, localDate, measuredExperiments } from './selection.js';

/**
 * The balance table: how the arms compare before coaching could have changed anything — their sizes, their
 * make-up by department and level, and how ambitious their KPI targets are — so an imbalance is visible.
 */

export interface ArmBalance {
  arm: Arm;
  enrolled: Figure;
  consented: Figure;
  withExperiment: Figure;
  /** Median planned change from KPI baseline to target, as % of the baseline (baselines of 0 left out). */
  ambitionMedian: Stat;
}

export interface BalanceTable {
  /** How the arms were assigned: by the roster, or drawn by the bot (and how). */
  assignment: {
    drawn: number;
    methods: string[];
    seeds: string[];
    batches: { batch: number; on: string | null; leaders: Figure }[];
    stratifyBy: string[];
    controlPercent: number | null;
    waitlistStart: string | null;
  };
  arms: ArmBalance[];
  /** Leaders per arm for each value of department and level on the roster. */
  strata: { attribute: string; rows: { value: string; coached: Figure; control: Figure }[] }[];
}

export function buildBalance(program: ProgramRecord, data: ReportDataset): BalanceTable {
  const zone = program.settings.timezone;
  const leaders = data.people.filter(isLeader);
  const experimentOf = chosenExperiments(measuredExperiments(data));
  const arms: ArmBalance[] = (['coached', 'control'] as const).map((arm) => {
    const people = leaders.filter((p) => p.arm === arm);
    const consented = people.filter((p) => p.consent === 'accepted' || p.consent === 'opted_out');
    const experiments = people.map((p) => experimentOf.get(p.id)).filter((e) => e !== undefined);
    const ambitions = experiments
      .filter((e) => e.kpiBaseline !== 0)
      .map((e) => (Math.abs(e.kpiTarget - e.kpiBaseline) / Math.abs(e.kpiBaseline)) * 100);
    return {
      arm,
      enrolled: countFigure(people.length),
      consented: countFigure(consented.length),
      withExperiment: countFigure(experiments.length),
      ambitionMedian: statFigure(ambitions, medianOf),
    };
  });
  const strata = STRATIFIERS.map((attribute) => {
    const values = [
      ...new Set(leaders.map((p) => p.attributes?.[attribute]).filter((v) => v !== undefined)),
    ].sort();
    return {
      attribute,
      rows: values.map((value) => {
        const inside = leaders.filter((p) => p.attributes?.[attribute] === value);
        return {
          value,
          coached: countFigure(inside.filter((p) => p.arm === 'coached').length),
          control: countFigure(inside.filter((p) => p.arm === 'control').length),
        };
      }),
    };
  }).filter((s) => s.rows.length > 0);
  const batches = [...new Set(data.assignments.map((a) => a.batch))].sort((a, b) => a - b);
  const rule = program.settings.evaluation?.assignment;
  const waitlist = data.assignments.map((a) => a.coachingFrom).filter((d) => d !== null);
  return {
    assignment: {
      drawn: data.assignments.length,
      methods: [...new Set(data.assignments.map((a) => a.method))],
      seeds: [...new Set(data.assignments.map((a) => a.seed))],
      batches: batches.map((batch) => {
        const members = data.assignments.filter((a) => a.batch === batch);
        return {
          batch,
          on:
            members.length >= MIN_GROUP
              ? localDate(Math.min(...members.map((m) => m.assignedAt)), zone)
              : null,
          leaders: countFigure(members.length),
        };
      }),
      stratifyBy: rule?.stratifyBy ?? [],
      controlPercent: data.assignments[0]?.controlPercent ?? null,
      waitlistStart: waitlist.length > 0 ? waitlist.sort()[0]! : null,
    },
    arms,
    strata,
  };
}
