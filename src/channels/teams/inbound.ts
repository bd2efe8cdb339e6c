import { randomUUID } from 'node:crypto';
import { ActivityTypes, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Conversation } from '../../app/conversation/conversation.js';
import type { Actor, InboundEvent, Place } from '../../app/conversation/events.js';
import type { ProfileUpdate } from '../../app/service.js';
import type { Identity } from '../../core/participant.js';
import type { Logger } from '../../logger.js';
import {
  channelIdOf,
  executeInvokeSchema,
  type InboundActivity,
  inboundActivitySchema,
  includesBot,
  localeOf,
  personOf,
  referenceOf,
  scopeOf,
  teamIdOf,
  tenantOf,
  timezoneOf,
  typedText,
} from './activity.js';
import type { TeamsAddressBook } from './addresses.js';
import { parseCardData, SUBMIT } from './render.js';
import type { TeamsResponder } from './respond.js';
import type { ConversationPacer } from './sender.js';

/** Activity types that a turn's sendActivity does not post to the conversation. */
const NOT_SENT = new Set<string>([ActivityTypes.InvokeResponse, ActivityTypes.Trace, 'delay']);

/**
 * Teams' side of the conversation: one turn of botbuilder's CloudAdapter becomes one neutral event —
 * installs, typed words, button clicks (Action.Execute invokes and Action.Submit messages alike) and card
 * form submissions — and its answer goes back through the responder.
 */
