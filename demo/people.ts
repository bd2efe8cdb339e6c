/**
 * How the simulated people behave: who answers what, how fast, and what they type. Each person has their
 * own seeded random stream, so the story is the same on every run.
 */

import { DateTime } from 'luxon';
import { english } from '../src/core/catalog/index.js';
import { CHARTER_FIELDS, CHARTER_PAGES, type CharterFieldId } from '../src/core/charter.js';
import type { Clock } from '../src/core/clock.js';
import type { Platform } from '../src/core/participant.js';
import type { Agenda } from './agenda.js';
import { type CharterPlan, firstName, type Person, personalRandom } from './cast.js';
import type { Narrator } from './narrator.js';
import type { Button, ClickResult, Form, FormValues, Incoming, PlatformSide } from './ui.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Mind {
  random: () => number;
  /** The quiet mentee once re-matched. */
  awake: boolean;
  /** Answering the charter questions in the chat. */
  chatting: boolean;
  chatAnswers: number;
  askedForChanges: boolean;
}

export interface PeopleOptions {
  clock: Clock;
  agenda: Agenda;
  narrator: Narrator;
  sides: Record<Platform, PlatformSide>;
  cast: readonly Person[];
  seed: number;
  /** The pilot's kick-off (milestone dates are counted from it). */
  kickoff: number;
  /** Monday the experiments start, YYYY-MM-DD. */
  startDate: string;
  lengthWeeks: number;
  /** Who the curator picks as the new mentor when re-matching: the person and their user id. */
  rematch: { mentor: Person; userId: string; reason: string };
  /** Set once the roster is imported; Teams leaders set up their experiment only after that. */
  rosterImported: () => boolean;
}

export interface PeopleStats {
  clicks: number;
  forms: number;
  typed: number;
  notices: string[];
}

export class People {
  readonly #o: PeopleOptions;
  readonly #minds = new Map<string, Mind>();
  /** Matching proposals the curator has approved (a review shows again each time it changes). */
  readonly #approved = new Set<string>();
  readonly stats: PeopleStats = { clicks: 0, forms: 0, typed: 0, notices: [] };

  constructor(options: PeopleOptions) {
    this.#o = options;
  }

  #mind(p: Person): Mind {
    let mind = this.#minds.get(p.key);
    if (!mind) {
      mind = {
        random: personalRandom(this.#o.seed, p.key),
        awake: false,
        chatting: false,
        chatAnswers: 0,
        askedForChanges: false,
      };
      this.#minds.set(p.key, mind);
    }
    return mind;
  }

