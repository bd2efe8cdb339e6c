import { randomUUID } from 'node:crypto';
import type { Translator } from '../../core/catalog/index.js';
import type { Clock } from '../../core/clock.js';
import type { ActionName, Message } from '../../core/messages.js';
import type { Participant, Platform } from '../../core/participant.js';
import type { Logger } from '../../logger.js';
import type { Curators } from '../curators.js';
import { UserFacingError } from '../errors.js';
import type { MentoringService } from '../mentoring.js';
import type { PrivacyService } from '../privacy.js';
import type { CoachingService } from '../service.js';
import type { ActionEvent, InboundEvent, SubmitEvent } from './events.js';
import { checkpointActions, checkpointForms } from './flows/checkpoint.js';
import { answerCommand, answerText, languageActions } from './flows/commands.js';
import { consentActions, onInstalled, onOpened, onRemoved } from './flows/consent.js';
import { curatorActions, curatorForms } from './flows/curators.js';
import { experimentActions, experimentForms } from './flows/experiment.js';
import { matchingActions } from './flows/matching.js';
import { meetingActions, meetingForms } from './flows/meetings.js';
import { mentoringActions, mentoringForms } from './flows/mentoring.js';
import { voiceActions, voiceForms } from './flows/voice.js';
import { type Answer, NOTHING, type Reply } from './replies.js';
import { statusMessage } from './status.js';

/** What a channel can do, so a flow can choose how to reach the person (the words stay the same). */
export interface ChannelCapabilities {
  /** Forms open as modals beside the conversation (Slack), rather than as cards in it (Teams). */
  modalForms: boolean;
}

export interface ConversationDeps {
  coaching: CoachingService;
  mentoring: MentoringService;
  privacy?: PrivacyService;
  curators: Curators;
  clock: Clock;
  logger: Logger;
  capabilities(platform: Platform): ChannelCapabilities;
}

/** One inbound event being answered: what happened, who reads the answer, and the use cases to call. */
export interface Turn<E extends InboundEvent = InboundEvent> {
  event: E;
  t: Translator;
  deps: ConversationDeps;
}

export type ActionFlow = (turn: Turn<ActionEvent>) => Promise<Answer>;
export type SubmitFlow = (turn: Turn<SubmitEvent>) => Promise<Answer>;

export const answer = (reply: Reply, extra: Omit<Answer, 'reply'> = {}): Answer => ({ reply, ...extra });
export const say = (text: string): Answer => answer({ kind: 'say', text });

/**
 * A click or a submission on something already answered (a double click, a replayed request, an old copy
 * of the message) changes nothing, and costs at most one platform call per message however many arrive:
 * the first gets `reply` (usually the message as it is now); the rest only a courtesy that is free to show.
 */
export async function alreadyAnswered(turn: Turn<ActionEvent | SubmitEvent>, reply: Reply): Promise<Answer> {
  const { event, deps, t } = turn;
  const key = event.messageKey
    ? `answered:${event.actor.identity.platform}:${event.messageKey}`
    : `answered:${event.actor.identity.platform}:${event.actor.identity.userId}:${event.type === 'action' ? `${event.action}:${event.ref}:${event.value ?? ''}` : event.formId}`;
  if (await deps.coaching.firstTime(key)) return answer(reply);
  return answer({ kind: 'say', text: t('common.alreadyDone'), courtesy: true });
}

/** The participant acting in a 1:1, once they have been heard from (address and time zone refreshed). */
export async function me(turn: Turn): Promise<Participant | null> {
  const { actor, place } = turn.event;
  if (place.kind !== 'dm') return turn.deps.coaching.store.participants.findByIdentity(actor.identity);
  return turn.deps.coaching.heardFrom(actor.identity, {
    ...(actor.address ? { address: actor.address } : {}),
    ...(actor.timezone ? { timezone: actor.timezone } : {}),
    ...(actor.locale ? { locale: actor.locale } : {}),
  });
}

const ACTIONS: Partial<Record<ActionName, ActionFlow>> = {
  ...consentActions,
  ...experimentActions,
  ...checkpointActions,
  ...mentoringActions,
  ...curatorActions,
  ...matchingActions,
  ...voiceActions,
  ...meetingActions,
  ...languageActions,
};

