import { z } from 'zod';
import type { Translator } from '../../../core/catalog/index.js';
import type { RawFormValues } from '../../../core/forms.js';
import { fitReasonText } from '../../../core/matching.js';
import {
  CURATOR_ACTIONS,
  CURATOR_FORMS,
  type CuratorAction,
  curatorAlertHandledMessage,
} from '../../../core/mentoring.js';
import type { ActionName, Block, FormView, Message } from '../../../core/messages.js';
import { NotAllowedError, UserFacingError } from '../../errors.js';
import { rematchSuggestions } from '../../matching.js';
import { alertMessageFor, nameOf } from '../../mentoring.js';
import { type ActionFlow, alreadyAnswered, answer, type SubmitFlow, type Turn } from '../conversation.js';
import type { CommandEvent, TextEvent } from '../events.js';
import { formView } from '../forms.js';
import { safeJson } from './experiment.js';

type AlertView = NonNullable<Awaited<ReturnType<Turn['deps']['mentoring']['alertView']>>>;

/** The alert as curators see it, with a warning when someone in the pair cannot be reached. */
function alertMessage(t: Translator, view: AlertView, withButtons: boolean): Message {
  const message = alertMessageFor(t, view.alert, view.mentor, view.mentee, view.threshold);
  const blocks: Block[] = withButtons ? message.blocks : message.blocks.filter((b) => b.type !== 'actions');
  const unreachable = [view.mentor, view.mentee]
    .filter((p) => !p.reachable)
    .map((p) => nameOf(t, p, 'common.someone'));
  if (unreachable.length > 0) {
    const people =
      unreachable.length === 2
        ? t('common.and', { first: unreachable[0], second: unreachable[1] })
        : unreachable[0];
    blocks.splice(withButtons ? blocks.length - 1 : blocks.length, 0, {
      type: 'context',
      text: t('alert.unreachable', { people }),
    });
  }
  return { ...message, blocks };
}

function handledMessage(t: Translator, view: AlertView, curator: string, summary: string): Message {
  return curatorAlertHandledMessage(
    t,
    view.alert,
    nameOf(t, view.mentor, 'pair.mentor'),
    nameOf(t, view.mentee, 'pair.mentee'),
    curator,
    summary,
  );
}

async function curatorName(turn: Turn): Promise<string> {
  const curator = await turn.deps.coaching.store.participants.findByIdentity(turn.event.actor.identity);
  const { actor } = turn.event;
  return curator?.displayName ?? actor.name ?? actor.mention ?? turn.t('alert.aCurator');
}

async function decisionForm(
  turn: Turn,
  alertId: string,
  action: CuratorAction,
  values?: { initial: RawFormValues; errors?: Parameters<typeof formView>[2]['errors'] },
): Promise<FormView> {
  const { deps, t, event } = turn;
  const form = await deps.mentoring.curatorForm(event.actor.identity, alertId, action);
  const view = await deps.mentoring.alertView(alertId);
  if (!view) throw new NotAllowedError();
  const suggestions = action === 'rematch' ? await rematchSuggestionBlocks(turn, view) : [];
  return formView(t, form, {
    state: { a: alertId, x: action },
    intro: [...alertMessage(t, view, false).blocks, ...suggestions],
    back: { action: 'alert.back', ref: alertId, label: t('common.back') },
    excludePeople: [view.mentor.userId, view.mentee.userId],
    ...(values ? { initial: values.initial, ...(values.errors ? { errors: values.errors } : {}) } : {}),
  });
}

/** The matcher's top suggestions for a re-match, with their reasons, beside the free choice of any person. */
async function rematchSuggestionBlocks(turn: Turn, view: AlertView): Promise<Block[]> {
  const { deps, t } = turn;
  const store = deps.coaching.store;
  const program = await store.programs.get(view.pair.programId);
  if (!program) return [];
  const suggestions = await rematchSuggestions(store, program, view.pair, deps.clock.now());
  if (suggestions.length === 0) return [{ type: 'context', text: t('rematch.noSuggestions') }];
  return [
    {
      type: 'text',
      text: [
        t('rematch.suggestions'),
        ...suggestions.map(({ mentor, candidate }) =>
          [
            t('match.review.candidate', { mentor: nameOf(t, mentor, 'pair.mentor'), fit: candidate.fit }),
            ...candidate.reasons.map((r) => t('match.review.reasonLine', { reason: fitReasonText(t, r) })),
          ].join('\n'),
        ),
      ].join('\n'),
    },
  ];
}

