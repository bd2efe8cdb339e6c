import { z } from 'zod';
import { experimentForm, nudgeAnsweredMessage } from '../../../core/coaching.js';
import { type ActionName, type FormView, textMessage } from '../../../core/messages.js';
import { NotAllowedError } from '../../errors.js';
import {
  type ActionFlow,
  alreadyAnswered,
  answer,
  me,
  type SubmitFlow,
  say,
  type Turn,
} from '../conversation.js';
import type { ActionEvent } from '../events.js';
import { formView } from '../forms.js';
import type { Answer } from '../replies.js';
import { statusMessage } from '../status.js';

/** The experiment form, prefilled, remembering which version it was opened on (a stale copy saves nothing). */
export async function experimentFormFor(turn: Turn): Promise<FormView> {
  const { deps, t, event } = turn;
  const initial = await deps.coaching.experimentFormDefaults(event.actor.identity);
  const person = await me(turn);
  const current = person ? await deps.coaching.store.experiments.current(person.id) : null;
  const running = current && (current.status === 'active' || current.status === 'paused') ? current : null;
  return formView(t, experimentForm, {
    state: { v: running?.version ?? 0 },
    initial,
    opener: { action: 'experiment.start', ref: running?.id ?? person?.id ?? 'me' },
    ...(running ? { submitLabel: 'experiment.form.submitEdit' } : {}),
  });
}

const versionState = z.object({ v: z.number().int().min(0) });

const saveExperiment: SubmitFlow = async (turn) => {
  const { event, deps, t } = turn;
  const { coaching } = deps;
  const person = await me(turn);
  if (!person) throw new NotAllowedError();
  const opened = versionState.safeParse(safeJson(event.state));
  const current = await coaching.store.experiments.current(person.id);
  const running = current && (current.status === 'active' || current.status === 'paused') ? current : null;
  if (opened.success && opened.data.v !== (running?.version ?? 0)) {
    // Saved already from another copy of this form (or replayed): nothing more is recorded.
    return alreadyAnswered(turn, {
      kind: 'done',
      outcome: textMessage(
        running
          ? t('experiment.staleForm', { behavior: running.behavior, version: running.version })
          : t('experiment.staleFormNew'),
      ),
    });
  }
  const result = await coaching.saveExperiment(event.actor.identity, event.values);
  if (!result.ok) {
    return answer({
      kind: 'invalid',
      form: formView(t, experimentForm, {
        state: { v: running?.version ?? 0 },
        initial: event.values,
        errors: result.errors,
        ...(running ? { submitLabel: 'experiment.form.submitEdit' } : {}),
      }),
    });
  }
  const experiment = result.value;
  const status = await coaching.statusOf((await coaching.store.participants.get(person.id)) ?? person);
  const next = status.nextMessage
    ? t('status.nextWhen', { at: new Date(status.nextMessage.at), zone: status.zone })
    : '';
  const saved = textMessage(
    experiment.version === 1
      ? t('experiment.saved', {
          behavior: experiment.behavior,
          start: experiment.startDate,
          end: experiment.endDate,
          hasNext: next ? 'yes' : 'no',
          next,
        })
      : t('experiment.updated', { version: experiment.version, hasNext: next ? 'yes' : 'no', next }),
    [{ type: 'context', text: t('experiment.savedHint') }],
  );
  return answer({ kind: 'done', outcome: saved }, { statusChanged: true });
};

/** Pause, resume or snooze from the status controls: only the person's own experiment. */
function experimentControl(change: 'pause' | 'resume' | 'snooze'): ActionFlow {
  return async (turn) => {
    const { event, deps, t } = turn;
    const experiment = await deps.coaching.store.experiments.get(event.ref);
    const person = await me(turn);
    if (!experiment || !person || experiment.participantId !== person.id) throw new NotAllowedError();
    const { identity } = event.actor;
    if (change === 'pause') await deps.coaching.pause(identity);
    else if (change === 'resume') await deps.coaching.resume(identity);
    else await deps.coaching.snooze(identity, 7);
    const notice = change === 'snooze' ? t('experiment.snoozedWeek') : undefined;
    const view = await deps.coaching.statusOf(
      (await deps.coaching.store.participants.get(person.id)) ?? person,
    );
    return answer(
      { kind: 'update', message: statusMessage(t, view, notice) },
      { statusChanged: true, ...(notice ? { statusNotice: notice } : {}) },
    );
  };
}

/** Did it / Not this week / Snooze a week: the first answer to a nudge counts. */
function nudgeAnswer(choice: 'did' | 'skip' | 'snooze'): ActionFlow {
  return async (turn: Turn<ActionEvent>): Promise<Answer> => {
    const { event, deps, t } = turn;
    const result = await deps.coaching.answerNudge(
      event.actor.identity,
      event.ref,
      event.value ?? '',
      choice,
    );
    const experiment = await deps.coaching.store.experiments.get(event.ref);
    if (!result.recorded) return alreadyAnswered(turn, { kind: 'say', text: t('nudge.alreadyAnswered') });
    const message = nudgeAnsweredMessage(t, experiment?.behavior ?? '', choice, result.snoozedUntil);
    return answer({ kind: 'update', message }, { statusChanged: choice === 'snooze' });
  };
}

export const experimentActions: Partial<Record<ActionName, ActionFlow>> = {
  'experiment.start': async (turn) => answer({ kind: 'form', form: await experimentFormFor(turn) }),
  'experiment.pause': experimentControl('pause'),
  'experiment.resume': experimentControl('resume'),
  'experiment.snooze': experimentControl('snooze'),
  'nudge.did': nudgeAnswer('did'),
  'nudge.skip': nudgeAnswer('skip'),
  'nudge.snooze': nudgeAnswer('snooze'),
};

export const experimentForms: Record<string, SubmitFlow> = {
  [experimentForm.id]: saveExperiment,
};

export function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export { say };
