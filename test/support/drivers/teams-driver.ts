/**
 * The chat drivers for Microsoft Teams: typed messages, installs and card clicks into the real CloudAdapter on
 * /api/messages; what the person sees is read back from the connector simulator (their 1:1 chat with card
 * updates applied) and from the invoke answers, which replace a card for the person who clicked.
 *
 * `teamsDriver` clicks the way current clients do (Action.Execute: an `adaptiveCard/action` invoke).
 * `teamsSubmitDriver` clicks the way clients without Universal Actions do (Action.Submit: a message activity
 * whose `value` is the button's data merged with the card's inputs). It uses the button's Action.Submit
 * fallback when the card carries one; cards without one are clicked with the Execute action's `data` (what a
 * fallback would carry), and each such button is reported by `clientGaps()`.
 */
import type { JsonObject } from '../../simulators/botframework.js';
import {
  type BotMessage,
  type Card,
  cardText,
  channelPlace,
  fieldError,
  member,
  startTeamsHarness,
  TENANT,
  type TeamsChannelPlace,
  type TeamsHarness,
  type TeamsUser,
  teamsUser,
} from '../teams-harness.js';
import {
  type ChatDriver,
  type ChatPerson,
  type ChatSession,
  type ChatSetup,
  type ClickOptions,
  DEFAULT_CLIENT_LOCALE,
  DEFAULT_PROGRAMS,
  DEFAULT_ZONE,
  type DriverName,
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

type ClickMode = 'execute' | 'submit';

export const teamsDriver: ChatDriver = {
  name: 'teams',
  platform: 'teams',
  start: (setup) => TeamsSession.start(setup, 'execute'),
};

export const teamsSubmitDriver: ChatDriver = {
  name: 'teams-submit',
  platform: 'teams',
  start: (setup) => TeamsSession.start(setup, 'submit'),
};

interface TeamsPerson extends ChatPerson {
  readonly user: TeamsUser;
}

interface PersonState {
  notices: string[];
  /** Cards an invoke answer put in place of a message, for this person only (until the message is updated). */
  overlays: Map<string, { card: Card; updatesSeen: number }>;
  /** The message whose card is the person's open form. */
  form: MessageRef | null;
}

type MessageRef = { conversationId: string; id: string };
type RawMessage = MessageRef & { card: Card | undefined; text: string | undefined };

type CardButton = { title: string; data: JsonObject; submitData: JsonObject | null };
/** A button to click, where its message is, and the conversation the click comes from. */
type ClickTarget = { ref: MessageRef; button: CardButton; conversationId: string; channel: boolean };

/** Every button on a card, in order: Action.Execute (with its Action.Submit fallback, if any) and Action.Submit. */
function buttonsOf(card: Card | undefined): CardButton[] {
  const found: CardButton[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonObject;
    if (obj.type === 'Action.Execute') {
      const fallback = obj.fallback as JsonObject | undefined;
      found.push({
        title: String(obj.title),
        data: (obj.data ?? {}) as JsonObject,
        submitData: fallback?.type === 'Action.Submit' ? ((fallback.data ?? {}) as JsonObject) : null,
      });
      return;
    }
    if (obj.type === 'Action.Submit') {
      const data = (obj.data ?? {}) as JsonObject;
      found.push({ title: String(obj.title), data, submitData: data });
      return;
    }
    for (const value of Object.values(obj)) visit(value);
  };
  visit(card);
  return found;
}

type CardElement = JsonObject & { type: string; id?: string; text?: string; color?: string };

function inputsOf(card: Card | undefined): CardElement[] {
  return ((card?.body ?? []) as CardElement[]).filter((e) => String(e.type).startsWith('Input.'));
}

/** Teams shows `{{DATE(…)}}` and `{{TIME(…)}}` in the reader's own time. */
function shown(text: string, zone: string): string {
  return plainText(
    text.replace(/\{\{(DATE|TIME)\(([^,)]+)(?:,[^)]*)?\)\}\}/g, (_whole, kind: string, iso: string) =>
      shownDate(Date.parse(iso.trim()), zone, kind === 'DATE' ? 'date' : 'time'),
    ),
  );
}

