/**
 * The chat driver for Slack: `/coach` commands, DM events and signed `block_actions` / `view_submission`
 * payloads into the real Bolt receiver; what the person sees is read back from the Slack simulator (their DM
 * with updates applied, ephemerals, the modals opened with their trigger ids).
 */
import type { Coachloop } from '../../../src/main.js';
import type { StoredMessage } from '../../simulators/slack-api.js';
import { type SlackHarness, startSlackHarness } from '../slack-harness.js';
import type { InboundResponse } from '../slack-requests.js';
import {
  type ChatDriver,
  type ChatPerson,
  type ChatSession,
  type ChatSetup,
  type ClickOptions,
  DEFAULT_CLIENT_LOCALE,
  DEFAULT_PROGRAMS,
  DEFAULT_ZONE,
  describeLabel,
  emailOf,
  type FormValues,
  matchesLabel,
  type OpenForm,
  type Outcome,
  outcomeBetween,
  type PersonSpec,
  type PersonView,
  paceOnSimulatedTime,
  plainText,
  type SeenMessage,
  STEP_MS,
  shownDate,
  type Words,
} from './chat-driver.js';

export const SLACK_CURATOR_CHANNEL = 'C0CURATORS';

type Block = Record<string, unknown> & { type: string };
type SlackButton = { action_id: string; value?: string; text: { text: string } };
/** A modal as the bot opened or pushed it. */
type SlackView = {
  callback_id: string;
  private_metadata?: string;
  title?: { text: string };
  submit?: { text: string };
  blocks: Block[];
};
type RawMessage = { channel: string; ts: string; text: string; blocks: Block[] };
type ClickTarget = { raw: RawMessage; button: SlackButton; channel: string };

interface SlackPerson extends ChatPerson {
  readonly slackId: string;
}

interface PersonState {
  notices: string[];
  /** Ephemerals already taken into `notices`. */
  ephemeralsSeen: number;
  form: SlackForm | null;
}

/** An open modal: the view, the inline errors of the last submission, and what was typed into it so far. */
type SlackForm = { view: SlackView; errors: Record<string, string>; typed: Record<string, string> };

export const slackDriver: ChatDriver = {
  name: 'slack',
  platform: 'slack',
  start: (setup) => SlackSession.start(setup),
};

function slackPerson(spec: PersonSpec, index: number): SlackPerson {
  const letters = spec.name.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const slackId = `U${String(index + 1).padStart(3, '0')}${letters}`.slice(0, 11);
  return {
    name: spec.name,
    role: spec.role ?? 'leader',
    timezone: spec.timezone ?? DEFAULT_ZONE,
    locale: spec.locale ?? DEFAULT_CLIENT_LOCALE,
    email: emailOf(spec.name),
    identity: { platform: 'slack', workspaceId: 'T0001', userId: slackId },
    slackId,
  };
}

/** Counts Bolt's work in flight: Bolt answers Slack on `ack()` and keeps running the listener after that. */
function trackBoltWork(app: Coachloop): () => Promise<void> {
  const slack = app.channels.get('slack') as
    | { app?: { processEvent?: (event: unknown) => Promise<void> } }
    | undefined;
  const bolt = slack?.app;
  if (!bolt || typeof bolt.processEvent !== 'function')
    throw new Error(
      "The Slack driver cannot find the Bolt app (the Slack channel's `app`) to tell when a request has been handled",
    );
  const original = bolt.processEvent.bind(bolt);
  let running = 0;
  const waiting: (() => void)[] = [];
  bolt.processEvent = async (event: unknown) => {
    running += 1;
    try {
      return await original(event);
    } finally {
      running -= 1;
      if (running === 0) for (const resolve of waiting.splice(0)) resolve();
    }
  };
  return () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
}

