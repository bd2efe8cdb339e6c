import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { type App, isValidSlackRequest } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Conversation } from '../../app/conversation/conversation.js';
import type { Actor, InboundEvent, Place } from '../../app/conversation/events.js';
import type { Answer } from '../../app/conversation/replies.js';
import type { RequestListener } from '../../app/ports.js';
import type { ProfileUpdate } from '../../app/service.js';
import type { Identity } from '../../core/participant.js';
import { readBody, answer as reply } from '../../http/body.js';
import type { Logger } from '../../logger.js';
import {
  ACTION_ID_PATTERN,
  buttonValueSchema,
  decodeActionId,
  modalMetadataSchema,
  pickedUsers,
  readModalValues,
} from './render.js';
import type { CommandAck, SlackPlace, SlackResponder, ViewAck } from './respond.js';

// ---- payload shapes, checked at the edge -------------------------------------------------------------

const commandSchema = z.object({
  command: z.string(),
  text: z.string().max(4000).default(''),
  user_id: z.string().min(1).max(64),
  team_id: z.string().min(1).max(64),
  trigger_id: z.string().max(255).optional(),
  channel_id: z.string().max(64).optional(),
});

const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1).max(64), team_id: z.string().max(64).optional() }),
  team: z.object({ id: z.string().min(1).max(64) }).nullish(),
  trigger_id: z.string().max(255).optional(),
  response_url: z.url().max(2048).optional(),
  container: z
    .object({
      type: z.string().optional(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
  actions: z
    .array(
      z.object({ action_id: z.string().regex(ACTION_ID_PATTERN), value: z.string().max(2000).optional() }),
    )
    .length(1),
});

const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1).max(64), team_id: z.string().max(64).optional() }),
  team: z.object({ id: z.string().min(1).max(64) }).nullish(),
  view: z.object({
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).default(''),
    state: z.unknown(),
  }),
});

const imMessageSchema = z.object({
  type: z.literal('message'),
  channel_type: z.literal('im'),
  user: z.string().min(1).max(64),
  text: z.string().max(40_000).default(''),
  ts: z.string().max(64),
  channel: z.string().max(64),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
});

const homeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1).max(64),
  tab: z.string().optional(),
});

