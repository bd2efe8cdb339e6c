import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CHARTER_PAGES, charterPageForm, charterSummary } from '../../../core/charter.js';
import type { RawFormValues } from '../../../core/forms.js';
import {
  changeRequestForm,
  type MilestoneAnswer,
  milestoneConfirmedMessage,
  milestoneNoteForm,
  reasonText,
} from '../../../core/mentoring.js';
import { type ActionName, type Block, type FormView, textMessage } from '../../../core/messages.js';
import { NotAllowedError, UserFacingError } from '../../errors.js';
import { nameOf } from '../../mentoring.js';
import {
  type ActionFlow,
  alreadyAnswered,
  answer,
  me,
  type SubmitFlow,
  say,
  type Turn,
} from '../conversation.js';
import { formView } from '../forms.js';
import { safeJson } from './experiment.js';

function stateOf<T>(schema: z.ZodType<T>, raw: string): T {
  const parsed = schema.safeParse(safeJson(raw));
  if (!parsed.success) throw new UserFacingError('common.formOutdated');
  return parsed.data;
}

const version = z.coerce.number().int().min(1);

// ---- the charter ----------------------------------------------------------------------------------------

function charterPage(
  turn: Turn,
  pairId: string,
  page: number,
  initial: RawFormValues,
  errors?: Parameters<typeof formView>[2]['errors'],
): FormView {
  return formView(turn.t, charterPageForm(page), {
    state: { p: pairId, g: page },
    initial,
    intro: [{ type: 'context', text: turn.t('charter.pageIntro') }],
    ...(errors ? { errors } : {}),
  });
}

const openCharterForm: ActionFlow = async (turn) => {
  const { page, initial } = await turn.deps.mentoring.charterForm(turn.event.actor.identity, turn.event.ref);
  return answer({ kind: 'form', form: charterPage(turn, turn.event.ref, page, initial) });
};

const startCharterChat: ActionFlow = async (turn) => {
  const { event, deps, t } = turn;
  const question = await deps.mentoring.startCharterChat(event.actor.identity, event.ref);
  const person = await me(turn);
  if (person)
    // Each click asks again (a replayed delivery never gets here), so each question has its own key.
    await deps.coaching.notify(person, `charter_chat:${event.ref}:${randomUUID()}`, question, {
      reply: true,
    });
  return say(t('charter.chatMovedHere'));
};

const charterPageState = z.object({
  p: z.string().min(1).max(200),
  g: z
    .number()
    .int()
    .min(0)
    .max(CHARTER_PAGES.length - 1),
});

function saveCharterPage(page: number): SubmitFlow {
  return async (turn) => {
    const { event, deps, t } = turn;
    const state = stateOf(charterPageState, event.state);
    if (state.g !== page) throw new UserFacingError('common.formOutdated');
    const step = await deps.mentoring.saveCharterPage(event.actor.identity, state.p, page, event.values);
    if (!step.ok)
      return answer({ kind: 'invalid', form: charterPage(turn, state.p, page, event.values, step.errors) });
    if (step.next) return answer({ kind: 'next', form: charterPage(turn, state.p, page + 1, step.initial) });
    return answer({ kind: 'done', outcome: textMessage(t('charter.sentToMentor')) });
  };
}

const confirmCharter: ActionFlow = async (turn) => {
  const { event, deps, t } = turn;
  const wanted = version.safeParse(event.value);
  if (!wanted.success) throw new UserFacingError('common.buttonOutdated');
  const store = deps.coaching.store;
  const [pair, person] = await Promise.all([store.mentoring.getPair(event.ref), me(turn)]);
  if (!pair || !person || pair.mentorId !== person.id) throw new NotAllowedError();
  const current = await store.mentoring.currentCharter(event.ref);
  if (current?.status === 'active' && current.version === wanted.data) {
    return alreadyAnswered(turn, {
      kind: 'update',
      message: textMessage(t('charter.confirmed', { version: current.version })),
    });
  }
  const confirmed = await deps.mentoring.confirmCharter(event.actor.identity, event.ref, wanted.data);
  return answer({
    kind: 'update',
    message: textMessage(t('charter.confirmed', { version: confirmed.version })),
  });
};

async function changesForm(
  turn: Turn,
  pairId: string,
  charterVersion: number,
  values?: { initial: RawFormValues; errors?: Parameters<typeof formView>[2]['errors'] },
): Promise<FormView> {
  const charter = (await turn.deps.coaching.store.mentoring.charterVersions(pairId)).find(
    (c) => c.version === charterVersion,
  );
  const intro: Block[] = charter ? [{ type: 'fields', fields: charterSummary(turn.t, charter.charter) }] : [];
  return formView(turn.t, changeRequestForm, {
    state: { p: pairId, v: charterVersion },
    intro,
    ...(values ? { initial: values.initial, ...(values.errors ? { errors: values.errors } : {}) } : {}),
  });
}

