import { z } from 'zod';
import type { RawFormValues } from '../../../core/forms.js';
import { type MeetingAnswer, meetingNoteForm, pairCheckinAnsweredMessage } from '../../../core/meetings.js';
import { type ActionName, type FormView, textMessage } from '../../../core/messages.js';
import type { PairCheckin } from '../../../store/types.js';
import { UserFacingError } from '../../errors.js';
import { type ActionFlow, alreadyAnswered, answer, type SubmitFlow, type Turn } from '../conversation.js';
import { formView } from '../forms.js';
import { safeJson } from './experiment.js';

/** The check-in as it reads once answered (the member's own answer, rating and note so far). */
function answered(turn: Turn, ref: string, checkin: PairCheckin) {
  return pairCheckinAnsweredMessage(
    turn.t,
    ref,
    checkin.answer ?? 'not_yet',
    checkin.usefulness,
    checkin.note !== null,
  );
}

/** Yes / Not yet / We skip this one: only the member asked answers, and the first answer counts. */
function answerCheckin(choice: MeetingAnswer): ActionFlow {
  return async (turn) => {
    const { event, deps } = turn;
    const { checkin, recorded } = await deps.mentoring.answerPairCheckin(
      event.actor.identity,
      event.ref,
      choice,
    );
    const message = answered(turn, event.ref, checkin);
    return recorded
      ? answer({ kind: 'update', message })
      : alreadyAnswered(turn, { kind: 'update', message });
  };
}

const rate: ActionFlow = async (turn) => {
  const { event, deps } = turn;
  const checkin = await deps.mentoring.ratePairCheckin(event.actor.identity, event.ref, event.value);
  return answer({ kind: 'update', message: answered(turn, event.ref, checkin) });
};

async function noteForm(
  turn: Turn,
  ref: string,
  values?: { initial: RawFormValues; errors?: Parameters<typeof formView>[2]['errors'] },
): Promise<FormView> {
  await turn.deps.mentoring.pairCheckinNoteFormFor(turn.event.actor.identity, ref);
  return formView(turn.t, meetingNoteForm, {
    state: { r: ref },
    ...(values ? { initial: values.initial, ...(values.errors ? { errors: values.errors } : {}) } : {}),
  });
}

const noteState = z.object({ r: z.string().min(3).max(300) });

const saveNote: SubmitFlow = async (turn) => {
  const { event, deps, t } = turn;
  const state = noteState.safeParse(safeJson(event.state));
  if (!state.success) throw new UserFacingError('common.formOutdated');
  const result = await deps.mentoring.notePairCheckin(event.actor.identity, state.data.r, event.values);
  if (!result.ok)
    return answer({
      kind: 'invalid',
      form: await noteForm(turn, state.data.r, { initial: event.values, errors: result.errors }),
    });
  const now = answered(turn, state.data.r, result.checkin);
  return answer({
    kind: 'done',
    outcome: textMessage(
      `${t('meeting.noted')}\n${now.text}`,
      now.blocks.filter((b) => b.type === 'actions'),
    ),
  });
};

export const meetingActions: Partial<Record<ActionName, ActionFlow>> = {
  'meeting.yes': answerCheckin('met'),
  'meeting.notyet': answerCheckin('not_yet'),
  'meeting.skip': answerCheckin('skip'),
  'meeting.useful': rate,
  'meeting.note': async (turn) => answer({ kind: 'form', form: await noteForm(turn, turn.event.ref) }),
};

export const meetingForms: Record<string, SubmitFlow> = { [meetingNoteForm.id]: saveNote };