const FORMS: Record<string, SubmitFlow> = {
  ...experimentForms,
  ...checkpointForms,
  ...mentoringForms,
  ...curatorForms,
  ...voiceForms,
  ...meetingForms,
};

/** Form ids the conversation knows; a channel acknowledges any other submission and does nothing. */
export const KNOWN_FORM_IDS: readonly string[] = Object.keys(FORMS);

/**
 * The conversation layer: every flow, ownership check and sentence, written once for every channel.
 * Channels hand it neutral events and render the neutral answers.
 */
export class Conversation {
  readonly #deps: ConversationDeps;

  constructor(deps: ConversationDeps) {
    this.#deps = deps;
  }

  async handle(event: InboundEvent): Promise<Answer> {
    const deps = this.#deps;
    const t = await deps.coaching.translatorOf(event.actor.identity, event.actor.locale);
    const turn: Turn = { event, t, deps };
    if (event.deliveryId && !(await deps.coaching.firstTime(`delivery:${event.deliveryId}`))) {
      deps.logger.info({ type: event.type }, 'duplicate delivery ignored');
      return answer({ kind: 'say', text: t('common.alreadyDone'), courtesy: true });
    }
    try {
      switch (event.type) {
        case 'command':
          return await answerCommand(turn as Turn<typeof event>);
        case 'text':
          return await answerText(turn as Turn<typeof event>);
        case 'action': {
          const flow = ACTIONS[event.action];
          return flow ? await flow(turn as Turn<typeof event>) : say(t('common.buttonInvalid'));
        }
        case 'submit': {
          const flow = FORMS[event.formId];
          return flow
            ? await this.#landOutcome(turn, await flow(turn as Turn<typeof event>))
            : say(t('common.formOutdated'));
        }
        case 'opened':
          return await onOpened(turn as Turn<typeof event>);
        case 'installed':
          return await onInstalled(turn as Turn<typeof event>);
        case 'removed':
          return await onRemoved(turn as Turn<typeof event>);
      }
    } catch (error) {
      return say(this.explain(t, error));
    }
  }

  /**
   * A modal closes without a place to show what came of it unless it was opened from a message: then the
   * outcome comes as a message of its own, through the outbox.
   */
  async #landOutcome(turn: Turn, answered: Answer): Promise<Answer> {
    const { event, deps } = turn;
    const { reply } = answered;
    if (event.type !== 'submit' || reply.kind !== 'done' || !reply.outcome || event.messageKey)
      return answered;
    if (!deps.capabilities(event.actor.identity.platform).modalForms) return answered;
    const person = await deps.coaching.store.participants.findByIdentity(event.actor.identity);
    const outcome = reply.outcome;
    if (person)
      await deps.coaching.notify(
        person,
        `form:${event.formId}:${randomUUID()}`,
        { compose: () => outcome },
        { reply: true },
      );
    return { ...answered, reply: { kind: 'done' } };
  }

  /** A problem in the reader's words: theirs to fix, or ours (logged, without the person's input). */
  explain(t: Translator, error: unknown): string {
    if (error instanceof UserFacingError) return t.text(error.text);
    this.#deps.logger.error(
      { err: (error as Error).message, stack: (error as Error).stack },
      'conversation flow failed',
    );
    return t('common.genericFailure');
  }

  /** The person's status surface (Slack's App Home, the Teams status card), in their words. */
  async status(identity: InboundEvent['actor']['identity'], notice?: string): Promise<Message> {
    const coaching = this.#deps.coaching;
    const t = await coaching.translatorOf(identity);
    const participant = await coaching.store.participants.findByIdentity(identity);
    return statusMessage(t, participant ? await coaching.statusOf(participant) : null, notice);
  }

  /** Words for the edges of a channel (a request it could not read), in the reader's language when known. */
  async words(identity: InboundEvent['actor']['identity'] | null): Promise<Translator> {
    return identity
      ? this.#deps.coaching.translatorOf(identity)
      : this.#deps.coaching.translatorOf({ platform: 'slack', workspaceId: '', userId: '' });
  }
}

export { NOTHING };
