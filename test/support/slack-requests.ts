/**
 * Signed inbound Slack requests for exercising the Bolt HTTP receiver over real HTTP.
 *
 * Bodies and headers match what Slack sends: slash commands as plain form fields,
 * interactivity as a `payload=<json>` form field, events as a JSON `event_callback`
 * envelope. Self-contained: node built-ins and global fetch only.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** `v0=<hex HMAC-SHA256(signingSecret, "v0:" + timestamp + ":" + rawBody)>` */
export function signSlackRequest(signingSecret: string, rawBody: string, timestampSeconds: number): string {
  const hmac = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return `v0=${hmac}`;
}

export interface InboundResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** Parsed JSON body; `undefined` for an empty body; throws on non-JSON text. */
  json(): unknown;
}

/**
 * Per-call signing override.
 * - `timestamp`: seconds used in the header AND the signature (e.g. 10 minutes ago → stale).
 * - `signature`: sent verbatim instead of the computed one (bad signature).
 * - `omit`: send no signature / timestamp headers at all.
 */
export interface SignOverride {
  timestamp?: number;
  signature?: string;
  omit?: boolean;
}

export interface InboundCallOptions {
  sign?: SignOverride;
  /** Extra headers (override the computed ones). */
  headers?: Record<string, string>;
}

export interface SlackInboundOptions {
  /** Receiver endpoint, e.g. `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  signingSecret: string;
  /** Default `T0001`. */
  teamId?: string;
  /** Default `coachloop-test`. */
  teamDomain?: string;
  /** Default `A0SIM`. */
  apiAppId?: string;
  /** Bot user id used in event `authorizations`. Default `UBOT`. */
  botUserId?: string;
  /** Legacy verification token placed in bodies. Default `verification-token`. */
  verificationToken?: string;
  /** Base for generated `response_url`s (e.g. a simulator's `responseUrlBase`). Default `https://hooks.slack.com/`. */
  responseUrlBase?: string;
  /** Channel used when a call does not name one. Default `C0COACHING`. */
  defaultChannelId?: string;
  /** Clock in milliseconds. Default `Date.now`. */
  now?: () => number;
}

export interface BlockActionInput {
  action_id: string;
  block_id?: string;
  value?: string;
  selected_option?: { value: string; text?: { type: 'plain_text'; text: string } };
  type?: string;
  [key: string]: unknown;
}

export interface BlockActionContext {
  channelId?: string;
  messageTs?: string;
  /** Message fields to include (text, blocks, metadata…) when `messageTs` is given. */
  message?: Record<string, unknown>;
  /** A view (partial is fine: defaults are filled in); the container becomes that view. */
  view?: Record<string, unknown>;
  triggerId?: string;
  /** Current input state for the message or view. */
  stateValues?: Record<string, Record<string, unknown>>;
}

export interface ViewSubmissionInput {
  callback_id: string;
  id?: string;
  private_metadata?: string;
  external_id?: string;
  hash?: string;
  state: { values: Record<string, Record<string, unknown>> };
  [key: string]: unknown;
}

export interface EventOptions extends InboundCallOptions {
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
  /** Seconds; default now. */
  eventTime?: number;
}

// ---------------------------------------------------------------------------
// state.values helpers
// ---------------------------------------------------------------------------

export function plainInput(value: string | null): Record<string, unknown> {
  return { type: 'plain_text_input', value };
}

export function staticSelect(value: string, text?: string): Record<string, unknown> {
  return {
    type: 'static_select',
    selected_option: { text: { type: 'plain_text', text: text ?? value, emoji: true }, value },
  };
}

export function multiStaticSelect(values: string[]): Record<string, unknown> {
  return {
    type: 'multi_static_select',
    selected_options: values.map((value) => ({
      text: { type: 'plain_text', text: value, emoji: true },
      value,
    })),
  };
}