function formOf(card: Card | undefined, zone: string): OpenForm | null {
  const inputs = inputsOf(card);
  if (!card || inputs.length === 0) return null;
  const body = card.body as CardElement[];
  const title = body.find((e) => e.type === 'TextBlock');
  const errors: Record<string, string> = {};
  const fields = inputs.map((input) => {
    const error = fieldError(card, String(input.id));
    if (error) errors[String(input.id)] = error;
    return {
      id: String(input.id),
      label: String(input.label ?? ''),
      value: input.value === undefined || input.value === null ? undefined : String(input.value),
      error,
    };
  });
  const texts: string[] = [];
  body.forEach((element, index) => {
    if (
      element === title ||
      (element.type !== 'TextBlock' && element.type !== 'Container' && element.type !== 'ActionSet')
    )
      return;
    const afterInput = String(body[index - 1]?.type ?? '').startsWith('Input.');
    if (element.type === 'TextBlock' && String(element.color).toLowerCase() === 'attention') {
      if (!afterInput) errors.form = String(element.text);
      return;
    }
    texts.push(cardText({ type: 'AdaptiveCard', version: '1.5', body: [element] }));
  });
  return {
    title: shown(String(title?.text ?? ''), zone),
    text: shown(texts.filter(Boolean).join('\n'), zone),
    submitLabel: String((card.actions?.[0] as JsonObject | undefined)?.title ?? ''),
    fields,
    errors,
    raw: structuredClone(card),
  };
}

class TeamsSession implements ChatSession {
  readonly driver: DriverName;
  readonly #h: TeamsHarness;
  readonly #mode: ClickMode;
  readonly #place: TeamsChannelPlace;
  readonly #people = new Map<string, TeamsPerson>();
  readonly #state = new Map<string, PersonState>();
  readonly #gaps = new Set<string>();
  #activityCounter = 0;

  private constructor(h: TeamsHarness, mode: ClickMode, place: TeamsChannelPlace, people: TeamsPerson[]) {
    this.#h = h;
    this.#mode = mode;
    this.driver = mode === 'execute' ? 'teams' : 'teams-submit';
    this.#place = place;
    for (const person of people) this.#remember(person);
  }

  static async start(setup: ChatSetup, mode: ClickMode): Promise<TeamsSession> {
    paceOnSimulatedTime();
    const people = (setup.people ?? []).map(teamsPerson);
    const place = channelPlace('Curators');
    const curators = people.filter((p) => p.role === 'curator');
    const h = await startTeamsHarness({
      start: setup.start,
      programs: setup.programs ?? DEFAULT_PROGRAMS,
      env: {
        TEAMS_CURATOR_CHANNEL: place.channelId,
        ...(curators.length > 0
          ? { CURATORS: curators.map((c) => `teams:${c.user.aadObjectId}`).join(',') }
          : {}),
      },
      members: { [place.teamId]: people.map((p) => member(p.user)) },
    });
    // Each 1:1 chat's roster answers the name and email a consent looks up.
    for (const person of people) h.sim.setMembers(person.user.conversationId, [member(person.user)]);
    const session = new TeamsSession(h, mode, place, people);
    // The bot is in the curators' team channel, the one named in TEAMS_CURATOR_CHANNEL.
    const installer = curators[0] ?? people[0];
    if (installer) await h.installInChannel(place, installer.user);
    return session;
  }

  get app() {
    return this.#h.app;
  }

  get clock() {
    return this.#h.clock;
  }

