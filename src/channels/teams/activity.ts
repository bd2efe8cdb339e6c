import { type ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Identity } from '../../core/participant.js';
import { timeZoneSchema } from '../../core/time.js';
import { baseConversationId, conversationReferenceSchema, type StoredReference } from './addresses.js';

/** Inbound activities, checked at the edge: only what the handlers read, with sane bounds. */
const accountSchema = z
  .object({
    id: z.string().min(1).max(512),
    name: z.string().max(512).optional(),
    aadObjectId: z.string().min(1).max(128).optional(),
  })
  .loose();

export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().min(1).max(512).optional(),
    channelId: z.literal('msteams'),
    serviceUrl: z.url().max(2048),
    name: z.string().max(200).optional(),
    text: z.string().max(20_000).optional(),
    value: z.unknown().optional(),
    replyToId: z.string().max(512).optional(),
    action: z.string().max(64).optional(),
    localTimezone: z.string().max(100).optional(),
    /** The language of the sender's Teams client (BCP 47), on every activity from a person. */
    locale: z.string().max(35).optional(),
    from: accountSchema,
    recipient: accountSchema,
    conversation: z
      .object({
        id: z.string().min(1).max(1024),
        conversationType: z.string().max(32).optional(),
        tenantId: z.string().max(128).optional(),
        isGroup: z.boolean().optional(),
      })
      .loose(),
    channelData: z
      .object({
        tenant: z
          .object({ id: z.string().min(1).max(128) })
          .loose()
          .optional(),
        team: z
          .object({ id: z.string().min(1).max(512), name: z.string().optional() })
          .loose()
          .optional(),
        channel: z
          .object({ id: z.string().min(1).max(512), name: z.string().optional() })
          .loose()
          .optional(),
        eventType: z.string().max(64).optional(),
      })
      .loose()
      .optional(),
    entities: z
      .array(
        z
          .object({
            type: z.string().max(64),
            mentioned: z
              .object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() })
              .loose()
              .optional(),
          })
          .loose(),
      )
      .max(50)
      .optional(),
    membersAdded: z.array(accountSchema).max(1000).optional(),
    membersRemoved: z.array(accountSchema).max(1000).optional(),
  })
  .loose();

export type InboundActivity = z.output<typeof inboundActivitySchema>;

/** The value of an `adaptiveCard/action` invoke (Action.Execute). */
export const executeInvokeSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.unknown(),
  }),
  trigger: z.string().optional(),
});

export type Scope = 'personal' | 'channel' | 'groupChat';

export function scopeOf(activity: InboundActivity): Scope {
  const type = activity.conversation.conversationType;
  if (type === 'personal') return 'personal';
  if (type === 'channel' || activity.channelData?.channel) return 'channel';
  return 'groupChat';
}

export function tenantOf(activity: InboundActivity): string | null {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? null;
}

/** A Teams person: their Microsoft Entra object id (stable across chats), else the Teams user id. */
export function personOf(activity: InboundActivity, tenantId: string): Identity {
  return { platform: 'teams', workspaceId: tenantId, userId: activity.from.aadObjectId ?? activity.from.id };
}

/** The channel a channel conversation is in (not the thread). */
export function channelIdOf(activity: InboundActivity): string {
  return activity.channelData?.channel?.id ?? baseConversationId(activity.conversation.id);
}

/** The team the activity happened in (its id is its General channel's thread id), if any. */
export function teamIdOf(activity: InboundActivity): string | null {
  return activity.channelData?.team?.id ?? null;
}

/** The sender's IANA time zone from the Teams client, when it is a real one. */
export function timezoneOf(activity: InboundActivity): string | undefined {
  const zone = activity.localTimezone;
  return zone && timeZoneSchema.safeParse(zone).success ? zone : undefined;
}

/** The sender's language from the Teams client, when it is a well-formed language tag. */
export function localeOf(activity: InboundActivity): string | undefined {
  const tag = activity.locale;
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The message text without the bot's @mention (channel messages carry `<at>coachloop</at>`). */
export function typedText(activity: InboundActivity): string {
  return (activity.text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The bot itself is among the members added or removed. */
export function includesBot(activity: InboundActivity, members: InboundActivity['membersAdded']): boolean {
  return (members ?? []).some((m) => m.id === activity.recipient.id);
}

/**
 * The reference for proactive messages to this conversation: botbuilder's, without the activity id, and
 * for a channel the channel itself rather than the thread the activity came from.
 */
export function referenceOf(context: TurnContext, activity: InboundActivity): StoredReference | null {
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(context.activity);
  const conversation = { ...(reference.conversation ?? {}) } as Record<string, unknown>;
  if (scopeOf(activity) === 'channel') conversation.id = channelIdOf(activity);
  const tenantId = tenantOf(activity);
  if (tenantId && !conversation.tenantId) conversation.tenantId = tenantId;
  const candidate = {
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation,
    // Only ids: a reference is kept for delivery, and names are not needed for that.
    ...(scopeOf(activity) === 'personal' && reference.user
      ? {
          user: {
            id: reference.user.id,
            ...(reference.user.aadObjectId ? { aadObjectId: reference.user.aadObjectId } : {}),
          },
        }
      : {}),
    ...(reference.bot ? { bot: { id: reference.bot.id } } : {}),
    ...(reference.locale ? { locale: reference.locale } : {}),
  };
  const parsed = conversationReferenceSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