function textOfBlocks(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const text = block.text as { text?: string } | undefined;
    if ((block.type === 'section' || block.type === 'header') && text?.text) out.push(text.text);
    for (const field of (block.fields as { text: string }[] | undefined) ?? []) out.push(field.text);
    if (block.type === 'context')
      for (const element of (block.elements as { text?: string }[] | undefined) ?? [])
        if (element.text) out.push(element.text);
  }
  return out;
}

function buttonsOf(blocks: Block[]): SlackButton[] {
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements as (SlackButton & { type: string })[]) ?? [])
    .filter((e) => e.type === 'button');
}

/** How Slack shows text: mentions as @Real Name, then without markup. */
type Show = (text: string) => string;

function seen(message: StoredMessage, show: Show): SeenMessage {
  const blocks = structuredClone((message.blocks ?? []) as Block[]);
  const lines = textOfBlocks(blocks);
  const raw: RawMessage = { channel: message.channel, ts: message.ts, text: message.text, blocks };
  return {
    id: message.ts,
    text: show(lines.length > 0 ? lines.join('\n') : message.text),
    buttons: buttonsOf(blocks).map((b) => b.text.text),
    version: message.edits,
    raw,
  };
}

type InputBlock = Block & {
  block_id: string;
  label: { text: string };
  element: Record<string, unknown> & { type: string; action_id: string };
};

const inputsOf = (view: SlackView) => view.blocks.filter((b): b is InputBlock => b.type === 'input');

function initialValue(element: InputBlock['element']): string | undefined {
  const option = element.initial_option as { value?: string } | undefined;
  const value = element.initial_value ?? element.initial_date ?? option?.value ?? element.initial_user;
  return typeof value === 'string' ? value : undefined;
}

function openForm(form: SlackForm, show: Show): OpenForm {
  const fieldIds = new Set(inputsOf(form.view).map((b) => b.block_id));
  const errors: Record<string, string> = {};
  for (const [id, message] of Object.entries(form.errors)) errors[fieldIds.has(id) ? id : 'form'] = message;
  return {
    title: form.view.title?.text ?? '',
    text: show(textOfBlocks(form.view.blocks.filter((b) => b.type !== 'input')).join('\n')),
    submitLabel: form.view.submit?.text ?? '',
    fields: inputsOf(form.view).map((b) => ({
      id: b.block_id,
      label: b.label.text,
      value: b.block_id in form.typed ? form.typed[b.block_id] || undefined : initialValue(b.element),
      error: form.errors[b.block_id],
    })),
    errors,
    raw: structuredClone(form.view),
  };
}

/** `view.state.values` exactly as Slack sends it: every input block, by block id and action id. */
function stateValues(view: SlackView, values: Record<string, string>) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const block of inputsOf(view)) {
    const element = block.element;
    const given = values[block.block_id];
    const value = given === undefined ? initialValue(element) : given === '' ? undefined : given;
    let state: Record<string, unknown>;
    switch (element.type) {
      case 'datepicker':
        state = { type: element.type, selected_date: value ?? null };
        break;
      case 'users_select':
        state = { type: element.type, selected_user: value ?? null };
        break;
      case 'static_select': {
        const option = ((element.options as { value: string; text: { text: string } }[]) ?? []).find(
          (o) => o.value === value,
        );
        state = {
          type: element.type,
          selected_option:
            value === undefined
              ? null
              : { text: { type: 'plain_text', text: option?.text.text ?? value, emoji: true }, value },
        };
        break;
      }
      default:
        state = { type: element.type, value: value ?? null };
    }
    out[block.block_id] = { [element.action_id]: state };
  }
  return out;
}

class SlackSession implements ChatSession {
  readonly driver = 'slack' as const;
  readonly #h: SlackHarness;
  readonly #people = new Map<string, SlackPerson>();
  readonly #state = new Map<string, PersonState>();
  readonly #idle: () => Promise<void>;
  #counter = 0;

  private constructor(h: SlackHarness, people: SlackPerson[]) {
    this.#h = h;
    for (const person of people) this.#remember(person);
    this.#idle = trackBoltWork(h.app);
  }