  #remember(person: TeamsPerson): void {
    this.#people.set(person.name, person);
    this.#state.set(person.name, { notices: [], overlays: new Map(), form: null });
  }

  #of(person: ChatPerson): { who: TeamsPerson; state: PersonState } {
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
    const person = teamsPerson(spec);
    this.#remember(person);
    this.#h.sim.setMembers(person.user.conversationId, [member(person.user)]);
    this.#h.sim.setMembers(
      this.#place.teamId,
      [...this.#people.values()].map((p) => member(p.user)),
    );
    return person;
  }

  // ---- reading ---------------------------------------------------------------------------------------------

  #updatesOf(messageId: string): number {
    return this.#h.sim.updates.filter((u) => u.activityId === messageId).length;
  }

  #visibleCard(state: PersonState | null, message: BotMessage): Card | undefined {
    const overlay = state?.overlays.get(message.id);
    return overlay && message.updates <= overlay.updatesSeen ? overlay.card : message.card;
  }

  #seen(state: PersonState | null, message: BotMessage, zone: string): SeenMessage {
    const card = structuredClone(this.#visibleCard(state, message));
    const raw: RawMessage = {
      conversationId: message.conversationId,
      id: message.id,
      card,
      text: message.text,
    };
    return {
      id: message.id,
      text: shown(card ? cardText(card) : (message.text ?? ''), zone),
      buttons: buttonsOf(card).map((b) => b.title),
      version: message.updates,
      raw,
    };
  }

  /** The curator channel itself or one of its threads. */
  #inChannel(conversationId: string): boolean {
    return conversationId === this.#place.channelId || conversationId.startsWith(`${this.#place.channelId};`);
  }

  /**
   * The person's 1:1 chat with the bot: the one their client uses, and the one the bot opened itself for
   * someone it had to reach first (the connector names them differently; Teams shows one chat).
   */
  #ownConversations(who: TeamsPerson): string[] {
    const opened = this.#h.sim.conversationsCreated
      .filter((c) => {
        const members = c.parameters.members as { id?: string }[] | undefined;
        return members?.length === 1 && members[0]?.id === who.user.id;
      })
      .map((c) => c.id);
    return [who.user.conversationId, ...opened];
  }

  #dm(who: TeamsPerson): BotMessage[] {
    return this.#ownConversations(who)
      .flatMap((id) => this.#h.messages(id))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  #channelMessages(): BotMessage[] {
    const conversations = new Set(
      this.#h.sim.activities.map((a) => a.conversationId).filter((id) => this.#inChannel(id)),
    );
    return [...conversations]
      .flatMap((id) => this.#h.messages(id))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  view(person: ChatPerson): PersonView {
    const { who, state } = this.#of(person);
    return {
      messages: this.#dm(who).map((m) => this.#seen(state, m, who.timezone)),
      notices: [...state.notices],
      form: this.#form(state, who.timezone),
    };
  }

  curatorChannel(reader?: ChatPerson): SeenMessage[] {
    const zone = reader?.timezone ?? 'UTC';
    return this.#channelMessages().map((m) => this.#seen(null, m, zone));
  }

  #message(ref: MessageRef): BotMessage | undefined {
    return this.#h.messages(ref.conversationId).find((m) => m.id === ref.id);
  }

  #form(state: PersonState, zone: string): OpenForm | null {
    const message = state.form ? this.#message(state.form) : undefined;
    return message ? formOf(this.#visibleCard(state, message), zone) : null;
  }

  // ---- steps -----------------------------------------------------------------------------------------------

  async #step(
    person: ChatPerson,
    act: (who: TeamsPerson, state: PersonState) => Promise<MessageRef | null>,
  ): Promise<Outcome> {
    const { who, state } = this.#of(person);
    // A reply in the channel that answers someone else's activity is theirs, not this person's outcome.
    const everything = () => [
      ...this.#dm(who).map((m) => this.#seen(state, m, who.timezone)),
      ...this.#channelMessages()
        .filter((m) => m.answers === undefined || m.answers === who.user.id)
        .map((m) => this.#seen(state, m, who.timezone)),
    ];
    const before = {
      messages: everything(),
      notices: state.notices.length,
      form: this.#form(state, who.timezone),
    };
    const known = new Set(before.messages.map((m) => m.id));
    this.clock.advance(STEP_MS);
    const clicked = await act(who, state);
    await this.settle();
    this.#followForm(who, state, clicked, known);
    const after = this.view(person);
    return outcomeBetween(before, { ...after, messages: everything() });
  }

  /** Which card is the person's open form now: the one they clicked, else a new one with inputs. */
  #followForm(who: TeamsPerson, state: PersonState, clicked: MessageRef | null, known: Set<string>): void {
    const clickedMessage = clicked ? this.#message(clicked) : undefined;
    if (clicked && clickedMessage && inputsOf(this.#visibleCard(state, clickedMessage)).length > 0) {
      state.form = clicked;
      return;
    }
    const conversations = new Set([
      ...this.#ownConversations(who),
      ...(clicked ? [clicked.conversationId] : []),
    ]);
    const fresh = [...conversations]
      .flatMap((id) => this.#h.messages(id))
      .filter((m) => !known.has(m.id) && inputsOf(m.card).length > 0)
      .at(-1);
    if (fresh) state.form = { conversationId: fresh.conversationId, id: fresh.id };
    else if (clicked && state.form?.id === clicked.id) state.form = null;
  }

  async settle(): Promise<void> {
    await this.#h.settle();
  }

  open(person: ChatPerson): Promise<Outcome> {
    return this.#step(person, async (who) => {
      await this.#h.install(who.user);
      return null;
    });
  }

  command(person: ChatPerson, words: Words): Promise<Outcome> {
    return this.#step(person, async (who) => {
      const parts = typeof words === 'string' ? [words] : words;
      const mentioned = parts
        .filter((w): w is ChatPerson => typeof w !== 'string')
        .map((p) => this.#of(p).who);
      const text = parts.map((w) => (typeof w === 'string' ? w : `<at>${w.name}</at>`)).join(' ');
      const entities = mentioned.map((p) => ({
        type: 'mention',
        mentioned: { id: p.user.id, name: p.name },
        text: `<at>${p.name}</at>`,
      }));
      // People can be @mentioned where they are members: a command that names people is typed in the
      // curators' team channel, as a curator would in Teams.
      if (entities.length > 0) await this.#h.sayInChannel(this.#place, who.user, text, entities);
      else await this.#h.say(who.user, text);
      return null;
    });
  }

  say(person: ChatPerson, text: string): Promise<Outcome> {
    return this.#step(person, async (who) => {
      await this.#h.say(who.user, text);
      return null;
    });
  }

  #target(who: TeamsPerson, state: PersonState, label: string | RegExp, options: ClickOptions): ClickTarget {
    const inChannel = options.in === 'curators';
    const message =
      options.message ??
      [...(inChannel ? this.#channelMessages() : this.#dm(who))]
        .map((m) => this.#seen(state, m, who.timezone))
        .reverse()
        .find((m) => m.buttons.some((b) => matchesLabel(b, label)));
    if (!message) throw new Error(`${who.name} sees no message with a ${describeLabel(label)} button`);
    const raw = message.raw as RawMessage;
    const button = buttonsOf(raw.card).find((b) => matchesLabel(b.title, label));
    if (!button)
      throw new Error(`no ${describeLabel(label)} button on that message: ${message.buttons.join(', ')}`);
    const channel = this.#inChannel(raw.conversationId);
    // A message in someone else's chat can only be clicked as a forged payload sent from one's own chat.
    const conversationId =
      channel || this.#ownConversations(who).includes(raw.conversationId)
        ? raw.conversationId
        : who.user.conversationId;
    return { ref: { conversationId: raw.conversationId, id: raw.id }, button, conversationId, channel };
  }

  /** One delivery of a click; `inputs` are the card's input values merged into the button's data. */
  async #deliver(
    who: TeamsPerson,
    state: PersonState,
    target: ClickTarget,
    inputs: JsonObject,
    activityId?: string,
  ): Promise<void> {
    if (this.#mode === 'execute') {
      const answer = await this.#h.execute(
        who.user,
        target.conversationId,
        { ...target.button.data, ...inputs },
        {
          replyToId: target.ref.id,
          ...(target.channel ? { channel: this.#place } : {}),
          ...(activityId ? { id: activityId } : {}),
        },
      );
      if (answer.notice !== undefined) state.notices.push(shown(answer.notice, who.timezone));
      if (answer.card)
        state.overlays.set(target.ref.id, { card: answer.card, updatesSeen: this.#updatesOf(target.ref.id) });
      return;
    }
    let data = target.button.submitData;
    if (!data) {
      this.#gaps.add(target.button.title);
      data = target.button.data;
    }
    const activity = this.#h.activityFrom(who.user, {
      type: 'message',
      value: { ...data, ...inputs },
      replyToId: target.ref.id,
      ...(activityId ? { id: activityId } : {}),
      ...(target.channel
        ? {
            conversation: { id: target.conversationId, conversationType: 'channel', tenantId: TENANT },
            channelData: {
              tenant: { id: TENANT },
              team: { id: this.#place.teamId, name: 'Leads' },
              channel: { id: this.#place.channelId, name: this.#place.name },
            },
          }
        : {}),
    });
    (activity.conversation as JsonObject).id = target.conversationId;
    await this.#h.post(activity);
    // What an invoke would answer privately comes back as a reply to the click: that is the notice.
    for (const reply of this.#h.sim.activities)
      if (
        reply.kind === 'reply' &&
        reply.replyToId === activity.id &&
        typeof reply.activity.text === 'string'
      )
        state.notices.push(shown(reply.activity.text, who.timezone));
  }

  click(person: ChatPerson, label: string | RegExp, options: ClickOptions = {}): Promise<Outcome> {
    return this.#step(person, async (who, state) => {
      const target = this.#target(who, state, label, options);
      await this.#deliver(who, state, target, {});
      return target.ref;
    });
  }

  replay(person: ChatPerson, label: string | RegExp, options: ClickOptions = {}): Promise<Outcome> {
    return this.#step(person, async (who, state) => {
      const target = this.#target(who, state, label, options);
      const id = this.#nextActivityId();
      await this.#deliver(who, state, target, {}, id);
      await this.#deliver(who, state, target, {}, id);
      return target.ref;
    });
  }

  async clickStorm(
    person: ChatPerson,
    label: string | RegExp,
    count: number,
    options: ClickOptions = {},
  ): Promise<void> {
    await this.#step(person, async (who, state) => {
      const target = this.#target(who, state, label, options);
      await Promise.all(Array.from({ length: count }, () => this.#deliver(who, state, target, {})));
      return target.ref;
    });
  }

  #nextActivityId(): string {
    this.#activityCounter += 1;
    return `f:coachloop-${Date.now()}-${this.#activityCounter}`;
  }

  submitForm(person: ChatPerson, values: FormValues = {}): Promise<Outcome> {
    return this.#step(person, async (who, state) => {
      const ref = state.form;
      const message = ref ? this.#message(ref) : undefined;
      const card = message ? this.#visibleCard(state, message) : undefined;
      if (!ref || !message || inputsOf(card).length === 0) throw new Error(`${who.name} has no form open`);
      const inputs: JsonObject = {};
      for (const input of inputsOf(card)) {
        const id = String(input.id);
        const given = values[id];
        if (given !== undefined)
          inputs[id] = typeof given === 'string' ? given : this.#of(given).who.user.aadObjectId;
        else if (input.value !== undefined && input.value !== null) inputs[id] = String(input.value);
      }
      const submit = buttonsOf(card)[0];
      if (!submit) throw new Error('the form has no submit button');
      const channel = this.#inChannel(ref.conversationId);
      await this.#deliver(
        who,
        state,
        { ref, button: submit, conversationId: ref.conversationId, channel },
        inputs,
      );
      return ref;
    });
  }

  async runUntil(until: string, stepMinutes = 60): Promise<void> {
    await this.#h.runUntil(until, stepMinutes * 60_000);
    await this.settle();
  }

  platformCalls(): number {
    return this.#h.sim.requests.length;
  }

  clientGaps(): string[] {
    return [...this.#gaps];
  }

  async close(): Promise<void> {
    await this.#h.close();
  }
}

function teamsPerson(spec: PersonSpec): TeamsPerson {
  const timezone = spec.timezone ?? DEFAULT_ZONE;
  const email = emailOf(spec.name);
  const locale = spec.locale ?? DEFAULT_CLIENT_LOCALE;
  const user: TeamsUser = { ...teamsUser(spec.name, timezone), email, locale };
  return {
    name: spec.name,
    role: spec.role ?? 'leader',
    timezone,
    locale,
    email,
    identity: { platform: 'teams', workspaceId: TENANT, userId: user.aadObjectId },
    user,
  };
}
