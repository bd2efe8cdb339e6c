/**
 * The Slack side of the pilot: people in the local Slack workspace. What the bot posts lands in the Web API
 * simulator; what people do goes to the bot's /slack/events endpoint as signed requests, exactly like
 * Slack sends them (block actions, view submissions, events).
 */
import type { Coachloop } from '../src/main.js';
import type { SlackSimulator, StoredMessage } from '../test/simulators/slack-api.js';
import {
  datePicker,
  numberInput,
  plainInput,
  type SlackInbound,
  staticSelect,
  usersSelect,
} from '../test/support/slack-requests.js';
import type { Person } from './cast.js';
import {
  type Button,
  type ClickResult,
  type Form,
  type FormStep,
  type Incoming,
  type PlatformSide,
  until,
} from './ui.js';

export const slackUserId = (p: Person): string => `U${p.key.toUpperCase()}`;
export const dmOf = (p: Person): string => `D${slackUserId(p)}`;

type SlackButton = { action_id: string; value?: string; text?: { text: string } };
type InputBlock = {
  type: string;
  block_id?: string;
  element?: {
    type: string;
    action_id: string;
    initial_value?: string;
    initial_date?: string;
    initial_user?: string;
    initial_option?: { value: string };
  };
};
type SlackView = { callback_id: string; private_metadata?: string; blocks?: InputBlock[] };

/** Buttons that open a modal (the click is done when `views.open` arrives), and one that answers in a new DM. */
const OPENS_FORM = new Set([
  'experiment.start',
  'survey.practice',
  'survey.details',
  'charter.form',
  'charter.changes',
  'milestone.note',
  'alert.rematch',
  'alert.checkin',
  'alert.snooze',
  'alert.close',
]);
const ANSWERS_IN_DM = new Set(['charter.chat']);

function buttonsOf(blocks: unknown): Button[] {
  const found: Button[] = [];
  for (const block of (blocks as { elements?: SlackButton[] }[] | undefined) ?? []) {
    for (const element of block.elements ?? []) {
      if (!element.action_id?.startsWith('cl:')) continue;
      const action = element.action_id.slice(3, element.action_id.lastIndexOf(':'));
      const value = JSON.parse(element.value ?? '{}') as { r?: string; v?: string };
      found.push({
        action,
        id: element.action_id,
        label: element.text?.text ?? action,
        ref: value.r ?? '',
        ...(value.v === undefined ? {} : { value: value.v }),
      });
    }
  }
  return found;
}

function initialValues(view: SlackView): Record<string, string> {
  const values: Record<string, string> = {};
  for (const block of view.blocks ?? []) {
    const element = block.element;
    if (block.type !== 'input' || !block.block_id || !element) continue;
    const initial =
      element.initial_value ?? element.initial_date ?? element.initial_user ?? element.initial_option?.value;
    if (initial !== undefined) values[block.block_id] = initial;
  }
  return values;
}

/** `view.state.values` as Slack sends it on submission: every input of the modal with its current value. */
function stateOf(view: SlackView, values: Record<string, string>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks ?? []) {
    const element = block.element;
    if (block.type !== 'input' || !block.block_id || !element) continue;
    const value = values[block.block_id];
    const typed =
      element.type === 'number_input'
        ? numberInput(value ?? null)
        : element.type === 'datepicker'
          ? datePicker(value ?? null)
          : element.type === 'static_select'
            ? value === undefined
              ? { type: 'static_select', selected_option: null }
              : staticSelect(value)
            : element.type === 'users_select'
              ? usersSelect(value ?? null)
              : plainInput(value ?? null);
    state[block.block_id] = { [element.action_id]: typed };
  }
  return state;
}

export class SlackSide implements PlatformSide {
  readonly platform = 'slack' as const;
  readonly #seen = new Set<string>();
  readonly #byChannel = new Map<string, Person>();
  #said = 0;

  constructor(
    readonly sim: SlackSimulator,
    readonly inbound: SlackInbound,
    readonly app: Coachloop,
    people: readonly Person[],
    readonly curatorChannel: string,
  ) {
    for (const p of people) this.#byChannel.set(dmOf(p), p);
  }

  /** People exist in the workspace before the pilot: the directory knows their name, zone and email. */
  addUsers(people: readonly Person[]): void {
    for (const p of people) {
      this.sim.addUser({
        id: slackUserId(p),
        name: p.key,
        realName: p.name,
        tz: p.tz,
        email: p.email,
      });
    }
  }