  /** Quiet people still accept and set up; afterwards they answer nothing (the quiet mentee until re-matched). */
  #quiet(p: Person): boolean {
    return p.style === 'quiet' && !this.#mind(p).awake;
  }

  #busy(p: Person): boolean {
    return p.style === 'busy';
  }

  /**
   * When the person gets to it: a delay in minutes, moved into their working hours (08:15–18:00 local,
   * Monday to Friday) unless `anyTime`.
   */
  #later(p: Person, minMinutes: number, maxMinutes: number, anyTime = false): number {
    const random = this.#mind(p).random;
    const at = this.#o.clock.now() + (minMinutes + random() * (maxMinutes - minMinutes)) * MINUTE;
    if (anyTime) return Math.round(at);
    const local = DateTime.fromMillis(at, { zone: p.tz });
    const minutes = local.hour * 60 + local.minute;
    if (local.weekday <= 5 && minutes >= 8 * 60 + 15 && minutes <= 18 * 60) return Math.round(at);
    let day = local.startOf('day');
    if (minutes > 8 * 60 + 15) day = day.plus({ days: 1 });
    while (day.weekday > 5) day = day.plus({ days: 1 });
    return Math.round(day.set({ hour: 8, minute: 15 }).toMillis() + random() * 100 * MINUTE);
  }

  #plan(at: number, run: () => Promise<void>): void {
    this.#o.agenda.add(Math.max(at, this.#o.clock.now()), run);
  }

  #act(p: Person, platform: Platform, text: string): void {
    this.#o.narrator.act(p, platform, text);
  }

  async #click(p: Person, message: Incoming, button: Button, say?: string): Promise<ClickResult> {
    this.#act(p, message.platform, say ?? `clicks "${button.label}"`);
    this.stats.clicks += 1;
    const result = await message.click(p, button);
    if (result.notice) this.#notice(p, message.platform, result.notice);
    return result;
  }

  #notice(p: Person, platform: Platform, text: string): void {
    this.#o.narrator.aside(p, platform, text);
    this.stats.notices.push(`${firstName(p)}: ${text}`);
  }

  /** Fills a form (and the pages that follow it) with what `fill` returns for each page. */
  async #fill(
    p: Person,
    platform: Platform,
    form: Form,
    fill: (form: Form) => { values: FormValues; say: string },
  ): Promise<boolean> {
    let current: Form | undefined = form;
    for (let page = 0; current && page < 5; page += 1) {
      const { values, say } = fill(current);
      this.#act(p, platform, say);
      this.stats.forms += 1;
      const step = await current.submit(values);
      if ('errors' in step) {
        this.#notice(p, platform, `the form came back: ${Object.values(step.errors).join('; ')}`);
        return false;
      }
      current = 'next' in step ? step.next : undefined;
    }
    return true;
  }

  // ---- what arrives ----------------------------------------------------------------------------------

  onMessage(message: Incoming): void {
    this.#o.narrator.bot(message.to, message.platform, message.text);
    if (message.to === 'curators') {
      this.#curatorsSee(message);
      return;
    }
    const p = message.to;
    const has = (action: string) => message.buttons.find((b) => b.action === action);
    if (has('consent.accept')) this.#consent(p, message);
    else if (has('nudge.did')) this.#nudge(p, message);
    else if (has('survey.practice')) this.#survey(p, message);
    else if (has('charter.confirm')) this.#review(p, message);
    else if (has('milestone.met')) this.#milestone(p, message);
    else if (has('charter.form')) this.#charterAsked(p, message);
    else if (has('meeting.yes')) this.#meeting(p, message);
    else if (has('pair.newmatch')) this.#pairNudged(p, message);
    else if (this.#mind(p).chatting && message.buttons.length === 0) this.#chatAnswer(p, message);
    if (p.wakesOnRematch && /new mentor/i.test(message.text)) this.#mind(p).awake = true;
  }

  // ---- consent and the experiment ---------------------------------------------------------------------

  #consent(p: Person, message: Incoming): void {
    // Teams people install the app during the kick-off call and accept there and then.
    const at =
      message.platform === 'teams' && !this.#o.rosterImported()
        ? this.#later(p, 1, 6, true)
        : this.#busy(p)
          ? this.#later(p, 60, 600)
          : this.#later(p, 10, 150);
    this.#plan(at, async () => {
      if (p.style === 'declines') {
        await this.#click(p, message, message.buttons.find((b) => b.action === 'consent.decline')!);
        return;
      }
      const accepted = await this.#click(
        p,
        message,
        message.buttons.find((b) => b.action === 'consent.accept')!,
      );
      const next = accepted.message;
      const start = next?.buttons.find((b) => b.action === 'experiment.start');
      if (!p.experiment || !next || !start) return;
      if (message.platform === 'teams' && !this.#o.rosterImported()) {
        // Back at their desk after the call (and after the roster import).
        this.#plan(this.#later(p, 40, 150), () => this.#startExperiment(p, next, start));
      } else {
        await this.#startExperiment(p, next, start);
      }
    });
  }

  async #startExperiment(p: Person, message: Incoming, start: Button): Promise<void> {
    const plan = p.experiment!;
    const opened = await this.#click(p, message, start);
    if (!opened.form) return;
    const today = DateTime.fromMillis(this.#o.clock.now(), { zone: p.tz }).toISODate()!;
    // The pilot starts on Monday; whoever sets up later starts the day they do.
    const startDate = [today, this.#o.startDate].sort().at(-1)!;
    await this.#fill(p, message.platform, opened.form, () => ({
      values: {
        behavior: plan.behavior,
        hypothesis: plan.hypothesis,
        kpiName: plan.kpiName,
        kpiUnit: plan.kpiUnit,
        kpiBaseline: String(plan.baseline),
        kpiTarget: String(plan.target),
        kpiDirection: plan.direction,
        startDate,
        lengthWeeks: String(this.#o.lengthWeeks),
      },
      say: `fills in the experiment form: "${plan.behavior}", ${plan.kpiName} ${plan.baseline} → ${plan.target} ${plan.kpiUnit}, from ${startDate}`,
    }));
  }

  // ---- nudges and checkpoints -------------------------------------------------------------------------

  #nudge(p: Person, message: Incoming): void {
    const busy = this.#busy(p);
    this.#plan(busy ? this.#later(p, 60, 540) : this.#later(p, 15, 240), async () => {
      if (this.#quiet(p)) return;
      const roll = this.#mind(p).random();
      const choice = busy
        ? roll < 0.35
          ? 'nudge.did'
          : roll < 0.45
            ? 'nudge.skip'
            : roll < 0.49
              ? 'nudge.snooze'
              : null
        : roll < 0.72
          ? 'nudge.did'
          : roll < 0.9
            ? 'nudge.skip'
            : null;
      const button = choice && message.buttons.find((b) => b.action === choice);
      if (button) await this.#click(p, message, button);
    });
  }

  #survey(p: Person, message: Incoming): void {
    const reminder = /gentle reminder/i.test(message.text);
    const roll = this.#mind(p).random();
    // Busy people answer only once reminded, and now and then not even then (the checkpoint is missed);
    // engaged people sometimes leave the first message for the reminder.
    if (this.#busy(p) ? !reminder || roll < 0.2 : !reminder && roll < 0.1) return;
    this.#plan(this.#busy(p) ? this.#later(p, 30, 300) : this.#later(p, 15, 240), async () => {
      if (this.#quiet(p) || !p.experiment) return;
      const mind = this.#mind(p);
      const plan = p.experiment;
      const day = Number(/Day (\d+)/.exec(message.text)?.[1] ?? 30);
      const share = Math.min(1, day / (this.#o.lengthWeeks * 7));
      const practice =
        p.arm === 'control'
          ? 1 + Math.floor(mind.random() * 3)
          : Math.min(5, 2 + Math.round(3 * Math.min(1, share * 0.8 + mind.random() * 0.3)));
      const button = message.buttons.find(
        (b) => b.action === 'survey.practice' && b.value === String(practice),
      );
      if (!button) return;
      const opened = await this.#click(p, message, button, `answers practice ${practice}/5`);
      if (!opened.form) return;
      const progress = (p.progress ?? 0.5) * share + (mind.random() - 0.5) * 0.2;
      const raw = plan.baseline + (plan.target - plan.baseline) * progress;
      const kpi = Math.abs(plan.target - plan.baseline) >= 4 ? Math.round(raw) : Math.round(raw * 10) / 10;
      const confidence = Math.min(5, (p.arm === 'control' ? 2 : 3) + Math.floor(mind.random() * 3));
      const note = mind.random() < 0.25 ? 'Tried it twice this week; the second time felt natural.' : '';
      await this.#fill(p, message.platform, opened.form, () => ({
        values: { kpiValue: String(kpi), confidence: String(confidence), note },
        say: `reports ${plan.kpiName} = ${kpi} ${plan.kpiUnit}, confidence ${confidence}/5${note ? ', with a note' : ''}`,
      }));
    });
  }

  // ---- mentoring --------------------------------------------------------------------------------------

  /** The mentee's charter: the introduction asks for it; a mentor's change request asks for an edit. */
  #charterAsked(p: Person, message: Incoming): void {
    const plan = p.charter;
    if (!plan) return;
    const changes = /asked for changes/i.test(message.text);
    this.#plan(this.#later(p, 20, 240), async () => {
      if (this.#quiet(p)) return;
      if (plan.mode === 'chat' && !changes) {
        this.#mind(p).chatting = true;
        await this.#click(p, message, message.buttons.find((b) => b.action === 'charter.chat')!);
        return;
      }
      const opened = await this.#click(p, message, message.buttons.find((b) => b.action === 'charter.form')!);
      if (!opened.form) return;
      await this.#fill(p, message.platform, opened.form, (form) => this.#charterPage(p, plan, form, changes));
    });
  }

  #charterPage(
    p: Person,
    plan: CharterPlan,
    form: Form,
    revising: boolean,
  ): { values: FormValues; say: string } {
    const page = Number(form.id.replace('charter-', ''));
    const answers = this.#charterAnswers(plan, form.values);
    if (revising) {
      const values = { ...form.values };
      let say = `keeps page ${page}/3 as it was`;
      if (page === 2) {
        values.milestone1 = `${plan.milestone1}, owned by ${firstName(p)}`;
        say = `edits page 2/3: first milestone "${values.milestone1}"`;
      }
      return { values, say };
    }
    const values: FormValues = {};
    for (const id of CHARTER_PAGES[page - 1]?.fields ?? []) values[id] = answers[id];
    const say =
      page === 1
        ? `fills in the charter, page 1/3: "${plan.goals}"; ${plan.kpi1[0]} ${plan.kpi1[1]} → ${plan.kpi1[2]}, ${plan.kpi2[0]} ${plan.kpi2[1]} → ${plan.kpi2[2]}`
        : page === 2
          ? `page 2/3: first milestone "${plan.milestone1}" due ${values.milestone1Due}, meeting ${plan.cadence}`
          : `page 3/3: agrees to confidentiality; the mentor will "${plan.mentorWill}", will not "${plan.mentorWillNot}"`;
    return { values, say };
  }

  /** Every charter answer of a plan; due dates default to what the bot suggested (90 and 180 days). */
  #charterAnswers(plan: CharterPlan, suggested: FormValues): Record<CharterFieldId, string> {
    const inDays = (days: number) =>
      DateTime.fromMillis(this.#o.kickoff + days * DAY, { zone: 'UTC' }).toISODate()!;
    const due1 =
      plan.milestone1InDays !== undefined
        ? inDays(plan.milestone1InDays)
        : (suggested.milestone1Due ?? inDays(90));
    return {
      goals: plan.goals,
      kpi1Name: plan.kpi1[0],
      kpi1Baseline: String(plan.kpi1[1]),
      kpi1Target: String(plan.kpi1[2]),
      kpi2Name: plan.kpi2[0],
      kpi2Baseline: String(plan.kpi2[1]),
      kpi2Target: String(plan.kpi2[2]),
      milestone1: plan.milestone1,
      milestone1Due: due1,
      milestone2: plan.milestone2,
      milestone2Due: suggested.milestone2Due ?? inDays(180),
      cadence: plan.cadence,
      confidentiality: 'agree',
      mentorWill: plan.mentorWill,
      mentorWillNot: plan.mentorWillNot,
    };
  }

  /** A charter question in the chat: the mentee types the answer a minute or two later. */
  #chatAnswer(p: Person, message: Incoming): void {
    const plan = p.charter;
    const mind = this.#mind(p);
    if (!plan) return;
    if (/is with .* to confirm/i.test(message.text)) {
      mind.chatting = false;
      return;
    }
    const field = CHARTER_FIELDS.find((f) => message.text.includes(english(f.question)));
    if (!field || mind.chatAnswers > 30) return;
    mind.chatAnswers += 1;
    const answer = this.#charterAnswers(plan, {})[field.id];
    this.#plan(this.#later(p, 1, 4, true), async () => {
      this.#act(p, message.platform, `types: ${answer}`);
      this.stats.typed += 1;
      await this.#o.sides[message.platform].say(p, answer);
    });
  }

  #review(p: Person, message: Incoming): void {
    this.#plan(this.#later(p, 45, 600), async () => {
      if (this.#quiet(p)) return;
      const mind = this.#mind(p);
      const confirm = message.buttons.find((b) => b.action === 'charter.confirm')!;
      if (p.asksForChanges && !mind.askedForChanges) {
        mind.askedForChanges = true;
        const ask = message.buttons.find((b) => b.action === 'charter.changes')!;
        const opened = await this.#click(p, message, ask);
        if (!opened.form) return;
        const comment = p.asksForChanges;
        await this.#fill(p, message.platform, opened.form, () => ({
          values: { comment },
          say: `asks for changes: "${comment}"`,
        }));
        return;
      }
      await this.#click(p, message, confirm, `confirms the charter (version ${confirm.value ?? '?'})`);
    });
  }

  #milestone(p: Person, message: Incoming): void {
    this.#plan(this.#later(p, 60, 480), async () => {
      if (this.#quiet(p)) return;
      const partly = this.#mind(p).random() < 0.3;
      const button = message.buttons.find(
        (b) => b.action === (partly ? 'milestone.partly' : 'milestone.met'),
      );
      if (button) await this.#click(p, message, button);
    });
  }

  /** "Did you meet?": engaged people mostly met (and say how useful it was), busy ones often not yet. */
  #meeting(p: Person, message: Incoming): void {
    this.#plan(this.#busy(p) ? this.#later(p, 60, 600) : this.#later(p, 15, 300), async () => {
      if (this.#quiet(p)) return;
      const roll = this.#mind(p).random();
      const choice =
        roll < (this.#busy(p) ? 0.5 : 0.85) ? 'meeting.yes' : roll < 0.95 ? 'meeting.notyet' : 'meeting.skip';
      const answered = await this.#click(p, message, message.buttons.find((b) => b.action === choice)!);
      const usefulness = String(3 + Math.floor(this.#mind(p).random() * 3));
      const rate = answered.message?.buttons.find(
        (b) => b.action === 'meeting.useful' && b.value === usefulness,
      );
      if (answered.message && rate)
        await this.#click(p, answered.message, rate, `rates the meeting ${usefulness}/5`);
    });
  }

  /** The friendly nudge to a quiet pair: the quiet mentee, whose pairing never worked, asks for a new match. */
  #pairNudged(p: Person, message: Incoming): void {
    if (!p.wakesOnRematch || this.#mind(p).awake) return;
    this.#plan(this.#later(p, 30, 240), async () => {
      const ask = message.buttons.find((b) => b.action === 'pair.newmatch')!;
      await this.#click(
        p,
        message,
        ask,
        `clicks "${ask.label}" (the curators are told privately; the mentor is not)`,
      );
    });
  }

  // ---- curators ---------------------------------------------------------------------------------------

  /** A matching review: the curator approves each proposal (the review names who decided). */
  #reviewMatches(message: Incoming): void {
    const curator = this.#o.cast.find((p) => p.curator === 'env') ?? this.#o.cast.find((p) => p.curator);
    if (!curator) return;
    this.#plan(this.#later(curator, 30, 150), async () => {
      let current: Incoming | undefined = message;
      for (let guard = 0; current && guard < 12; guard += 1) {
        const approve = current.buttons.find(
          (b) => b.action === 'match.approve' && !this.#approved.has(b.ref),
        );
        if (!approve) return;
        this.#approved.add(approve.ref);
        const result = await this.#click(
          curator,
          current,
          approve,
          `approves a matching proposal in #curators`,
        );
        current = result.message;
      }
    });
  }

  #curatorsSee(message: Incoming): void {
    if (message.buttons.some((b) => b.action === 'match.approve')) {
      this.#reviewMatches(message);
      return;
    }
    const rematch = message.buttons.find((b) => b.action === 'alert.rematch');
    const curator = this.#o.cast.find((p) => p.curator === 'env') ?? this.#o.cast.find((p) => p.curator);
    if (!rematch || !curator) return;
    this.#plan(this.#later(curator, 30, 150), async () => {
      const opened = await this.#click(
        curator,
        message,
        rematch,
        `clicks "${rematch.label}" on the alert in #curators`,
      );
      if (!opened.form) return;
      const { mentor, userId, reason } = this.#o.rematch;
      await this.#fill(curator, message.platform, opened.form, () => ({
        values: { mentor: userId, reason },
        say: `picks ${mentor.name} as the new mentor; reason (audit log only): "${reason}"`,
      }));
    });
  }
}
