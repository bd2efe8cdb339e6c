import { describe, expect, it } from 'vitest';
import { reportDataset } from '../../../test/support/report-fixtures.js';
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
  return reportDataset({ people, experiments, surveys });
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

describe('renderHtml and program-supplied strings', () => {
  const roi = {
    outcome: 'avoidable exits <script>',
    unit: 'exits',
    baseline: 10,
    current: 8,
    direction: 'decrease' as const,
    attributionPercent: 30,
    valuePerUnit: 120_000,
    programCost: 30_000,
  };

  it('the program file accepts an ISO 4217 code or a short symbol as currency, and nothing else', () => {
    expect(parseProgramSettings({ name: 'unit', roi: { ...roi, currency: 'EUR' } }).roi?.currency).toBe(
      'EUR',
    );
    expect(parseProgramSettings({ name: 'unit', roi: { ...roi, currency: '€' } }).roi?.currency).toBe('€');
    expect(parseProgramSettings({ name: 'unit', roi: { ...roi, currency: 'kr' } }).roi?.currency).toBe('kr');
    for (const currency of ['<!--', 'XYZ', 'EURO!', '"><b>']) {
      expect(() => parseProgramSettings({ name: 'unit', roi: { ...roi, currency } })).toThrow(
        'must be an ISO 4217 code such as EUR, or a short symbol such as € or kr',
      );
    }
  });

  it('escapes every program-supplied string of the ROI section, the currency included', () => {
    const settings = parseProgramSettings({ name: 'unit', checkpointDays: [30, 60], roi });
    const report = buildOutcomeReport(
      { ...program, settings },
      dataset(),
      Date.parse('2026-06-15T09:00:00Z'),
    );
    expect(report.roi.assumptions).not.toBeNull();
    // As if the currency had reached the report some other way than a checked program file.
    report.roi.assumptions!.currency = '<!--';
    const html = renderHtml(report);
    // The rest of the report, the privacy rule included, is not hidden in a comment.
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<th>Currency</th><td>&lt;!--</td>');
    expect(html).toContain('&lt;!--');
    expect(html).toContain('Suppressed (n&lt;5)');
  });
});
