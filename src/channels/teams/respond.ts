import { ActivityTypes, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Answer, Reply } from '../../app/conversation/replies.js';
import type { FormView, Message } from '../../core/messages.js';
import type { Logger } from '../../logger.js';
import type { InboundActivity } from './activity.js';
import type { TeamsAddressBook } from './addresses.js';
import {
  type AdaptiveCard,
  CARD_CONTENT_TYPE,
  cardAttachment,
  isPlainText,
  type PeopleChoices,
  renderFormCard,
  renderMessageCard,
  renderMessageText,
  teamsMarkdown,
} from './render.js';

const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

export interface TeamsResponder {
  /** Answers an Action.Execute invoke: the HTTP response carries the card or the words for the person who clicked. */
  invoke(context: TurnContext, answer: Answer, activity: InboundActivity): Promise<void>;
  /**
   * Answers an Action.Submit (older clients): by changing the card's message, or with a reply. `origin` is
   * the message a submitted form was opened from (it changes too when the form is done).
   */
  submitted(context: TurnContext, answer: Answer, activity: InboundActivity, origin?: string): Promise<void>;
  /** Answers typed words or an install: with a reply in the conversation. */
  turn(context: TurnContext, answer: Answer): Promise<void>;
  invokeError(context: TurnContext, reason: string): Promise<void>;
}

/** What a reply looks like as a card: a message, or a form (with the message it follows as its lead). */
type Shown = { card: AdaptiveCard; everyone: boolean } | { words: string } | null;

/**
 * How coachloop's neutral answers show in Teams: cards in the conversation for messages and forms,
 * invoke responses for the person who clicked, card updates when an answer changes a message for everyone.
 */
export function teamsResponder(options: { addresses: TeamsAddressBook; log: Logger }): TeamsResponder {
  const { addresses, log } = options;

  /** People in the team the card is in, as choices for a `person` field (their Entra object id as value). */
  async function peopleFor(
    context: TurnContext,
    form: FormView,
  ): Promise<PeopleChoices | string | undefined> {
    const field = form.fields.find((f) => f.type === 'person' && f.people);
    if (!field?.people) return undefined;
    const exclude = new Set(field.people.exclude);
    const tenantId = context.activity.conversation.tenantId ?? '';
    const people = new Map<string, string>();
    try {
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, 200, token);
        for (const member of page.members) {
          if (!member.aadObjectId || member.id.startsWith('28:') || exclude.has(member.aadObjectId)) continue;
          people.set(member.aadObjectId, member.name ?? member.email ?? member.aadObjectId);
          await addresses.rememberMember(tenantId, member.aadObjectId, { id: member.id });
        }
        token = page.continuationToken;
      } while (token && people.size < 500);
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not read the team roster');
      return field.people.unavailableText;
    }
    if (people.size === 0) return field.people.noneText;
    return [...people]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  async function formCard(
    context: TurnContext,
    form: FormView,
    origin?: string,
    lead?: Message,
  ): Promise<Shown> {
    const people = await peopleFor(context, form);
    if (typeof people === 'string') return { words: people };
    return {
      card: renderFormCard(form, {
        ...(people ? { people } : {}),
        ...(lead ? { lead: lead.blocks.filter((b) => b.type !== 'actions') } : {}),
        ...(origin ? { origin } : {}),
      }),
      everyone: false,
    };
  }

  /** The card (or words) for a reply; `origin` is the message a form answers, carried along in its submit. */
  async function shown(context: TurnContext, reply: Reply, origin?: string): Promise<Shown> {
    switch (reply.kind) {
      case 'nothing':
        return null;
      case 'say':
        return { words: reply.text };
      case 'message':
        return { card: renderMessageCard(reply.message), everyone: false };
      case 'update':
        if (reply.andOpen) {
          const form = await formCard(context, reply.andOpen, origin, reply.message);
          return form && 'card' in form ? { ...form, everyone: true } : form;
        }
        return { card: renderMessageCard(reply.message), everyone: true };
      case 'form':
      case 'invalid':
      case 'next':
        return formCard(context, reply.form, origin);
      case 'done':
        return reply.outcome ? { card: renderMessageCard(reply.outcome), everyone: true } : null;
    }
  }

  async function invokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
  }

  async function updateCard(context: TurnContext, activityId: string | undefined, card: AdaptiveCard) {
    if (!activityId) return;
    try {
      await context.updateActivity({
        id: activityId,
        type: ActivityTypes.Message,
        attachments: [cardAttachment(card)],
      });
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not update the card');
    }
  }

  async function reply(context: TurnContext, content: string | AdaptiveCard): Promise<void> {
    if (typeof content === 'string')
      await context.sendActivity({
        type: ActivityTypes.Message,
        text: teamsMarkdown(content),
        textFormat: 'markdown',
      });
    else await context.sendActivity({ type: ActivityTypes.Message, attachments: [cardAttachment(content)] });
  }

  return {
    async invoke(context, answer, activity) {
      const result = await shown(context, answer.reply, activity.replyToId);
      if (!result || 'words' in result) {
        await invokeResponse(context, 200, {
          statusCode: 200,
          type: MESSAGE_RESPONSE,
          value: result ? teamsMarkdown(result.words) : '',
        });
        return;
      }
      if (result.everyone) await updateCard(context, activity.replyToId, result.card);
      await invokeResponse(context, 200, { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card });
    },
    async submitted(context, answer, activity, origin) {
      const opens = answer.reply.kind === 'form';
      const result = await shown(
        context,
        answer.reply,
        opens ? activity.replyToId : (origin ?? activity.replyToId),
      );
      if (!result) return;
      if ('words' in result) {
        if (answer.reply.kind !== 'say' || !answer.reply.courtesy) await reply(context, result.words);
        return;
      }
      // A form opened from a button is a card of its own: the message clicked (an alert curators share) stays
      // until the form is done; then both show the outcome.
      if (opens || !activity.replyToId) await reply(context, result.card);
      else {
        await updateCard(context, activity.replyToId, result.card);
        if (answer.reply.kind === 'done' && origin && origin !== activity.replyToId)
          await updateCard(context, origin, result.card);
      }
    },
    async turn(context, answer) {
      const { reply: said } = answer;
      if (said.kind === 'message' && isPlainText(said.message)) {
        await reply(context, renderMessageText(said.message));
        return;
      }
      const result = await shown(context, said);
      if (!result) return;
      if ('words' in result) {
        if (said.kind !== 'say' || !said.courtesy) await reply(context, result.words);
      } else await reply(context, result.card);
    },
    async invokeError(context, reason) {
      await invokeResponse(context, 400, { error: reason });
    },
  };
}