/** `date` as `YYYY-MM-DD`. */
export function datePicker(date: string | null): Record<string, unknown> {
  return { type: 'datepicker', selected_date: date };
}

/** `time` as `HH:mm`. */
export function timePicker(time: string | null, timezone?: string): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'timepicker', selected_time: time };
  if (timezone !== undefined) out.timezone = timezone;
  return out;
}

/** Slack sends number inputs as strings. */
export function numberInput(value: number | string | null): Record<string, unknown> {
  return { type: 'number_input', value: value === null ? null : String(value) };
}

export function checkboxes(values: string[]): Record<string, unknown> {
  return {
    type: 'checkboxes',
    selected_options: values.map((value) => ({
      text: { type: 'plain_text', text: value, emoji: true },
      value,
    })),
  };
}

export function radioButtons(value: string | null): Record<string, unknown> {
  return {
    type: 'radio_buttons',
    selected_option:
      value === null ? null : { text: { type: 'plain_text', text: value, emoji: true }, value },
  };
}

export function usersSelect(userId: string | null): Record<string, unknown> {
  return { type: 'users_select', selected_user: userId };
}

export function conversationsSelect(conversationId: string | null): Record<string, unknown> {
  return { type: 'conversations_select', selected_conversation: conversationId };
}

// ---------------------------------------------------------------------------
// SlackInbound
// ---------------------------------------------------------------------------

export class SlackInbound {
  readonly url: string;
  readonly signingSecret: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly apiAppId: string;
  readonly botUserId: string;
  readonly verificationToken: string;
  readonly responseUrlBase: string;
  readonly defaultChannelId: string;
  private readonly now: () => number;
  private counter = 0;
  /** The trigger_id of the last command / block action / view submission sent. */
  lastTriggerId: string | undefined;
  /** The response_url of the last command / block action sent. */
  lastResponseUrl: string | undefined;

  constructor(opts: SlackInboundOptions) {
    this.url = opts.url;
    this.signingSecret = opts.signingSecret;
    this.teamId = opts.teamId ?? 'T0001';
    this.teamDomain = opts.teamDomain ?? 'coachloop-test';
    this.apiAppId = opts.apiAppId ?? 'A0SIM';
    this.botUserId = opts.botUserId ?? 'UBOT';
    this.verificationToken = opts.verificationToken ?? 'verification-token';
    this.responseUrlBase = opts.responseUrlBase ?? 'https://hooks.slack.com/';
    this.defaultChannelId = opts.defaultChannelId ?? 'C0COACHING';
    this.now = opts.now ?? Date.now;
  }

  /** A fresh trigger id shaped like Slack's (`<digits>.<digits>.<hex>`). */
  newTriggerId(): string {
    this.counter += 1;
    const id = `${Math.floor(this.now() / 1000)}${this.counter}.${this.teamId.replace(/\D/g, '') || '1'}.${randomBytes(16).toString('hex')}`;
    this.lastTriggerId = id;
    return id;
  }

  private newResponseUrl(kind: 'commands' | 'actions'): string {
    const base = this.responseUrlBase.endsWith('/') ? this.responseUrlBase : `${this.responseUrlBase}/`;
    const url = `${base}${kind}/${this.teamId}/${Date.now()}${++this.counter}/${randomBytes(12).toString('hex')}`;
    this.lastResponseUrl = url;
    return url;
  }

  private userShape(userId: string): Record<string, unknown> {
    return { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: this.teamId };
  }

