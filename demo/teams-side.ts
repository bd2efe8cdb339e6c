/**
 * The Microsoft Teams side of the pilot: people in one Entra tenant. What people do is posted to the bot's
 * real /api/messages as Bot Framework activities (installs, typed messages, Action.Execute invokes); what
 * the bot sends goes to the local Bot Framework connector simulator named in the activities' serviceUrl.
 */
import { createHash } from 'node:crypto';
import type { Coachloop } from '../src/main.js';
import {
  type ConnectorSimulator,
  type JsonObject,
  postActivity,
  TEST_BOT_APP_ID,
  type TeamsActivityInput,
  teamsActivity,
} from '../test/simulators/botframework.js';
import type { Person } from './cast.js';
import type { Button, ClickResult, Form, FormStep, Incoming, PlatformSide } from './ui.js';

export const TENANT = '5f0c9a27-3b1e-4c8d-9a6f-1d2e3c4b5a60';
const CARD = 'application/vnd.microsoft.card.adaptive';

type Card = { body?: JsonObject[]; actions?: JsonObject[] };

export interface TeamsPerson {
  id: string;
  aadObjectId: string;
  conversationId: string;
}

/** A stable Teams identity per person: their Teams user id, Entra object id and 1:1 chat with the bot. */
export function teamsIdentity(p: Person): TeamsPerson {
  const hex = createHash('sha256').update(`coachloop-demo:${p.email}`).digest('hex');
  return {
    id: `29:1${hex.slice(0, 24)}`,
    aadObjectId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    conversationId: `a:1${hex.slice(24, 56)}`,
  };
}

function cardOf(activity: JsonObject): Card | undefined {
  const attachments = activity.attachments as { contentType?: string; content?: Card }[] | undefined;
  return attachments?.find((a) => a.contentType === CARD)?.content;
}

/** Every Action.Execute in a card, with its data. */
function executeActions(card: Card | undefined): { verb: string; title: string; data: JsonObject }[] {
  const found: { verb: string; title: string; data: JsonObject }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonObject;
    if (obj.type === 'Action.Execute')
      found.push({ verb: String(obj.verb), title: String(obj.title), data: (obj.data ?? {}) as JsonObject });
    for (const value of Object.values(obj)) visit(value);
  };
  visit(card);
  return found;
}

function textBlocks(card: Card | undefined): string[] {
  const parts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonObject;
    if (obj.type === 'TextBlock' && typeof obj.text === 'string') parts.push(obj.text);
    for (const value of Object.values(obj)) visit(value);
  };
  visit(card?.body);
  return parts;
}

function inputsOf(card: Card | undefined): JsonObject[] {
  return (card?.body ?? []).filter((e) => String(e.type).startsWith('Input.'));
}

export class TeamsSide implements PlatformSide {
  readonly platform = 'teams' as const;
  #cursor = 0;
  readonly #byConversation = new Map<string, Person>();

  constructor(
    readonly sim: ConnectorSimulator,
    readonly app: Coachloop,
    people: readonly Person[],
  ) {
    for (const p of people) {
      const who = teamsIdentity(p);
      this.#byConversation.set(who.conversationId, p);
      // The conversation roster the bot reads (name and email) once a person has accepted consent.
      sim.setMembers(who.conversationId, [
        {
          id: who.id,
          aadObjectId: who.aadObjectId,
          name: p.name,
          email: p.email,
          userPrincipalName: p.email,
        },
      ]);
    }
  }