const userInfoSchema = z.object({
  user: z.object({
    tz: z.string().optional(),
    /** With `include_locale`: the language of the person's Slack client, e.g. de-DE. */
    locale: z.string().max(35).optional(),
    real_name: z.string().optional(),
    profile: z.object({ email: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

const MENTION = /<@([UW][A-Z0-9]{1,30})(?:\|([^>]*))?>/g;

const json = (raw: string): unknown => {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
};

/**
 * Slack's side of the conversation: Bolt listeners that turn commands, events, button clicks and modal
 * submissions into neutral events, and hand the answers to the responder.
 */
export function registerSlackInbound(
  app: App,
  options: { client: WebClient; conversation: Conversation; respond: SlackResponder; log: Logger },
): void {
  const { client, conversation, respond, log } = options;

  const identityOf = (teamId: string, userId: string): Identity => ({
    platform: 'slack',
    workspaceId: teamId,
    userId,
  });

  function actorOf(identity: Identity): Actor {
    return {
      identity,
      mention: `<@${identity.userId}>`,
      // Asked only once the person accepts consent.
      lookUpProfile: async (): Promise<ProfileUpdate> => {
        const info = userInfoSchema.parse(
          await client.users.info({ user: identity.userId, include_locale: true }),
        );
        return {
          ...(info.user.tz ? { timezone: info.user.tz } : {}),
          ...(info.user.locale ? { locale: info.user.locale } : {}),
          email: info.user.profile?.email ?? null,
          displayName: info.user.real_name ?? info.user.profile?.real_name ?? null,
        };
      },
    };
  }

  function placeOf(teamId: string, channel: string | undefined): Place {
    // Slack channel ids: D… direct messages, C…/G… channels.
    return channel && /^[CG]/.test(channel)
      ? { kind: 'channel', channel: { platform: 'slack', workspaceId: teamId, userId: channel } }
      : { kind: 'dm' };
  }

  async function handle(event: InboundEvent): Promise<Answer> {
    return conversation.handle(event);
  }

  async function refuse(place: SlackPlace, reason: string): Promise<void> {
    log.warn({ reason }, 'Slack request refused at the edge');
    const t = await conversation.words(place.identity);
    await respond.action({ reply: { kind: 'say', text: t('common.buttonInvalid') } }, place);
  }

  // ---- /coach -----------------------------------------------------------------------------------------
  app.command('/coach', async ({ command, ack }) => {
    const parsed = commandSchema.safeParse(command);
    if (!parsed.success) {
      const t = await conversation.words(null);
      await ack({ response_type: 'ephemeral', text: t('common.requestUnreadable') });
      return;
    }
    const {
      user_id: userId,
      team_id: teamId,
      text,
      trigger_id: triggerId,
      channel_id: channel,
    } = parsed.data;
    const identity = identityOf(teamId, userId);
    const mentionNames: Record<string, string> = {};
    const mentions = [...text.matchAll(MENTION)].map((m) => {
      if (m[2]) mentionNames[m[1]!] = m[2];
      return identityOf(teamId, m[1]!);
    });
    const answer = await handle({
      type: 'command',
      actor: actorOf(identity),
      place: placeOf(teamId, channel),
      text: text.replace(MENTION, ' ').trim() || text,
      ...(mentions.length > 0 ? { mentions, mentionNames } : {}),
    });
    await respond.command(
      answer,
      { identity, ...(channel ? { channel } : {}), ...(triggerId ? { triggerId } : {}) },
      ack as CommandAck,
    );
  });

  // ---- events: the DM and the App Home ------------------------------------------------------------------
  app.event('app_home_opened', async ({ event, body }) => {
    const parsed = homeOpenedSchema.safeParse(event);
    const teamId = (body as { team_id?: string }).team_id;
    const eventId = (body as { event_id?: string }).event_id;
    if (!parsed.success || !teamId || parsed.data.tab === 'messages') return;
    const identity = identityOf(teamId, parsed.data.user);
    const answer = await handle({
      type: 'opened',
      actor: actorOf(identity),
      place: { kind: 'dm' },
      ...(eventId ? { deliveryId: `slack:${eventId}` } : {}),
    });
    await respond.event(answer, { identity });
  });

  app.event('message', async ({ event, body }) => {
    const parsed = imMessageSchema.safeParse(event);
    const teamId = (body as { team_id?: string }).team_id;
    const eventId = (body as { event_id?: string }).event_id;
    if (!parsed.success || !teamId || parsed.data.bot_id || parsed.data.subtype) return;
    const identity = identityOf(teamId, parsed.data.user);
    const answer = await handle({
      type: 'text',
      actor: actorOf(identity),
      place: { kind: 'dm' },
      text: parsed.data.text,
      messageId: parsed.data.ts,
      ...(eventId ? { deliveryId: `slack:${eventId}` } : {}),
    });
    await respond.event(answer, { identity, channel: parsed.data.channel });
  });

  // ---- buttons --------------------------------------------------------------------------------------------
  app.action(ACTION_ID_PATTERN, async ({ body, ack }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.length }, 'block action payload rejected');
      return;
    }
    const payload = parsed.data;
    const teamId = payload.team?.id ?? payload.user.team_id;
    if (!teamId) return;
    const action = payload.actions[0]!;
    const channel = payload.container?.channel_id ?? payload.channel?.id;
    const ts = payload.container?.message_ts ?? payload.message?.ts;
    const identity = identityOf(teamId, payload.user.id);
    const place: SlackPlace = {
      identity,
      ...(channel ? { channel } : {}),
      ...(channel && ts ? { messageKey: `${channel}:${ts}` } : {}),
      ...(payload.container?.is_ephemeral ? { ephemeral: true } : {}),
      ...(payload.response_url ? { responseUrl: payload.response_url } : {}),
      ...(payload.trigger_id ? { triggerId: payload.trigger_id } : {}),
    };
    const name = decodeActionId(action.action_id);
    const value = buttonValueSchema.safeParse(json(action.value ?? '{}'));
    if (!name || !value.success) return refuse(place, 'button value');
    const answer = await handle({
      type: 'action',
      actor: actorOf(identity),
      place: placeOf(teamId, channel),
      action: name,
      ref: value.data.r,
      ...(value.data.v !== undefined ? { value: value.data.v } : {}),
      ...(place.messageKey ? { messageKey: place.messageKey } : {}),
      ...(payload.container?.type === 'view' ? { onStatus: true } : {}),
    });
    await respond.action(answer, place);
  });

  // ---- modals -----------------------------------------------------------------------------------------------
  app.view(/^form:/, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const teamId = parsed.success ? (parsed.data.team?.id ?? parsed.data.user.team_id) : undefined;
    let values: ReturnType<typeof readModalValues> | null = null;
    try {
      values = parsed.success ? readModalValues(parsed.data.view.state) : null;
    } catch {
      values = null;
    }
    const rawMetadata = parsed.success ? parsed.data.view.private_metadata : '';
    // A modal without metadata (opened before it carried any) submits with an empty state.
    const metadata = modalMetadataSchema.safeParse(rawMetadata === '' ? { s: '' } : json(rawMetadata));
    if (!parsed.success || !teamId || !values || !metadata.success) {
      const t = await conversation.words(null);
      const first = values ? Object.keys(values)[0] : undefined;
      await (ack as ViewAck)(
        first ? { response_action: 'errors', errors: { [first]: t('common.formUnreadable') } } : undefined,
      );
      return;
    }
    const identity = identityOf(teamId, parsed.data.user.id);
    const origin = metadata.data.o;
    const [originChannel] = origin?.split(':') ?? [];
    const firstField = Object.keys(values)[0];
    const answer = await handle({
      type: 'submit',
      actor: actorOf(identity),
      place: placeOf(teamId, originChannel),
      formId: parsed.data.view.callback_id.slice('form:'.length),
      values,
      state: metadata.data.s,
      ...(origin ? { messageKey: origin } : {}),
      people: pickedUsers(parsed.data.view.state),
    });
    await respond.submit(
      answer,
      { identity, ...(origin ? { messageKey: origin } : {}), ...(firstField ? { firstField } : {}) },
      ack as ViewAck,
    );
  });

  // Anything else that is signed but not ours: acknowledged at once, so Slack does not wait three seconds.
  app.action(/^(?!cl:[a-z]+\.[a-z]+:\d+$)/, async ({ ack }) => {
    await ack();
  });

  app.error(async (error) => {
    log.error({ err: error.message }, 'unhandled Slack error');
  });
}

/**
 * In front of Bolt's receiver: the body is read once, within its limit (a larger one gets 413 and the
 * connection closes, so the next request is not reset), and a signed form post that is neither a command
 * nor an interaction gets 400 at once instead of Bolt's 404 after three seconds. Bolt reads the same body.
 */
export function slackFrontDoor(
  bolt: RequestListener,
  options: { signingSecret: string; bodyLimitBytes: number; log: Logger },
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const raw = await readBody(req, options.bodyLimitBytes);
      if (raw === 'too_large') return reply(res, 413, { error: 'request too large' }, { close: true });
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      if (req.headers['content-type'] === 'application/x-www-form-urlencoded') {
        const form = parseForm(raw.toString('utf8'));
        const signed = isValidSlackRequest({
          signingSecret: options.signingSecret,
          body: raw.toString('utf8'),
          headers: {
            'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
            'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp'] ?? 0),
          },
        });
        if (
          signed &&
          form.command === undefined &&
          form.payload === undefined &&
          form.ssl_check === undefined
        ) {
          options.log.warn('signed form post that is neither a command nor an interaction');
          return reply(res, 400, { error: 'neither a command nor an interaction' });
        }
      }
      bolt(req, res);
    })().catch((error: Error) => {
      options.log.warn({ err: error.message }, 'Slack request could not be read');
      reply(res, 400, { error: 'unreadable request' }, { close: true });
    });
  };
}