  /** Fills in the fields Slack includes on a view object. */
  buildView(partial: Record<string, unknown>): Record<string, unknown> {
    const id = typeof partial.id === 'string' ? partial.id : `V${String(++this.counter).padStart(8, '0')}`;
    return {
      id,
      team_id: this.teamId,
      type: 'modal',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
      hash: `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'Modal', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: id,
      app_id: this.apiAppId,
      external_id: '',
      app_installed_team_id: this.teamId,
      bot_id: 'BBOT',
      ...partial,
    };
  }

  /** Slash command, form-encoded exactly as Slack sends it. `extra` overrides/extends the fields. */
  command(
    command: string,
    text: string,
    userId: string,
    extra: Record<string, string> = {},
    opts: InboundCallOptions = {},
  ): Promise<InboundResponse> {
    const channelId = extra.channel_id ?? this.defaultChannelId;
    const fields: Record<string, string> = {
      token: this.verificationToken,
      team_id: this.teamId,
      team_domain: this.teamDomain,
      channel_id: channelId,
      channel_name: channelId.startsWith('D') ? 'directmessage' : 'coaching',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: command.startsWith('/') ? command : `/${command}`,
      text,
      api_app_id: this.apiAppId,
      is_enterprise_install: 'false',
      response_url: this.newResponseUrl('commands'),
      trigger_id: this.newTriggerId(),
      ...extra,
    };
    return this.postForm(new URLSearchParams(fields).toString(), opts);
  }

  /** `block_actions` interaction (`payload=<json>`). */
  blockAction(
    userId: string,
    action: BlockActionInput,
    context: BlockActionContext = {},
    opts: InboundCallOptions = {},
  ): Promise<InboundResponse> {
    const actionTs = (this.now() / 1000).toFixed(6);
    const type = action.type ?? (action.selected_option ? 'static_select' : 'button');
    const fullAction: Record<string, unknown> = {
      ...action,
      block_id: action.block_id ?? 'actions',
      action_ts: typeof action.action_ts === 'string' ? action.action_ts : actionTs,
      type,
    };
    if (type === 'button' && fullAction.text === undefined) {
      fullAction.text = { type: 'plain_text', text: action.value ?? action.action_id, emoji: true };
    }
    if (
      fullAction.selected_option &&
      isRecord(fullAction.selected_option) &&
      fullAction.selected_option.text === undefined
    ) {
      const v = String(fullAction.selected_option.value);
      fullAction.selected_option = { text: { type: 'plain_text', text: v, emoji: true }, value: v };
    }
    const triggerId = context.triggerId ?? this.newTriggerId();
    this.lastTriggerId = triggerId;
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      user: this.userShape(userId),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: triggerId,
      team: { id: this.teamId, domain: this.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      actions: [fullAction],
    };
    if (context.view) {
      const view = this.buildView(context.view);
      if (context.stateValues) view.state = { values: context.stateValues };
      payload.view = view;
      payload.container = { type: 'view', view_id: view.id };
    } else {
      const channelId = context.channelId ?? this.defaultChannelId;
      payload.channel = { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'coaching' };
      if (context.messageTs) {
        payload.container = {
          type: 'message',
          message_ts: context.messageTs,
          channel_id: channelId,
          is_ephemeral: false,
        };
        payload.message = {
          type: 'message',
          subtype: 'bot_message',
          text: '',
          ts: context.messageTs,
          bot_id: 'BBOT',
          user: this.botUserId,
          ...context.message,
        };
      } else {
        payload.container = { type: 'message', channel_id: channelId, is_ephemeral: true };
      }
      payload.state = { values: context.stateValues ?? {} };
      payload.response_url = this.newResponseUrl('actions');
    }
    return this.postPayload(payload, opts);
  }

  /** `view_submission` interaction. */
  viewSubmission(
    userId: string,
    view: ViewSubmissionInput,
    opts: InboundCallOptions = {},
  ): Promise<InboundResponse> {
    const payload = {
      type: 'view_submission',
      team: { id: this.teamId, domain: this.teamDomain },
      user: this.userShape(userId),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: this.newTriggerId(),
      view: this.buildView({
        ...view,
        submit: view.submit ?? { type: 'plain_text', text: 'Submit', emoji: true },
      }),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    return this.postPayload(payload, opts);
  }

  /** `view_closed` interaction (sent only for views opened with `notify_on_close: true`). */
  viewClosed(
    userId: string,
    view: { callback_id: string; id?: string; private_metadata?: string; [key: string]: unknown },
    isCleared = false,
    opts: InboundCallOptions = {},
  ): Promise<InboundResponse> {
    const payload = {
      type: 'view_closed',
      team: { id: this.teamId, domain: this.teamDomain },
      user: this.userShape(userId),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      view: this.buildView({ notify_on_close: true, ...view }),
      is_cleared: isCleared,
      is_enterprise_install: false,
      enterprise: null,
    };
    return this.postPayload(payload, opts);
  }

  /**
   * Events API `event_callback` envelope. `event_ts` is filled in when missing.
   * Retries add `X-Slack-Retry-Num` / `X-Slack-Retry-Reason`.
   */
  event(event: Record<string, unknown>, opts: EventOptions = {}): Promise<InboundResponse> {
    const nowSec = this.now() / 1000;
    this.counter += 1;
    const envelope = {
      token: this.verificationToken,
      team_id: this.teamId,
      api_app_id: this.apiAppId,
      event: { event_ts: nowSec.toFixed(6), ...event },
      type: 'event_callback',
      event_id:
        opts.eventId ??
        `Ev${String(this.counter).padStart(8, '0')}${randomBytes(3).toString('hex').toUpperCase()}`,
      event_time: opts.eventTime ?? Math.floor(nowSec),
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.teamId,
          user_id: this.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    };
    const headers: Record<string, string> = {};
    if (opts.retryNum !== undefined) headers['x-slack-retry-num'] = String(opts.retryNum);
    if (opts.retryReason !== undefined) headers['x-slack-retry-reason'] = opts.retryReason;
    return this.send(JSON.stringify(envelope), 'application/json', {
      sign: opts.sign,
      headers: { ...headers, ...opts.headers },
    });
  }

  /** `url_verification` handshake. */
  urlVerification(challenge: string, opts: InboundCallOptions = {}): Promise<InboundResponse> {
    const body = JSON.stringify({ token: this.verificationToken, challenge, type: 'url_verification' });
    return this.send(body, 'application/json', opts);
  }

  /**
   * Sends `body` as-is. Signed with the current timestamp unless `sign.omit` is set; `headers`
   * are applied last, so they can replace any computed header (content-type, signature…).
   * No content-type is added unless given.
   */
  raw(
    body: string,
    headers: Record<string, string> = {},
    opts: { sign?: SignOverride } = {},
  ): Promise<InboundResponse> {
    return this.send(body, undefined, { sign: opts.sign, headers });
  }

  private postForm(body: string, opts: InboundCallOptions): Promise<InboundResponse> {
    // Exactly this content type: Bolt rejects `; charset=utf-8`.
    return this.send(body, 'application/x-www-form-urlencoded', opts);
  }

  private postPayload(payload: Record<string, unknown>, opts: InboundCallOptions): Promise<InboundResponse> {
    return this.postForm(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), opts);
  }

  private async send(
    body: string,
    contentType: string | undefined,
    opts: InboundCallOptions,
  ): Promise<InboundResponse> {
    const headers: Record<string, string> = {};
    if (contentType !== undefined) headers['content-type'] = contentType;
    const sign = opts.sign ?? {};
    if (!sign.omit) {
      const ts = sign.timestamp ?? Math.floor(this.now() / 1000);
      headers['x-slack-request-timestamp'] = String(ts);
      headers['x-slack-signature'] = sign.signature ?? signSlackRequest(this.signingSecret, body, ts);
    }
    Object.assign(headers, opts.headers);
    const res = await fetch(this.url, { method: 'POST', headers, body });
    const text = await res.text();
    const outHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      outHeaders[k] = v;
    });
    return {
      status: res.status,
      body: text,
      headers: outHeaders,
      json: () => (text.trim() === '' ? undefined : JSON.parse(text)),
    };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