export function teamsTurnLogic(options: {
  conversation: Conversation;
  addresses: TeamsAddressBook;
  respond: TeamsResponder;
  log: Logger;
  /** The outbox's per-conversation pacer: replies within a turn are counted in it (they do not wait). */
  pacer?: ConversationPacer;
}): (context: TurnContext) => Promise<void> {
  const { conversation, addresses, respond, log, pacer } = options;

  /** Replies in this turn go out at once; they count against the conversation's windows that the outbox keeps. */
  function countReplies(context: TurnContext): void {
    const conversationId = context.activity?.conversation?.id;
    if (!pacer || typeof conversationId !== 'string') return;
    context.onSendActivities(async (_context, activities, next) => {
      // An invoke response is the answer to Teams' own request, and a trace or a delay never leaves the bot.
      const requests = activities.filter((a) => !NOT_SENT.has(a.type ?? ''));
      const answered = requests.map(() => pacer.note(conversationId));
      try {
        return await next();
      } finally {
        for (const done of answered) done();
      }
    });
  }

  /** Saves where this person or channel can be reached; the serialized reference is their address. */
  async function remember(context: TurnContext, activity: InboundActivity, tenantId: string, id: string) {
    const reference = referenceOf(context, activity);
    return reference ? addresses.remember(tenantId, id, reference) : undefined;
  }

  async function actorOf(context: TurnContext, activity: InboundActivity, tenantId: string): Promise<Actor> {
    const identity = personOf(activity, tenantId);
    const personal = scopeOf(activity) === 'personal';
    const address = personal ? await remember(context, activity, tenantId, identity.userId) : undefined;
    const timezone = timezoneOf(activity);
    const locale = localeOf(activity);
    return {
      identity,
      ...(activity.from.name ? { name: activity.from.name } : {}),
      ...(timezone ? { timezone } : {}),
      ...(locale ? { locale } : {}),
      ...(address ? { address } : {}),
      // Asked only once the person accepts consent: their name and email from the conversation's roster.
      lookUpProfile: async (): Promise<ProfileUpdate> => {
        const member = await TeamsInfo.getMember(context, activity.from.id);
        const email = member.email || member.userPrincipalName;
        // No email on the roster: the one a roster import enrolled them with stays.
        return {
          ...(member.name ? { displayName: member.name } : {}),
          ...(email ? { email } : {}),
        };
      },
    };
  }

  async function placeOf(context: TurnContext, activity: InboundActivity, tenantId: string): Promise<Place> {
    const scope = scopeOf(activity);
    if (scope === 'personal') return { kind: 'dm' };
    if (scope === 'groupChat') return { kind: 'group' };
    const channelId = channelIdOf(activity);
    const address = await remember(context, activity, tenantId, channelId);
    const channel: Identity = { platform: 'teams', workspaceId: tenantId, userId: channelId };
    return { kind: 'channel', channel, ...(address ? { address } : {}) };
  }

  /** The Entra object id of a Teams user id: from what the bot has seen, else from the conversation's roster. */
  async function aadOf(context: TurnContext, tenantId: string, teamsId: string): Promise<string | null> {
    const known = await addresses.aadOf(tenantId, teamsId);
    if (known) return known;
    try {
      return (await TeamsInfo.getMember(context, teamsId)).aadObjectId ?? null;
    } catch {
      return null;
    }
  }

  /**
   * The bot added to or removed from a team: the team is remembered (or forgotten) so that a roster import can
   * read its member list and reach its members, also those who never opened the app.
   */
  async function teamInstall(activity: InboundActivity, tenantId: string, added: boolean): Promise<void> {
    const teamId = teamIdOf(activity);
    if (!teamId) return;
    const changed = added
      ? await addresses.rememberTeam({
          tenantId,
          teamId,
          serviceUrl: activity.serviceUrl,
          botId: activity.recipient.id,
        })
      : await addresses.forgetTeam(tenantId, teamId);
    if (changed)
      log.info(added ? 'installed in a team: its members can be found by a roster' : 'removed from a team');
  }

  /** People @mentioned in typed words (other than the bot), in order, with the names Teams showed. */
  async function mentionsIn(context: TurnContext, activity: InboundActivity, tenantId: string) {
    const mentions: Identity[] = [];
    const mentionNames: Record<string, string> = {};
    for (const entity of activity.entities ?? []) {
      const who = entity.type === 'mention' ? entity.mentioned : undefined;
      if (!who || who.id === activity.recipient.id) continue;
      const aad = await aadOf(context, tenantId, who.id);
      if (!aad) continue;
      mentions.push({ platform: 'teams', workspaceId: tenantId, userId: aad });
      if (who.name) mentionNames[aad] = who.name;
    }
    return { mentions, mentionNames };
  }

  /** Names of the people picked in a submitted form (team members the form listed), for the answer's words. */
  async function pickedNames(
    context: TurnContext,
    tenantId: string,
    values: Record<string, string | undefined>,
  ) {
    const names: Record<string, string> = {};
    for (const value of Object.values(values)) {
      const member = value ? await addresses.member(tenantId, value) : null;
      if (!value || !member) continue;
      try {
        const found = await TeamsInfo.getMember(context, member.id);
        if (found.name) names[value] = found.name;
      } catch {
        // Without the name the answer says less; it is not wrong.
      }
    }
    return names;
  }

  /** A button or a card form, from an Action.Execute invoke or an Action.Submit message. */
  async function cardEvent(
    context: TurnContext,
    tenantId: string,
    raw: unknown,
    base: Pick<InboundEvent, 'actor' | 'place' | 'deliveryId'>,
    messageKey?: string,
  ) {
    const parsed = parseCardData(raw);
    if (!parsed) return null;
    const { data, inputs } = parsed;
    const key = messageKey ? { messageKey } : {};
    if (data.a === SUBMIT) {
      const people = await pickedNames(context, tenantId, inputs);
      // A form sent as a card of its own answers the message it was opened from.
      const origin = data.o ? { messageKey: `${context.activity.conversation.id}:${data.o}` } : key;
      return {
        ...base,
        ...origin,
        type: 'submit' as const,
        formId: data.f!,
        state: data.s!,
        values: inputs,
        ...(Object.keys(people).length > 0 ? { people } : {}),
      };
    }
    return {
      ...base,
      ...key,
      type: 'action' as const,
      action: data.a,
      ref: data.r!,
      ...(data.v === undefined ? {} : { value: data.v }),
    };
  }

  return async (context) => {
    countReplies(context);
    const parsed = inboundActivitySchema.safeParse(context.activity);
    if (!parsed.success) {
      log.warn(
        { issues: parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5) },
        'Teams activity ignored: unexpected shape',
      );
      if (context.activity.type === ActivityTypes.Invoke)
        await respond.invokeError(context, 'unexpected activity');
      return;
    }
    const activity = parsed.data;
    const tenantId = tenantOf(activity);
    if (!tenantId) {
      log.warn({ type: activity.type }, 'Teams activity ignored: no tenant');
      if (activity.type === ActivityTypes.Invoke) await respond.invokeError(context, 'no tenant');
      return;
    }
    await addresses.rememberTenant(tenantId, {
      serviceUrl: activity.serviceUrl,
      botId: activity.recipient.id,
    });
    const base = {
      actor: await actorOf(context, activity, tenantId),
      place: await placeOf(context, activity, tenantId),
      ...(activity.id ? { deliveryId: `teams:${activity.conversation.id}:${activity.id}` } : {}),
    };
    const messageKey = activity.replyToId ? `${activity.conversation.id}:${activity.replyToId}` : undefined;
    switch (activity.type) {
      case ActivityTypes.ConversationUpdate: {
        const type = includesBot(activity, activity.membersAdded)
          ? 'installed'
          : includesBot(activity, activity.membersRemoved)
            ? 'removed'
            : null;
        if (type) await teamInstall(activity, tenantId, type === 'installed');
        if (type) await respond.turn(context, await conversation.handle({ ...base, type }));
        return;
      }
      case ActivityTypes.InstallationUpdate:
        // An add in a team is remembered here too (its conversationUpdate may come later or not at all).
        if (scopeOf(activity) !== 'personal' && activity.action)
          await teamInstall(activity, tenantId, activity.action.startsWith('add'));
        // Removing the app from a 1:1 is the same as blocking it; an add comes with its conversationUpdate.
        if (scopeOf(activity) === 'personal' && activity.action?.startsWith('remove'))
          await respond.turn(context, await conversation.handle({ ...base, type: 'removed' }));
        return;
      case ActivityTypes.Invoke: {
        if (activity.name !== 'adaptiveCard/action') {
          // Nothing else is offered: a client error, not the adapter's 501.
          await respond.invokeError(context, `unsupported invoke ${activity.name ?? '(no name)'}`);
          return;
        }
        const invoke = executeInvokeSchema.safeParse(activity.value);
        const event = invoke.success
          ? await cardEvent(context, tenantId, invoke.data.action.data, base, messageKey)
          : null;
        const verbMatches =
          invoke.success &&
          event &&
          invoke.data.action.verb === (event.type === 'submit' ? SUBMIT : event.action);
        if (!event || !verbMatches) {
          log.warn('card action rejected');
          const t = await conversation.words(base.actor.identity);
          await respond.invoke(
            context,
            { reply: { kind: 'say', text: t('common.buttonInvalid') } },
            activity,
          );
          return;
        }
        await respond.invoke(context, await conversation.handle(event), activity);
        return;
      }
      case ActivityTypes.Message: {
        // A message in a team shows the bot is there: a team it was added to before it kept a list is found too.
        if (scopeOf(activity) === 'channel') await teamInstall(activity, tenantId, true);
        const typed = typedText(activity);
        if (activity.value !== undefined && !typed) {
          // Action.Submit from a client without Universal Actions: the same handler, answered by message.
          const event = await cardEvent(context, tenantId, activity.value, base, messageKey);
          if (!event) {
            const t = await conversation.words(base.actor.identity);
            await respond.submitted(
              context,
              { reply: { kind: 'say', text: t('common.buttonInvalid') } },
              activity,
            );
            return;
          }
          const origin = parseCardData(activity.value)?.data.o;
          await respond.submitted(context, await conversation.handle(event), activity, origin);
          return;
        }
        const { mentions, mentionNames } = await mentionsIn(context, activity, tenantId);
        const answer = await conversation.handle({
          ...base,
          type: 'text',
          text: typed,
          messageId: activity.id ?? randomUUID(),
          ...(mentions.length > 0 ? { mentions, mentionNames } : {}),
        });
        await respond.turn(context, answer);
        return;
      }
      default:
        return;
    }
  };
}