  #activity(p: Person, input: Partial<TeamsActivityInput> & Pick<TeamsActivityInput, 'type'>): JsonObject {
    const who = teamsIdentity(p);
    return teamsActivity({
      from: { id: who.id, aadObjectId: who.aadObjectId, name: p.name },
      conversation: { id: who.conversationId, conversationType: 'personal', tenantId: TENANT },
      serviceUrl: this.sim.serviceUrl,
      localTimezone: p.tz,
      ...input,
    });
  }

  async #post(activity: JsonObject): Promise<unknown> {
    const res = await postActivity(this.app.url, activity);
    if (res.status >= 400)
      throw new Error(`the bot answered ${res.status} to a ${String(activity.type)} activity`);
    // Send what the turn queued (the bot also does this by itself, a moment later).
    await this.app.dispatcher.drain();
    return res.body;
  }

  /** The person adds the app in Teams: a conversationUpdate with the bot among the members added. */
  async install(p: Person): Promise<void> {
    await this.#post(
      this.#activity(p, { type: 'conversationUpdate', membersAdded: [{ id: `28:${TEST_BOT_APP_ID}` }] }),
    );
  }

  async say(p: Person, text: string): Promise<void> {
    await this.#post(this.#activity(p, { type: 'message', text }));
  }

  collect(): Incoming[] {
    const out: Incoming[] = [];
    const all = this.sim.activities;
    for (; this.#cursor < all.length; this.#cursor += 1) {
      const recorded = all[this.#cursor]!;
      const to = this.#byConversation.get(recorded.conversationId);
      if (!to || recorded.kind === 'history') continue;
      out.push(this.#incoming(to, recorded.conversationId, recorded.id, recorded.activity));
    }
    return out;
  }

  #incoming(to: Person, conversationId: string, activityId: string, activity: JsonObject): Incoming {
    const card = cardOf(activity);
    return this.#fromCard(
      to,
      conversationId,
      activityId,
      card,
      typeof activity.text === 'string' ? activity.text : '',
    );
  }

  #fromCard(
    to: Person,
    conversationId: string,
    activityId: string,
    card: Card | undefined,
    text = '',
  ): Incoming {
    const buttons: Button[] = executeActions(card).map(({ verb, title, data }) => ({
      action: verb,
      label: title,
      ref: String(data.r ?? ''),
      ...(data.v === undefined ? {} : { value: String(data.v) }),
    }));
    return {
      platform: 'teams',
      to,
      text: text || textBlocks(card)[0] || '',
      buttons,
      click: (by, button) => this.#click(by, conversationId, activityId, card, button),
    };
  }

  /** An Action.Execute invoke, as Teams sends it when someone clicks a card button (inputs merged into data). */
  async #execute(
    by: Person,
    conversationId: string,
    replyToId: string,
    data: JsonObject,
  ): Promise<{ card?: Card; notice?: string }> {
    const activity = this.#activity(by, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: String(data.a), data }, trigger: 'manual' },
      replyToId,
    });
    (activity.conversation as JsonObject).id = conversationId;
    const body = (await this.#post(activity)) as { type?: string; value?: unknown } | undefined;
    if (body?.type === CARD) return { card: body.value as Card };
    if (body?.type === 'application/vnd.microsoft.activity.message') return { notice: String(body.value) };
    return {};
  }

  async #click(
    by: Person,
    conversationId: string,
    activityId: string,
    card: Card | undefined,
    button: Button,
  ): Promise<ClickResult> {
    const action = executeActions(card).find(
      (a) =>
        a.verb === button.action &&
        String(a.data.r ?? '') === button.ref &&
        String(a.data.v ?? '') === (button.value ?? ''),
    );
    const data = action?.data ?? {
      a: button.action,
      r: button.ref,
      ...(button.value ? { v: button.value } : {}),
    };
    const answer = await this.#execute(by, conversationId, activityId, data);
    if (answer.notice) return { notice: answer.notice };
    if (!answer.card) return {};
    const form = this.#form(by, conversationId, activityId, answer.card);
    if (form) return { form };
    return { message: this.#fromCard(by, conversationId, activityId, answer.card) };
  }

  /** A card with inputs and a form submit button is a form. */
  #form(by: Person, conversationId: string, activityId: string, card: Card): Form | null {
    const inputs = inputsOf(card);
    const submit = executeActions(card).find((a) => a.verb === 'submit');
    if (inputs.length === 0 || !submit) return null;
    const values: Record<string, string> = {};
    for (const input of inputs) if (input.value !== undefined) values[String(input.id)] = String(input.value);
    const id = String(submit.data.f);
    return {
      id,
      values,
      submit: async (typed): Promise<FormStep> => {
        const answer = await this.#execute(by, conversationId, activityId, {
          ...submit.data,
          ...values,
          ...typed,
        });
        if (answer.notice) return { errors: { form: answer.notice } };
        const next = answer.card ? this.#form(by, conversationId, activityId, answer.card) : null;
        if (!next) return { done: true };
        if (next.id !== id) return { next };
        // The same form again: it came back with errors under its fields.
        const body = answer.card?.body ?? [];
        const errors: Record<string, string> = {};
        body.forEach((element, i) => {
          const below = body[i + 1];
          if (
            String(element.type).startsWith('Input.') &&
            below?.type === 'TextBlock' &&
            String(below.color) === 'Attention'
          )
            errors[String(element.id)] = String(below.text);
        });
        return { errors: Object.keys(errors).length > 0 ? errors : { form: 'the form came back unchanged' } };
      },
    };
  }

  /** Requests the bot made to the connector, for the summary. */
  get requests(): number {
    return this.sim.requests.length;
  }
}
