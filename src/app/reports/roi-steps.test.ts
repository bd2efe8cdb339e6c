import { describe, expect, it } from 'vitest';
import { computeRoi } from './roi-steps.js';

const noEvidence = { hasControl: false, controlDifference: null };
const base = {
  outcome: 'avoidable exits per year',
  unit: 'exits',
  baseline: 10,
  direction: 'decrease',
  attributionPercent: 30,
  valuePerUnit: 120_000,
  programCost: 30_000,
};

describe('ROI in four visible steps', () => {
  it('reproduces the worked example: 10 → 8 exits, 30 %, $120,000 each, $30,000 cost → 1.4', () => {
    const roi = computeRoi(
      { ...base, current: 8, attributionRationale: 'control arm and survey corroboration' },
      { hasControl: true, controlDifference: { day: 90, points: 38 } },
    );
    // delta = 10 − 8 = 2; attributable = 2 × 0.30 = 0.6; value = 0.6 × 120,000 = 72,000;
    // ROI = (72,000 − 30,000) / 30,000 = 1.4
    expect(roi.status).toBe('complete');
    expect(roi.steps).toEqual({
      baseline: 10,
      current: 8,
      delta: 2,
      attributionPercent: 30,
      attributableUnits: 0.6,
      valuePerUnit: 120_000,
      attributableValue: 72_000,
      programCost: 30_000,
      netValue: 42_000,
      roi: 1.4,
    });
    expect(roi.assumptions).toMatchObject({
      currency: 'USD',
      attributionRationale: 'control arm and survey corroboration',
      direction: 'decrease',
    });
    expect(roi.notes).toEqual([
      'Measured beside it: at day 90, coached leaders were 38.0 percentage points further along the way to their KPI targets than the control arm.',
    ]);
  });

  it('signs the delta so that a rise is the improvement when higher is better', () => {
    // 200 → 260 accounts: delta 60; 20 % → 12; × 1,500 = 18,000; (18,000 − 24,000) / 24,000 = −0.25
    const roi = computeRoi(
      {
        ...base,
        baseline: 200,
        current: 260,
        direction: 'increase',
        attributionPercent: 20,
        valuePerUnit: 1_500,
        programCost: 24_000,
      },
      noEvidence,
    );
    expect(roi.steps).toMatchObject({
      delta: 60,
      attributableUnits: 12,
      attributableValue: 18_000,
      netValue: -6_000,
      roi: -0.25,
    });
  });

  it('says that nothing is attributable when the outcome got worse', () => {
    // 10 → 11 exits, lower is better: delta −1 → −0.3 units → −36,000 → (−36,000 − 30,000)/30,000 = −2.2
    const roi = computeRoi({ ...base, current: 11, attributionPercent: 30 }, noEvidence);
    expect(roi.steps).toMatchObject({ delta: -1, roi: -2.2 });
    expect(roi.notes[0]).toMatch(/did not improve \(delta -1 exits\)/);
    expect(roi.notes[1]).toMatch(/above the 15–25 % usually defensible without a control group/);
  });

  it('says exactly what is missing instead of a number', () => {
    expect(computeRoi(undefined, noEvidence)).toEqual({
      status: 'not_configured',
      missing: ['roi'],
      message:
        'No ROI assumptions: the program settings have no `roi` block. Add one (outcome, unit, baseline, current, direction, attributionPercent, valuePerUnit, programCost) and apply the program again to see the four ROI steps.',
      assumptions: null,
      steps: null,
      notes: [],
    });
    const noCurrent = computeRoi(base, noEvidence);
    expect(noCurrent.status).toBe('incomplete');
    expect(noCurrent.missing).toEqual(['roi.current']);
    expect(noCurrent.steps).toBeNull();
    expect(noCurrent.message).toBe(
      'The outcome after the program (`roi.current`, in exits) is missing, so there is no delta, no attributable value and no ROI yet. Add it once "avoidable exits per year" has been measured after the program.',
    );
    // The assumptions that are there are still printed.
    expect(noCurrent.assumptions).toMatchObject({
      baseline: 10,
      current: null,
      attributionPercent: 30,
      programCost: 30_000,
    });
  });

  it('names invalid or missing fields', () => {
    const roi = computeRoi(
      { outcome: 'exits', unit: 'exits', baseline: 10, current: 8, attributionPercent: 130, programCost: 0 },
      noEvidence,
    );
    expect(roi.status).toBe('incomplete');
    expect(roi.missing).toEqual(['roi.attributionPercent', 'roi.valuePerUnit', 'roi.programCost']);
    expect(roi.message).toMatch(/roi\.attributionPercent, roi\.valuePerUnit, roi\.programCost/);
  });

  it('keeps quiet about the attribution share when it is within the usual band', () => {
    expect(computeRoi({ ...base, current: 8, attributionPercent: 20 }, noEvidence).notes).toEqual([]);
    expect(
      computeRoi(
        { ...base, current: 8, attributionPercent: 35 },
        { hasControl: true, controlDifference: null },
      ).notes[0],
    ).toMatch(/control comparison is suppressed or has no data yet/);
  });
});