  static async start(setup: ChatSetup): Promise<SlackSession> {
    paceOnSimulatedTime();
    const people = (setup.people ?? []).map(slackPerson);
    const curators = people.filter((p) => p.role === 'curator').map((p) => p.slackId);
    const h = await startSlackHarness({
      start: setup.start,
      programs: setup.programs ?? DEFAULT_PROGRAMS,
      users: people.map((p) => ({
        id: p.slackId,
        realName: p.name,
        tz: p.timezone,
        locale: p.locale,
        email: p.email,
      })),
      env: {
        CURATOR_CHANNEL: SLACK_CURATOR_CHANNEL,
        ...(curators.length > 0 ? { CURATORS: curators.join(',') } : {}),
      },
    });
    return new SlackSession(h, people);
  }

  get app() {
    return this.#h.app;
  }

  get clock() {
    return this.#h.clock;
  }

  #remember(person: SlackPerson): void {
    this.#people.set(person.name, person);
    this.#state.set(person.name, { notices: [], ephemeralsSeen: 0, form: null });
  }

  #of(person: ChatPerson): { who: SlackPerson; state: PersonState } {
    const who = this.#people.get(person.name);
    const state = this.#state.get(person.name);
    if (!who || !state) throw new Error(`${person.name} is not in this chat`);
    return { who, state };
  }

  person(name: string): ChatPerson {
    const found = this.#people.get(name);
    if (!found) throw new Error(`nobody called ${name}`);
    return found;
  }

  async addPerson(spec: PersonSpec): Promise<ChatPerson> {
    if (spec.role === 'curator') throw new Error('curators are given at start');
    const person = slackPerson(spec, this.#people.size);
    this.#h.sim.addUser({
      id: person.slackId,
      realName: person.name,
      tz: person.timezone,
      locale: person.locale,
      email: person.email,
    });
    this.#remember(person);
    return person;
  }

  /** Slack shows `<@U…>` as the person's name, and `<!date…>` in the reader's own time. */
  #shown(zone: string): Show {
    return (text) =>
      plainText(
        text
          .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (whole, id: string) => {
            const user = this.#h.sim.users.get(id);
            return user ? `@${user.real_name}` : whole;
          })
          .replace(/<!date\^(\d+)\^([^|>]*)(?:\|[^>]*)?>/g, (_whole, seconds: string, format: string) =>
            format.replace(/\{(\w+)\}/g, (token, name: string) =>
              name.startsWith('date')
                ? shownDate(Number(seconds) * 1000, zone, 'date')
                : name.startsWith('time')
                  ? shownDate(Number(seconds) * 1000, zone, 'time')
                  : token,
            ),
          ),
      );
  }

  #dm(who: SlackPerson): string {
    return `D${who.slackId}`;
  }

  #messages(channel: string, zone: string): SeenMessage[] {
    const show = this.#shown(zone);
    return this.#h.sim.messages(channel).map((m) => seen(m, show));
  }

  view(person: ChatPerson): PersonView {
    const { who, state } = this.#of(person);
    this.#collectEphemerals(who, state);
    return {
      messages: this.#messages(this.#dm(who), who.timezone),
      notices: [...state.notices],
      form: state.form ? openForm(state.form, this.#shown(who.timezone)) : null,
    };
  }

  curatorChannel(reader?: ChatPerson): SeenMessage[] {
    return this.#messages(SLACK_CURATOR_CHANNEL, reader?.timezone ?? 'UTC');
  }

  #collectEphemerals(who: SlackPerson, state: PersonState): void {
    const mine = this.#h.sim.ephemerals().filter((e) => e.user === who.slackId);
    for (const e of mine.slice(state.ephemeralsSeen)) {
      const lines = textOfBlocks((e.blocks ?? []) as Block[]);
      state.notices.push(this.#shown(who.timezone)(lines.length > 0 ? lines.join('\n') : e.text));
    }
    state.ephemeralsSeen = mine.length;
  }

  /**
   * Runs one step for a person and reports what changed for them. A modal covers Slack: to type or click in a
   * chat the person first closes the modal they had open, so every step but a submission starts without one.
   */
  async #step(
    person: ChatPerson,
    act: (who: SlackPerson, state: PersonState) => Promise<void>,
    inForm = false,
  ) {
    const { who, state } = this.#of(person);
    const seenBefore = this.view(person);
    const before = {
      messages: [...seenBefore.messages, ...this.curatorChannel(person)],
      notices: seenBefore.notices.length,
      form: seenBefore.form,
    };
    this.clock.advance(STEP_MS);
    if (!inForm) state.form = null;
    await act(who, state);
    await this.settle();
    const after = this.view(person);
    return outcomeBetween(before, {
      ...after,
      messages: [...after.messages, ...this.curatorChannel(person)],
    });
  }

  /** The modal opened with one of these triggers, if any, becomes the person's open form. */
  #formsOpenedBy(state: PersonState, triggers: string[]): void {
    const opened = this.#h.sim
      .callsTo('views.open')
      .filter((c) => triggers.includes(String(c.args.trigger_id)) && c.response?.ok === true);
    const last = opened.at(-1);
    if (last) state.form = { view: structuredClone(last.args.view) as SlackView, errors: {}, typed: {} };
  }

  async settle(): Promise<void> {
    await this.#idle();
    await this.#h.app.dispatcher.drain();
    await this.#h.app.dispatcher.drain();
    await this.#idle();
  }

  open(person: ChatPerson): Promise<Outcome> {
    return this.#step(person, async (who) => {
      await this.#h.slack.event({
        type: 'app_home_opened',
        user: who.slackId,
        channel: this.#dm(who),
        tab: 'home',
      });
    });
  }

  #words(words: Words): string {
    if (typeof words === 'string') return words;
    return words
      .map((w) =>
        typeof w === 'string' ? w : `<@${this.#of(w).who.slackId}|${w.name.split(' ')[0]!.toLowerCase()}>`,
      )
      .join(' ');
  }

  command(person: ChatPerson, words: Words): Promise<Outcome> {
    return this.#step(person, async (who, state) => {
      const trigger = this.#h.slack.newTriggerId();
      const res = await this.#h.slack.command('/coach', this.#words(words), who.slackId, {
        channel_id: this.#dm(who),
        trigger_id: trigger,
      });
      const answer = res.json() as { text?: string } | undefined;
      if (answer?.text) state.notices.push(this.#shown(who.timezone)(answer.text));
      await this.#idle();
      this.#formsOpenedBy(state, [trigger]);
    });
  }

  say(person: ChatPerson, text: string): Promise<Outcome> {
    return this.#step(person, async (who) => {
      this.#counter += 1;
      await this.#h.slack.event(
        {
          type: 'message',
          channel_type: 'im',
          channel: this.#dm(who),
          user: who.slackId,
          text,
          ts: `${Math.floor(this.clock.now() / 1000)}.${String(this.#counter).padStart(6, '0')}`,
        },
        { eventId: `EvChat${this.#counter}${who.slackId}` },
      );
    });
  }

  /** The button to click and where the click comes from. */
  #target(who: SlackPerson, label: string | RegExp, options: ClickOptions): ClickTarget {
    const own = options.in === 'curators' ? SLACK_CURATOR_CHANNEL : this.#dm(who);
    const message =
      options.message ??
      [...this.#messages(own, who.timezone)]
        .reverse()
        .find((m) => m.buttons.some((b) => matchesLabel(b, label)));
    if (!message) throw new Error(`${who.name} sees no message with a ${describeLabel(label)} button`);
    const raw = message.raw as RawMessage;
    const button = buttonsOf(raw.blocks).find((b) => matchesLabel(b.text.text, label));
    if (!button)
      throw new Error(`no ${describeLabel(label)} button on that message: ${message.buttons.join(', ')}`);
    // A message in someone else's DM can only be clicked as a forged payload sent from one's own DM.
    const channel =
      raw.channel === SLACK_CURATOR_CHANNEL || raw.channel === this.#dm(who) ? raw.channel : own;
    return { raw, button, channel };
  }

  #clickOnce(who: SlackPerson, target: ClickTarget, triggerId: string, actionTs?: string) {
    return this.#h.slack.blockAction(
      who.slackId,
      {
        action_id: target.button.action_id,
        value: target.button.value,
        text: { type: 'plain_text', text: target.button.text.text, emoji: true },
        ...(actionTs ? { action_ts: actionTs } : {}),
      },
      {
        channelId: target.channel,
        messageTs: target.raw.ts,
        message: { text: target.raw.text, blocks: target.raw.blocks },
        triggerId,
      },
    );
  }

  click(person: ChatPerson, label: string | RegExp, options: ClickOptions = {}): Promise<Outcome> {
    return this.#step(person, async (who, state) => {
      const target = this.#target(who, label, options);
      const trigger = this.#h.slack.newTriggerId();
      await this.#clickOnce(who, target, trigger);
      await this.#idle();
      this.#formsOpenedBy(state, [trigger]);
    });
  }

  replay(person: ChatPerson, label: string | RegExp, options: ClickOptions = {}): Promise<Outcome> {
    return this.#step(person, async (who, state) => {
      const target = this.#target(who, label, options);
      const trigger = this.#h.slack.newTriggerId();
      const actionTs = (Date.now() / 1000).toFixed(6);
      await this.#clickOnce(who, target, trigger, actionTs);
      await this.#idle();
      await this.#clickOnce(who, target, trigger, actionTs);
      await this.#idle();
      this.#formsOpenedBy(state, [trigger]);
    });
  }

  async clickStorm(
    person: ChatPerson,
    label: string | RegExp,
    count: number,
    options: ClickOptions = {},
  ): Promise<void> {
    await this.#step(person, async (who, state) => {
      const target = this.#target(who, label, options);
      const triggers = Array.from({ length: count }, () => this.#h.slack.newTriggerId());
      await Promise.all(triggers.map((trigger) => this.#clickOnce(who, target, trigger)));
      await this.#idle();
      this.#formsOpenedBy(state, triggers);
    });
  }

  submitForm(person: ChatPerson, values: FormValues = {}): Promise<Outcome> {
    return this.#step(
      person,
      async (who, state) => {
        const form = state.form;
        if (!form) throw new Error(`${who.name} has no form open`);
        // Slack keeps what was typed in a modal that answered with errors.
        const typed = {
          ...form.typed,
          ...Object.fromEntries(
            Object.entries(values).map(([id, v]) => [
              id,
              typeof v === 'string' ? v : this.#of(v).who.slackId,
            ]),
          ),
        };
        const res: InboundResponse = await this.#h.slack.viewSubmission(who.slackId, {
          callback_id: form.view.callback_id,
          private_metadata: form.view.private_metadata ?? '',
          state: { values: stateValues(form.view, typed) },
        });
        if (res.status !== 200) throw new Error(`the form submission was answered ${res.status}`);
        const answer = res.json() as
          | { response_action: 'errors'; errors: Record<string, string> }
          | { response_action: 'push' | 'update'; view: SlackView }
          | { response_action: 'clear' }
          | undefined;
        if (!answer || answer.response_action === 'clear') state.form = null;
        else if (answer.response_action === 'errors')
          state.form = { view: form.view, errors: answer.errors, typed };
        else state.form = { view: answer.view, errors: {}, typed: {} };
      },
      true,
    );
  }

  async runUntil(until: string, stepMinutes = 60): Promise<void> {
    await this.#h.runUntil(until, stepMinutes * 60_000);
    await this.settle();
  }

  platformCalls(): number {
    return this.#h.sim.calls.length + this.#h.sim.responseUrlPosts.length;
  }

  clientGaps(): string[] {
    return [];
  }

  async close(): Promise<void> {
    await this.#h.close();
  }
}
