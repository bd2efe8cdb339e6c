import { z } from 'zod';
import type { RawFormValues } from '../../../core/forms.js';
import { pairFineForm } from '../../../core/mentoring.js';
import { type ActionName, type FormView, textMessage } from '../../../core/messages.js';
import { UserFacingError } from '../../errors.js';
import { type ActionFlow, answer, type SubmitFlow, type Turn } from '../conversation.js';
import { formView } from '../forms.js';
import { safeJson } from './experiment.js';

/** The "we're fine" form: only a member of the pair opens it. */
async function fineForm(
  turn: Turn,
  pairId: string,
  values?: { initial: RawFormValues; errors?: Parameters<typeof formView>[2]['errors'] },
): Promise<FormView> {
  await turn.deps.mentoring.pairFineFormFor(turn.event.actor.identity, pairId);
  return formView(turn.t, pairFineForm, {
    state: { p: pairId },
    ...(values ? { initial: values.initial, ...(values.errors ? { errors: values.errors } : {}) } : {}),
  });
}

const fineState = z.object({ p: z.string().min(1).max(200) });

const saveFine: SubmitFlow = async (turn) => {
  const { event, deps, t } = turn;
  const state = fineState.safeParse(safeJson(event.state));
  if (!state.success) throw new UserFacingError('common.formOutdated');
  const result = await deps.mentoring.pairIsFine(event.actor.identity, state.data.p, event.values);
  if (!result.ok)
    return answer({
      kind: 'invalid',
      form: await fineForm(turn, state.data.p, { initial: event.values, errors: result.errors }),
    });
  return answer({ kind: 'done', outcome: textMessage(t('voice.fineThanks')) });
};

/** "I'd like a new match": straight to the curators, privately; the person is told, the other person is not. */
const newMatch: ActionFlow = async (turn) => {
  const said = await turn.deps.mentoring.requestNewMatch(turn.event.actor.identity, turn.event.ref);
  return answer({ kind: 'say', text: turn.t.text(said) });
};

export const voiceActions: Partial<Record<ActionName, ActionFlow>> = {
  'pair.fine': async (turn) => answer({ kind: 'form', form: await fineForm(turn, turn.event.ref) }),
  'pair.newmatch': newMatch,
};

export const voiceForms: Record<string, SubmitFlow> = { [pairFineForm.id]: saveFine };
