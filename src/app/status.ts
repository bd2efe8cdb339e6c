import { kpiImprovement } from '../core/experiment.js';
import type { Action } from '../core/messages.js';
import type { StatusView } from './service.js';

const KIND_LABEL: Record<string, string> = {
  nudge: 'nudge',
  checkpoint: 'checkpoint survey',
  checkpoint_reminder: 'checkpoint reminder',
};

function signed(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded >= 0 ? '+' : ''}${rounded}`;
}

/** The KPI trend from baseline through each answered checkpoint, e.g. "3 → 5 (d30) → 6 (d60) · target 8". */
export function kpiTrend(view: StatusView): string | null {
  const experiment = view.experiment;
  if (!experiment) return null;
  const points = view.surveys
    .filter((s) => s.kpiValue !== null)
    .map((s) => `${s.kpiValue} (d${s.checkpointDay})`);
  const last = [...view.surveys].reverse().find((s) => s.kpiValue !== null);
  const change =
    last?.kpiValue != null
      ? ` · ${signed(kpiImprovement(experiment, last.kpiValue))} ${experiment.kpiUnit} vs baseline`
      : '';
  return `${[String(experiment.kpiBaseline), ...points].join(' → ')} · target ${experiment.kpiTarget}${change}`;
}

/** Plain status lines shared by every channel. */
export function statusLines(view: StatusView): string[] {
  const { participant, experiment } = view;
  if (participant.consent !== 'accepted') {
    return [
      participant.consent === 'pending'
        ? 'You have not answered the consent message yet; nothing is stored about you until you do.'
        : 'You have stopped coaching messages. I have sent you the consent message again in case you want to start over.',
    ];
  }
  if (!experiment) return ['No experiment yet. Start one with the *Start experiment* button or `start`.'];
  const lines = [
    `*Experiment:* ${experiment.behavior} (${experiment.status})`,
    `*Hypothesis:* ${experiment.hypothesis}`,
    `*KPI:* ${experiment.kpiName} in ${experiment.kpiUnit}, ${experiment.kpiDirection === 'increase' ? 'higher' : 'lower'} is better`,
    `*Window:* ${experiment.startDate} to ${experiment.endDate}`,
  ];
  const trend = kpiTrend(view);
  if (trend) lines.push(`*KPI trend:* ${trend}`);
  for (const survey of view.surveys) {
    const answer =
      survey.status === 'answered'
        ? `practice ${survey.practice ?? '–'}/5${survey.confidence ? `, confidence ${survey.confidence}/5` : ''}`
        : survey.status;
    lines.push(`• Day ${survey.checkpointDay}: ${answer}`);
  }
  if (view.snoozedUntil) lines.push(`*Snoozed* until ${view.snoozedUntil}.`);
  lines.push(
    view.nextMessage
      ? `*Next message:* ${KIND_LABEL[view.nextMessage.kind] ?? view.nextMessage.kind} on ${view.nextMessage.local}`
      : '*Next message:* none scheduled',
  );
  return lines;
}

/** The experiment controls every channel shows with the status: start or edit, pause or resume, snooze. */
export function experimentControls(view: StatusView): Action[] {
  if (view.participant.consent !== 'accepted') return [];
  const experiment = view.experiment;
  const running = experiment && (experiment.status === 'active' || experiment.status === 'paused');
  const ref = running ? experiment.id : view.participant.id;
  const actions: Action[] = [
    {
      action: 'experiment.start',
      ref,
      label: running ? 'Edit experiment' : 'Start experiment',
      style: 'primary',
    },
  ];
  if (running) {
    actions.push(
      experiment.status === 'paused'
        ? { action: 'experiment.resume', ref, label: 'Resume' }
        : { action: 'experiment.pause', ref, label: 'Pause' },
      { action: 'experiment.snooze', ref, value: '7', label: 'Snooze a week' },
    );
  }
  return actions;
}