  collect(): Incoming[] {
    const out: Incoming[] = [];
    for (const message of this.sim.messages()) {
      if (this.#seen.has(message.ts)) continue;
      const to = message.channel === this.curatorChannel ? 'curators' : this.#byChannel.get(message.channel);
      if (!to) continue;
      this.#seen.add(message.ts);
      out.push(this.#incoming(message, to));
    }
    return out;
  }

  #incoming(message: StoredMessage, to: Person | 'curators'): Incoming {
    return {
      platform: 'slack',
      to,
      text: message.text,
      buttons: buttonsOf(message.blocks),
      click: (by, button) => this.#click(message.channel, message.ts, to, by, button),
    };
  }

  #current(channel: string, ts: string): StoredMessage | undefined {
    return this.sim.messages(channel).find((m) => m.ts === ts);
  }

  async #click(
    channel: string,
    ts: string,
    to: Person | 'curators',
    by: Person,
    button: Button,
  ): Promise<ClickResult> {
    const user = slackUserId(by);
    const trigger = this.inbound.newTriggerId();
    const edits = this.#current(channel, ts)?.edits ?? 0;
    const ephemerals = this.sim.ephemerals(channel).filter((e) => e.user === user).length;
    const dmCount = this.sim.messages(dmOf(by)).length;
    const actionId = button.id ?? `cl:${button.action}:0`;
    const value = JSON.stringify(
      button.value === undefined ? { r: button.ref } : { r: button.ref, v: button.value },
    );
    await this.inbound.blockAction(
      user,
      { action_id: actionId, value },
      { channelId: channel, messageTs: ts, triggerId: trigger },
    );

    const notice = () => this.sim.ephemerals(channel).filter((e) => e.user === user)[ephemerals]?.text;
    if (OPENS_FORM.has(button.action)) {
      const opened = await until(
        () =>
          this.sim.callsTo('views.open').find((c) => c.args.trigger_id === trigger)?.args.view as
            | SlackView
            | undefined,
      );
      if (opened) return { form: this.#form(by, opened) };
    } else if (ANSWERS_IN_DM.has(button.action)) {
      await until(() => notice() ?? (this.sim.messages(dmOf(by)).length > dmCount ? true : null));
    } else {
      await until(() => notice() ?? ((this.#current(channel, ts)?.edits ?? 0) > edits ? true : null));
    }
    await this.app.dispatcher.drain();
    const answer = notice();
    if (answer) return { notice: answer };
    const now = this.#current(channel, ts);
    if (now && now.edits > edits) return { message: this.#incoming(now, to) };
    if (OPENS_FORM.has(button.action)) return { notice: '(no form opened)' };
    return ANSWERS_IN_DM.has(button.action) ? {} : { notice: '(the message did not change)' };
  }

  #form(by: Person, view: SlackView): Form {
    return {
      id: view.callback_id.replace(/^form:/, ''),
      values: initialValues(view),
      submit: (values) => this.#submit(by, view, values),
    };
  }

  async #submit(by: Person, view: SlackView, values: Record<string, string>): Promise<FormStep> {
    const user = slackUserId(by);
    const merged = { ...initialValues(view), ...values };
    // What the bot does after answering the submission: a new DM (experiment) or an edited message.
    const meta = (() => {
      try {
        const origin = (JSON.parse(view.private_metadata ?? '') as { o?: string }).o ?? '';
        const at = origin.indexOf(':');
        return at < 0 ? {} : { c: origin.slice(0, at), t: origin.slice(at + 1) };
      } catch {
        return {};
      }
    })();
    const edited = meta.c && meta.t ? (this.#current(meta.c, meta.t)?.edits ?? 0) : null;
    const dmCount = this.sim.messages(dmOf(by)).length;
    const response = await this.inbound.viewSubmission(user, {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? '',
      state: { values: stateOf(view, merged) },
    });
    const body = response.json() as {
      response_action?: string;
      errors?: Record<string, string>;
      view?: SlackView;
    } | null;
    if (body?.response_action === 'errors') return { errors: body.errors ?? {} };
    if ((body?.response_action === 'push' || body?.response_action === 'update') && body.view)
      return { next: this.#form(by, body.view) };
    if (edited !== null && meta.c && meta.t) {
      const channel = meta.c;
      const ts = meta.t;
      await until(() => (this.#current(channel, ts)?.edits ?? 0) > edited);
    } else if (view.callback_id === 'form:experiment') {
      await until(() => this.sim.messages(dmOf(by)).length > dmCount);
    }
    await this.app.dispatcher.drain();
    return { done: true };
  }

  async say(person: Person, text: string): Promise<void> {
    const user = slackUserId(person);
    const ts = `${Math.floor(this.app.service.clock.now() / 1000)}.${String(this.#said++).padStart(6, '0')}`;
    const dmCount = this.sim.messages(dmOf(person)).length;
    await this.inbound.event(
      { type: 'message', channel_type: 'im', channel: dmOf(person), user, text, ts },
      { eventId: `EvDemo${user}${this.#said}` },
    );
    await until(() => this.sim.messages(dmOf(person)).length > dmCount, 1500);
    await this.app.dispatcher.drain();
  }
}
