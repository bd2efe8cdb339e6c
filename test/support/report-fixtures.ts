import { parseProgramSettings } from '../../src/core/program.js';
import type { ProgramRecord, ReportDataset } from '../../src/store/types.js';

/** A report dataset with nothing in it but what `extra` gives. */
export function reportDataset(extra: Partial<ReportDataset> = {}): ReportDataset {
  return {
    people: [],
    experiments: [],
    surveys: [],
    nudges: [],
    budgetWeeks: [],
    pairs: [],
    milestones: [],
    alerts: [],
    assignments: [],
    programVersions: [],
    notes: [],
    reviews: [],
    ...extra,
  };
}

/** A stored program record as the report reads it, from the settings a program file would give. */
export function reportProgram(settings: Record<string, unknown> = { name: 'unit' }): ProgramRecord {
  return {
    id: 'prg_1',
    name: String(settings.name),
    settings: parseProgramSettings(settings),
    version: 1,
    createdAt: 0,
    updatedAt: 0,
  };
}
