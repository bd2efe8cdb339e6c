import { type RoiSettings, roiSettingsSchema } from '../../core/roi.js';
import { round } from './figures.js';

/** Every assumption the admin gave, printed beside the result. */
export interface RoiAssumptions {
  outcome: string;
  unit: string;
  direction: 'increase' | 'decrease';
  baseline: number;
  current: number | null;
  attributionPercent: number;
  valuePerUnit: number;
  programCost: number;
  currency: string;
  attributionRationale: string | null;
}

/** The four steps: baseline → delta → attribution → value against cost. */
export interface RoiSteps {
  /** Step 1: the outcome before and after the program. */
  baseline: number;
  current: number;
  /** Step 2: the change, signed so that positive is an improvement. */
  delta: number;
  /** Step 3: the share of the change credited to the program. */
  attributionPercent: number;
  attributableUnits: number;
  /** Step 4: money value of the credited change, against what the program cost. */
  valuePerUnit: number;
  attributableValue: number;
  programCost: number;
  netValue: number;
  /** (attributable value − cost) / cost; 1.4 means the program returned its cost plus 140 %. */
  roi: number;
}

export interface RoiReport {
  /** complete: every step computed; incomplete: assumptions given but something is missing or invalid; not_configured: no `roi` block. */
  status: 'complete' | 'incomplete' | 'not_configured';
  /** Settings paths that are missing or invalid, e.g. ["roi.current"]. */
  missing: string[];
  /** What is missing, in words, when there is no number. */
  message: string | null;
  assumptions: RoiAssumptions | null;
  steps: RoiSteps | null;
  notes: string[];
}

/** What the measured figures say, to set beside the admin's attribution share. */
export interface RoiEvidence {
  /** The roster has a control arm. */
  hasControl: boolean;
  /** Coached minus control mean % of the way to target at the latest checkpoint where both can be shown. */
  controlDifference: { day: number; points: number } | null;
}

const FIELDS = 'outcome, unit, baseline, current, direction, attributionPercent, valuePerUnit, programCost';

function assumptionsOf(roi: RoiSettings): RoiAssumptions {
  return {
    outcome: roi.outcome,
    unit: roi.unit,
    direction: roi.direction,
    baseline: roi.baseline,
    current: roi.current ?? null,
    attributionPercent: roi.attributionPercent,
    valuePerUnit: roi.valuePerUnit,
    programCost: roi.programCost,
    currency: roi.currency,
    attributionRationale: roi.attributionRationale ?? null,
  };
}

/** The ROI of a program from its admin's assumptions; when something is missing it says what instead of a number. */
export function computeRoi(raw: unknown, evidence: RoiEvidence): RoiReport {
  if (raw === undefined || raw === null) {
    return {
      status: 'not_configured',
      missing: ['roi'],
      message: `No ROI assumptions: the program settings have no \`roi\` block. Add one (${FIELDS}) and apply the program again to see the four ROI steps.`,
      assumptions: null,
      steps: null,
      notes: [],
    };
  }
  const parsed = roiSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const missing = [
      ...new Set(parsed.error.issues.map((issue) => ['roi', ...issue.path.map(String)].join('.'))),
    ];
    return {
      status: 'incomplete',
      missing,
      message: `The ROI assumptions are incomplete or invalid: ${missing.join(', ')}. Fix them in the program settings to compute ROI.`,
      assumptions: null,
      steps: null,
      notes: [],
    };
  }
  const roi = parsed.data;
  const assumptions = assumptionsOf(roi);
  if (roi.current === undefined) {
    return {
      status: 'incomplete',
      missing: ['roi.current'],
      message: `The outcome after the program (\`roi.current\`, in ${roi.unit}) is missing, so there is no delta, no attributable value and no ROI yet. Add it once "${roi.outcome}" has been measured after the program.`,
      assumptions,
      steps: null,
      notes: [],
    };
  }
  const delta = roi.direction === 'decrease' ? roi.baseline - roi.current : roi.current - roi.baseline;
  const attributableUnits = delta * (roi.attributionPercent / 100);
  const attributableValue = attributableUnits * roi.valuePerUnit;
  const netValue = attributableValue - roi.programCost;
  const steps: RoiSteps = {
    baseline: roi.baseline,
    current: roi.current,
    delta: round(delta),
    attributionPercent: roi.attributionPercent,
    attributableUnits: round(attributableUnits),
    valuePerUnit: roi.valuePerUnit,
    attributableValue: round(attributableValue, 2),
    programCost: roi.programCost,
    netValue: round(netValue, 2),
    roi: round(netValue / roi.programCost),
  };
  return {
    status: 'complete',
    missing: [],
    message: null,
    assumptions,
    steps,
    notes: roiNotes(roi, delta, evidence),
  };
}

function roiNotes(roi: RoiSettings, delta: number, evidence: RoiEvidence): string[] {
  const notes: string[] = [];
  if (delta <= 0) {
    notes.push(
      `The outcome did not improve (delta ${round(delta)} ${roi.unit}), so nothing is attributable and the ROI is the cost lost.`,
    );
  }
  if (evidence.controlDifference) {
    const { day, points } = evidence.controlDifference;
    notes.push(
      `Measured beside it: at day ${day}, coached leaders were ${Math.abs(points).toFixed(1)} percentage points ${points >= 0 ? 'further along' : 'less far along'} the way to their KPI targets than the control arm.`,
    );
  } else if (roi.attributionPercent > 25) {
    notes.push(
      `The attribution share (${roi.attributionPercent} %) is above the 15–25 % usually defensible without a control group${evidence.hasControl ? ' (the control comparison is suppressed or has no data yet)' : ''}. Document the rationale or add a control arm.`,
    );
  }
  return notes;
}
