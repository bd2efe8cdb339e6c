import { languageName, supportedLanguages, type Translator } from '../../core/catalog/index.js';
import { kpiImprovement } from '../../core/experiment.js';
import type { Action, Block, Message } from '../../core/messages.js';
import type { StatusView } from '../service.js';

function signed(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded >= 0 ? '+' : ''}${rounded}`;
}

/** The KPI trend from baseline through each answered checkpoint, e.g. "3 → 5 (d30) → 6 (d60) · target 8". */
export function kpiTrend(t: Translator, view: StatusView): string | null {
  const experiment = view.experiment;
  if (!experiment) return null;
  const points = [
    String(experiment.kpiBaseline),
    ...view.surveys.filter((s) => s.kpiValue !== null).map((s) => `${s.kpiValue} (d${s.checkpointDay})`),
  ].join(' → ');
  const last = [...view.surveys].reverse().find((s) => s.kpiValue !== null);
  if (last?.kpiValue == null) return t('status.trendTarget', { points, target: experiment.kpiTarget });
  return t('status.trendChange', {
    points,
    target: experiment.kpiTarget,
    change: signed(kpiImprovement(experiment, last.kpiValue)),
    unit: experiment.kpiUnit,
  });
}

/** The person's status in lines: consent, experiment, checkpoint answers, snooze and the next message. */
export function statusLines(t: Translator, view: StatusView): string[] {
  const { participant, experiment } = view;
  if (participant.consent !== 'accepted') {
    return [t(participant.consent === 'pending' ? 'status.consentPending' : 'status.consentStopped')];
  }
  if (!experiment) return [t('status.noExperiment')];
  const lines = [
    t('status.experiment', { behavior: experiment.behavior, status: experiment.status }),
    t('status.hypothesis', { hypothesis: experiment.hypothesis }),
    t('status.kpi', {
      name: experiment.kpiName,
      unit: experiment.kpiUnit,
      direction: experiment.kpiDirection,
    }),
    t('status.window', { start: experiment.startDate, end: experiment.endDate }),
  ];
  const trend = kpiTrend(t, view);
  if (trend) lines.push(t('status.trend', { trend }));
  for (const survey of view.surveys) {
    lines.push(
      survey.status === 'answered'
        ? t('status.checkpointAnswered', {
            day: survey.checkpointDay,
            practice: survey.practice ?? '–',
            hasConfidence: survey.confidence ? 'yes' : 'no',
            confidence: survey.confidence ?? 0,
          })
        : t('status.checkpointOther', { day: survey.checkpointDay, status: survey.status }),
    );
  }
  if (view.snoozedUntil) lines.push(t('status.snoozed', { until: new Date(view.snoozedUntil) }));
  lines.push(
    view.nextMessage
      ? t('status.next', { kind: view.nextMessage.kind, at: new Date(view.nextMessage.at), zone: view.zone })
      : t('status.nextNone'),
  );
  return lines;
}

/** The experiment controls shown with the status: start or edit, pause or resume, snooze. */
export function experimentControls(t: Translator, view: StatusView): Action[] {
  if (view.participant.consent !== 'accepted') return [];
  const experiment = view.experiment;
  const running = experiment && (experiment.status === 'active' || experiment.status === 'paused');
  const ref = running ? experiment.id : view.participant.id;
  const actions: Action[] = [
    {
      action: 'experiment.start',
      ref,
      label: t(running ? 'experiment.edit' : 'experiment.start'),
      style: 'primary',
    },
  ];
  if (running) {
    actions.push(
      experiment.status === 'paused'
        ? { action: 'experiment.resume', ref, label: t('experiment.resume') }
        : { action: 'experiment.pause', ref, label: t('experiment.pause') },
      { action: 'experiment.snooze', ref, value: '7', label: t('experiment.snoozeWeek') },
    );
  }
  return actions;
}

/** The status surface (Slack's App Home, the Teams status card, `/coach status`): title, lines, controls. */
export function statusMessage(t: Translator, view: StatusView | null, notice?: string): Message {
  const title = t('status.title');
  const blocks: Block[] = [{ type: 'text', text: `*${title}*` }];
  if (notice) blocks.push({ type: 'context', text: notice });
  if (!view) {
    blocks.push({ type: 'text', text: t('status.notEnrolled') });
    return { text: title, blocks };
  }
  const lines = statusLines(t, view).join('\n');
  blocks.push({ type: 'text', text: lines });
  const actions = experimentControls(t, view);
  if (actions.length > 0) blocks.push({ type: 'divider' }, { type: 'actions', actions });
  const languages = languageChoices(t, view);
  if (languages.length > 0) blocks.push({ type: 'actions', actions: languages });
  return { text: `${title}\n${lines}`, blocks };
}

/**
 * The other languages the person can switch to, each named in its own words ("Deutsch", "日本語"), so that a
 * person who cannot read the current one still finds theirs. The same as `/coach language <tag>`.
 */
export function languageChoices(t: Translator, view: StatusView): Action[] {
  if (view.participant.consent !== 'accepted') return [];
  const current = t.reader.locale.toLowerCase().split('-')[0];
  return supportedLanguages()
    .filter((language) => language !== current)
    .map((language) => {
      const name = languageName(language, language);
      return {
        action: 'language.choose' as const,
        ref: view.participant.id,
        value: language,
        label: name.charAt(0).toLocaleUpperCase(language) + name.slice(1),
      };
    });
}
