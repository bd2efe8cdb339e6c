import type { WebClient } from '@slack/web-api';
import type { Answer, Reply } from '../../app/conversation/replies.js';
import type { FormView, Message } from '../../core/messages.js';
import type { Identity } from '../../core/participant.js';
import type { Logger } from '../../logger.js';
import { modalErrors, renderHome, renderMessage, renderModal } from './render.js';

/** Where a Slack request came from, as far as answering it goes. */
export interface SlackPlace {
  identity: Identity;
  /** The conversation the request came from (a DM or a channel). */
  channel?: string;
  /** The message acted on, as `<channel>:<ts>`. */
  messageKey?: string;
  /** The message acted on was ephemeral: only its response_url can change it. */
  responseUrl?: string;
  ephemeral?: boolean;
  /** A trigger to open a modal with (it lives three seconds). */
  triggerId?: string;
  /** The first input of a submitted modal, where a message for the whole form can show. */
  firstField?: string;
}

export type ViewAck = (
  response?:
    | { response_action: 'errors'; errors: Record<string, string> }
    | { response_action: 'push' | 'update'; view: unknown }
    | { response_action: 'clear' },
) => Promise<void>;

export type CommandAck = (response?: {
  response_type: 'ephemeral';
  text: string;
  blocks?: unknown[];
}) => Promise<void>;

export interface SlackResponder {
  /** After a slash command (the ack carries the private answer). */
  command(answer: Answer, place: SlackPlace, ack: CommandAck): Promise<void>;
  /** After a button (acknowledged already; every answer is a Web API call). */
  action(answer: Answer, place: SlackPlace): Promise<void>;
  /** After a modal submission (the ack carries errors, the next page, or closes the stack). */
  submit(answer: Answer, place: SlackPlace, ack: ViewAck): Promise<void>;
  /** After typed text or an event (nothing to ack). */
  event(answer: Answer, place: SlackPlace): Promise<void>;
  /** The App Home tab, with an optional notice at the top. */
  publishHome(identity: Identity, notice?: string): Promise<void>;
}

/**
 * How coachloop's neutral answers show in Slack: ephemeral messages for private answers, modals for forms,
 * `chat.update` for the message acted on, the App Home tab as the status surface.
 */
export function slackResponder(options: {
  client: WebClient;
  log: Logger;
  status: (identity: Identity, notice?: string) => Promise<Message>;
}): SlackResponder {
  const { client, log } = options;

  const warn = (what: string) => (error: unknown) =>
    log.warn({ err: (error as Error).message }, `could not ${what}`);

  async function publishHome(identity: Identity, notice?: string): Promise<void> {
    const view = renderHome(await options.status(identity, notice));
    await client.views
      .publish({ user_id: identity.userId, view: view as never })
      .catch(warn('publish the home tab'));
  }

  async function ephemeral(place: SlackPlace, message: Message): Promise<void> {
    if (!place.channel) return;
    const rendered = renderMessage(message);
    await client.chat
      .postEphemeral({
        channel: place.channel,
        user: place.identity.userId,
        text: rendered.text,
        blocks: rendered.blocks as never,
      })
      .catch(warn('post an ephemeral reply'));
  }

  async function update(place: SlackPlace, message: Message): Promise<void> {
    const rendered = renderMessage(message);
    if (place.ephemeral && place.responseUrl) {
      // An ephemeral message changes only through its response_url.
      await fetch(place.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ replace_original: true, text: rendered.text, blocks: rendered.blocks }),
      }).catch(warn('update the ephemeral message'));
      return;
    }
    const [channel, ts] = splitKey(place.messageKey);
    if (!channel || !ts) return;
    // The answer is recorded already; a message that cannot change (deleted, too old) changes nothing.
    await client.chat
      .update({ channel, ts, text: rendered.text, blocks: rendered.blocks as never })
      .catch(warn('update the answered message'));
  }

  async function openForm(place: SlackPlace, form: FormView): Promise<void> {
    if (!place.triggerId) {
      // Typed words carry no trigger: offer a button that opens the form.
      if (form.opener) {
        await ephemeral(place, {
          text: form.title,
          blocks: [
            { type: 'text', text: `*${form.title}*` },
            { type: 'actions', actions: [form.opener] },
          ],
        });
      }
      return;
    }
    await client.views
      .open({ trigger_id: place.triggerId, view: renderModal(form, place.messageKey) as never })
      .catch(warn('open the form'));
  }

  /** What every kind of request does the same way once its own ack is settled. */
  async function show(reply: Reply, place: SlackPlace): Promise<void> {
    switch (reply.kind) {
      case 'say':
        if (!reply.courtesy)
          await ephemeral(place, { text: reply.text, blocks: [{ type: 'text', text: reply.text }] });
        return;
      case 'message':
        await ephemeral(place, reply.message);
        return;
      case 'update':
        await update(place, reply.message);
        if (reply.andOpen) await openForm(place, reply.andOpen);
        return;
      case 'form':
      case 'invalid':
      case 'next':
        await openForm(place, reply.form);
        return;
      case 'done':
        if (reply.outcome && place.messageKey) await update(place, reply.outcome);
        return;
      case 'nothing':
        return;
    }
  }

  async function afterwards(answer: Answer, place: SlackPlace): Promise<void> {
    if (answer.statusChanged) await publishHome(place.identity, answer.statusNotice);
  }

  return {
    publishHome,
    async command(answer, place, ack) {
      const { reply } = answer;
      if (reply.kind === 'say') await ack({ response_type: 'ephemeral', text: reply.text });
      else if (reply.kind === 'message') {
        const rendered = renderMessage(reply.message);
        await ack({ response_type: 'ephemeral', text: rendered.text, blocks: rendered.blocks });
      } else {
        await ack();
        await show(reply, place);
      }
      await afterwards(answer, place);
    },
    async action(answer, place) {
      const { reply } = answer;
      if (reply.kind === 'say' && !place.messageKey && !reply.courtesy) {
        // A button on the Home tab: the answer shows at the top of it.
        await publishHome(place.identity, reply.text);
        return;
      }
      await show(reply, place);
      await afterwards(answer, place);
    },
    async submit(answer, place, ack) {
      const { reply } = answer;
      switch (reply.kind) {
        case 'invalid':
          await ack({ response_action: 'errors', errors: modalErrors(reply.form) });
          return;
        case 'next':
          await ack({ response_action: 'push', view: renderModal(reply.form, place.messageKey) });
          return;
        case 'form':
          await ack({ response_action: 'update', view: renderModal(reply.form, place.messageKey) });
          return;
        case 'say':
          // A modal can only show words on one of its fields: the first.
          if (reply.courtesy || !place.firstField) await ack({ response_action: 'clear' });
          else await ack({ response_action: 'errors', errors: { [place.firstField]: reply.text } });
          return;
        default:
          await ack({ response_action: 'clear' });
          await show(reply, place);
          await afterwards(answer, place);
      }
    },
    async event(answer, place) {
      await show(answer.reply, place);
      await afterwards(answer, place);
    },
  };
}

function splitKey(key: string | undefined): [string | undefined, string | undefined] {
  if (!key) return [undefined, undefined];
  const at = key.indexOf(':');
  return at < 0 ? [undefined, undefined] : [key.slice(0, at), key.slice(at + 1)];
}