/** Re-match, check in, snooze or close: curators only, and only while the alert is open. */
function openDecision(action: CuratorAction): ActionFlow {
  return async (turn) => {
    const { event, deps, t } = turn;
    const alert = await deps.coaching.store.mentoring.getAlert(event.ref);
    if (alert && alert.status !== 'open' && (await deps.curators.isCurator(event.actor.identity))) {
      const view = await deps.mentoring.alertView(event.ref);
      if (view && alert.status === 'handled') {
        const by = alert.handledBy ? await deps.coaching.store.participants.get(alert.handledBy) : null;
        const summary = '';
        return alreadyAnswered(turn, {
          kind: 'update',
          message: handledMessage(
            t,
            view,
            by?.displayName ?? by?.email ?? t('alert.anotherCurator'),
            summary,
          ),
        });
      }
    }
    return answer({ kind: 'form', form: await decisionForm(turn, event.ref, action) });
  };
}

/** Back from a decision form to the alert (card forms only; modals have their own Cancel). */
const backToAlert: ActionFlow = async (turn) => {
  const { event, deps, t } = turn;
  if (!(await deps.curators.isCurator(event.actor.identity)))
    throw new NotAllowedError('common.curatorsOnly');
  const view = await deps.mentoring.alertView(event.ref);
  if (!view) throw new NotAllowedError();
  return answer({ kind: 'update', message: alertMessage(t, view, view.alert.status === 'open') });
};

const alertState = z.object({ a: z.string().min(1).max(200), x: z.enum(CURATOR_ACTIONS) });

function decide(action: CuratorAction): SubmitFlow {
  return async (turn) => {
    const { event, deps, t } = turn;
    const state = alertState.safeParse(safeJson(event.state));
    if (!state.success || state.data.x !== action) throw new UserFacingError('common.formOutdated');
    const alertId = state.data.a;
    const result = await deps.mentoring.curatorAct(
      event.actor.identity,
      alertId,
      action,
      event.values,
      event.people ?? {},
    );
    if (!result.ok) {
      const form = await decisionForm(turn, alertId, action, {
        initial: event.values,
        errors: result.errors,
      }).catch(() => null);
      if (form) return answer({ kind: 'invalid', form });
      const first = Object.values(result.errors)[0];
      return answer({ kind: 'say', text: first ? t.text(first) : t('alert.alreadyHandled') });
    }
    const view = await deps.mentoring.alertView(alertId);
    if (!view) return answer({ kind: 'done' });
    return answer({
      kind: 'done',
      outcome: handledMessage(t, view, await curatorName(turn), t.text(result.summary)),
    });
  };
}

/** `pair @mentor @mentee`: a curator pairs two people. Introductions wait for both to accept consent. */
export async function pairCommand(turn: Turn<CommandEvent | TextEvent>): Promise<string> {
  const { event, deps, t } = turn;
  const { identity } = event.actor;
  const mentioned = event.mentions ?? [];
  if (mentioned.length !== 2) return t('command.pairUsage');
  const [mentor, mentee] = mentioned as [typeof identity, typeof identity];
  const pair = await deps.mentoring.createPair(identity, mentor, mentee);
  const names = await Promise.all(
    [mentor, mentee].map(async (who) => {
      const person = await deps.coaching.store.participants.findByIdentity(who);
      return person?.displayName ?? event.mentionNames?.[who.userId] ?? who.userId;
    }),
  );
  return t('command.paired', {
    mentor: names[0],
    mentee: names[1],
    waiting: pair.introSentAt === null ? 'yes' : 'no',
  });
}

/** What a channel hears: `claim` (a curator makes it the place for alerts), `help`, anything else. */
export async function curatorsChannelWords(
  turn: Turn<CommandEvent | TextEvent>,
  word: 'claim' | 'help' | 'other',
): Promise<string> {
  const { event, deps, t } = turn;
  if (event.place.kind !== 'channel') return t('channel.claimElsewhere');
  if (word === 'help') return t('channel.help');
  if (word === 'other') return t('channel.unknown');
  return t.text(await deps.curators.claim(event.actor.identity, event.place.channel, event.place.address));
}

export const curatorActions: Partial<Record<ActionName, ActionFlow>> = {
  ...Object.fromEntries(CURATOR_ACTIONS.map((action) => [`alert.${action}`, openDecision(action)])),
  'alert.back': backToAlert,
};

export const curatorForms: Record<string, SubmitFlow> = Object.fromEntries(
  CURATOR_ACTIONS.map((action) => [CURATOR_FORMS[action].id, decide(action)]),
);