const askForChanges: ActionFlow = async (turn) => {
  const { event, deps } = turn;
  const wanted = version.safeParse(event.value);
  if (!wanted.success) throw new UserFacingError('common.buttonOutdated');
  await deps.mentoring.changeRequestFormFor(event.actor.identity, event.ref, wanted.data);
  return answer({ kind: 'form', form: await changesForm(turn, event.ref, wanted.data) });
};

const changesState = z.object({ p: z.string().min(1).max(200), v: version });

const sendChanges: SubmitFlow = async (turn) => {
  const { event, deps, t } = turn;
  const state = stateOf(changesState, event.state);
  const result = await deps.mentoring.requestCharterChanges(
    event.actor.identity,
    state.p,
    state.v,
    event.values,
  );
  if (!result.ok) {
    return answer({
      kind: 'invalid',
      form: await changesForm(turn, state.p, state.v, { initial: event.values, errors: result.errors }),
    });
  }
  return answer({ kind: 'done', outcome: textMessage(t('charter.changesSent', { version: state.v })) });
};

// ---- milestones -------------------------------------------------------------------------------------------

function confirmMilestone(choice: MilestoneAnswer): ActionFlow {
  return async (turn) => {
    const { event, deps, t } = turn;
    const { milestone, recorded } = await deps.mentoring.confirmMilestone(
      event.actor.identity,
      event.ref,
      choice,
    );
    const message = milestoneConfirmedMessage(t, milestone);
    return recorded
      ? answer({ kind: 'update', message })
      : alreadyAnswered(turn, { kind: 'update', message });
  };
}

async function noteForm(
  turn: Turn,
  milestoneId: string,
  values?: { initial: RawFormValues; errors?: Parameters<typeof formView>[2]['errors'] },
): Promise<FormView> {
  const milestone = await turn.deps.mentoring.milestoneNoteFormFor(turn.event.actor.identity, milestoneId);
  return formView(turn.t, milestoneNoteForm, {
    state: { m: milestoneId },
    intro: [
      {
        type: 'text',
        text: turn.t('milestone.noteIntro', { description: milestone.description, due: milestone.dueDate }),
      },
    ],
    ...(values ? { initial: values.initial, ...(values.errors ? { errors: values.errors } : {}) } : {}),
  });
}

const noteState = z.object({ m: z.string().min(1).max(200) });

const saveNote: SubmitFlow = async (turn) => {
  const { event, deps, t } = turn;
  const state = stateOf(noteState, event.state);
  const result = await deps.mentoring.noteMilestone(event.actor.identity, state.m, event.values);
  if (!result.ok) {
    return answer({
      kind: 'invalid',
      form: await noteForm(turn, state.m, { initial: event.values, errors: result.errors }),
    });
  }
  const milestone = await deps.coaching.store.mentoring.getMilestone(state.m);
  return answer({ kind: 'done', ...(milestone ? { outcome: milestoneConfirmedMessage(t, milestone) } : {}) });
};

export const mentoringActions: Partial<Record<ActionName, ActionFlow>> = {
  'charter.form': openCharterForm,
  'charter.chat': startCharterChat,
  'charter.confirm': confirmCharter,
  'charter.changes': askForChanges,
  'milestone.met': confirmMilestone('met'),
  'milestone.partly': confirmMilestone('partly'),
  'milestone.notyet': confirmMilestone('not_yet'),
  'milestone.note': async (turn) => answer({ kind: 'form', form: await noteForm(turn, turn.event.ref) }),
};

export const mentoringForms: Record<string, SubmitFlow> = {
  ...Object.fromEntries(CHARTER_PAGES.map((_, page) => [charterPageForm(page).id, saveCharterPage(page)])),
  [changeRequestForm.id]: sendChanges,
  [milestoneNoteForm.id]: saveNote,
};

/** `/coach pair status`: the person's own pairs, each with its score and reasons (only a pair's members see it). */
export async function pairStatusText(turn: Turn): Promise<string> {
  const { deps, t } = turn;
  const pairs = await deps.mentoring.pairStatus(turn.event.actor.identity);
  if (pairs.length === 0) return t('pairStatus.none');
  return pairs
    .map(({ role, other, score, threshold }) =>
      [
        t('pairStatus.pair', {
          other: nameOf(t, other, role === 'mentor' ? 'pair.yourMentee' : 'pair.yourMentor'),
          role,
          score: score.score,
          threshold,
          low: score.low ? 'yes' : 'no',
        }),
        t('pairStatus.reasons'),
        score.reasons.length === 0
          ? t('engagement.noSignals')
          : score.reasons
              .map((r) => t('engagement.reason', { reason: reasonText(t, r), points: r.points }))
              .join('\n'),
      ].join('\n'),
    )
    .join('\n\n');
}
