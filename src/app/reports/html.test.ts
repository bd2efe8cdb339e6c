import { describe, expect, it } from 'vitest';
import { parseProgramSettings } from '../../core/program.js';
import type { ProgramRecord, ReportDataset, ReportPersonRow } from '../../store/types.js';
import { buildOutcomeReport } from './compute.js';
import { renderHtml } from './html.js';

const program: ProgramRecord = {
  id: 'prg_1',
  name: 'unit',
  settings: parseProgramSettings({ name: 'unit', checkpointDays: [30, 60] }),
  version: 2,
  createdAt: 0,
  updatedAt: 0,
};

/** Five leaders who share a unit typed with markup, all answering day 30; a sixth declined. */
function dataset(): ReportDataset {
  const people: ReportPersonRow[] = Array.from({ length: 5 }, (_, i) => ({
    id: `p${i}`,
    roles: [],
    arm: 'coached',
    consent: 'accepted',
    consentAt: 1,
    invitedAt: 0,
    createdAt: 0,
  }));
  people.push({
    id: 'p9',
    roles: [],
    arm: 'coached',
    consent: 'declined',
    consentAt: 1,
    invitedAt: 0,
    createdAt: 0,
  });
  const experiments = people.slice(0, 5).map((p) => ({
    id: `e_${p.id}`,
    participantId: p.id,
    kpiUnit: '<b>pts</b>',
    kpiBaseline: 0,
    kpiTarget: 10,
    kpiDirection: 'increase' as const,
    status: 'active' as const,
    createdAt: 0,
  }));
  const surveys = experiments.map((e, i) => ({
    experimentId: e.id,
    participantId: e.participantId,
    checkpointDay: 30,
    status: 'answered' as const,
    sentAt: 1,
    practice: 3,
    kpiValue: 2 * (i + 1),
    confidence: 4,
  }));
  return {
    people,
    experiments,
    surveys,
    nudges: [],
    budgetWeeks: [],
    pairs: [],
    milestones: [],
    alerts: [],
    assignments: [],
    programVersions: [],
    notes: [],
    reviews: [],
  };
}

describe('renderHtml', () => {
  it('escapes what leaders typed and marks suppressed figures in words', () => {
    const report = buildOutcomeReport(program, dataset(), Date.parse('2026-06-15T09:00:00Z'));
    // Values 2, 4, 6, 8, 10 on 0 → 10: 20, 40, 60, 80, 100 → mean 60.
    expect(report.outcomes.checkpoints[0]!.pctOfTargetMean.value).toBe(60);
    expect(report.outcomes.kpiByUnit[0]!.unit).toBe('<b>pts</b>');
    const html = renderHtml(report);
    expect(html).toContain('&lt;b&gt;pts&lt;/b&gt;');
    expect(html).not.toContain('<b>pts</b>');
    // One person declined: that count reads as suppressed, and the hatch pattern is defined once for the page.
    expect(html).toContain('suppressed (n&lt;5)');
    expect(html.match(/<pattern id="hatch"/g)).toHaveLength(1);
    expect(html).toContain('60%');
    expect(html).toContain('(settings version 2)');
  });
});
