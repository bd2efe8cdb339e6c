import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  english,
  type MessageKey,
  type Text,
  type Translator,
  text,
  translator,
  type Words,
} from '../core/catalog/index.js';
import {
  CHARTER_FIELDS,
  CHARTER_PAGES,
  type CharterDraft,
  type CharterFieldId,
  charterPageForm,
  checkCharterAnswer,
  defaultCharterDraft,
  nextCharterField,
  validateCharter,
} from '../core/charter.js';
import { type Clock, DAY } from '../core/clock.js';
import { type EngagementScore, escalationStep, scorePair } from '../core/engagement.js';
import { type FieldErrors, type FormDefinition, type RawFormValues, validateForm } from '../core/forms.js';
import {
  answerWindowMs,
  type CheckinSeries,
  type MeetingAnswer,
  meetingNoteForm,
  meetingTally,
  nextPairCheckinRun,
  pairCheckinMessage,
  parseRound,
  roundDay,
  usefulnessSchema,
} from '../core/meetings.js';
import {
  type CharterVersion,
  CURATOR_FORMS,
  type CuratorAction,
  type CuratorAlert,
  changeRequestForm,
  changesRequestedMessage,
  charterReviewMessage,
  curatorAlertMessage,
  type Milestone,
  type MilestoneAnswer,
  milestoneDueAt,
  milestoneNoteForm,
  milestoneReminderMessage,
  milestoneReminderRun,
  nextPairHealthRun,
  type Pair,
  pairFineForm,
  pairIntroMessage,
  pairNudgeMessage,
} from '../core/mentoring.js';
import type { Message } from '../core/messages.js';
import { availabilityOf, type Identity, type Participant, readerOf } from '../core/participant.js';
import { effectiveAvailability, type ProgramSettings } from '../core/program.js';
import type { Decision, ScheduledJob } from '../core/schedule.js';
import { localWeekKey, nextAllowedInstant, startOfNextWeek } from '../core/time.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { NewOutboxRow, PairCheckin, ProgramRecord, Store } from '../store/types.js';
import { NotAllowedError, UserFacingError } from './errors.js';
import type { CoachingService } from './service.js';

export interface CuratorDirectory {
  /** Whether this person may act on curator alerts and create pairs. Asked on every action. */
  isCurator(identity: Identity): Promise<boolean>;
  /** Where curator alerts go for a platform and workspace, if a curator channel is configured. */
  channelFor(platform: Identity['platform'], workspaceId: string): Promise<Identity | null>;
}

export type FormStep =
  | { ok: true; next: FormDefinition | null; initial: RawFormValues }
  | { ok: false; errors: FieldErrors };

/** What the charter chat says back to a typed answer, or that the charter was sent. */
export type CharterChatReply = { say: Words } | { submitted: true };

/** A person's name as others see it, or a word in the reader's language when the bot does not know it. */
export function nameOf(t: Translator, p: Participant | null, fallback: MessageKey): string {
  return p?.displayName ?? p?.email ?? t(fallback);
}

/** The curator alert for a pair, in the words of whoever reads it. */
export function alertMessageFor(
  t: Translator,
  alert: CuratorAlert,
  mentor: Participant,
  mentee: Participant,
  threshold: number,
): Message {
  return curatorAlertMessage(
    t,
    alert,
    nameOf(t, mentor, 'pair.mentor'),
    nameOf(t, mentee, 'pair.mentee'),
    threshold,
  );
}

/** The outbox row that takes a curator alert to the curators' channel, in that channel's words. */
function curatorAlertRow(
  alert: CuratorAlert,
  channel: Participant,
  mentor: Participant,
  mentee: Participant,
  settings: ProgramSettings,
  now: number,
): NewOutboxRow {
  return {
    key: `curator_alert:${alert.id}`,
    participantId: channel.id,
    kind: 'curator_alert',
    budgeted: false,
    budgetWeek: localWeekKey(now, settings.timezone),
    message: alertMessageFor(
      translator(readerOf(settings, channel)),
      alert,
      mentor,
      mentee,
      settings.engagement.threshold,
    ),
    dueAt: now,
    expiresAt: now + 7 * DAY,
  };
}

/** A charter chat reply that says what did not fit and asks the field's question again. */
function askAgain(
  key: 'charter.chatFix' | 'charter.chatNoFit' | 'charter.chatAlmost',
  problem: Words,
  field: CharterFieldId,
): Words {
  return (t) =>
    t(key, {
      error: t.text(problem),
      question: t(CHARTER_FIELDS.find((f) => f.id === field)?.question ?? 'charter.question.goals'),
    });
}

/** One pair as the curators' overview shows it. */
export interface PairOverview {
  pair: Pair;
  program: string;
  mentor: Participant;
  mentee: Participant;
  /** The current charter version's state, or null before the mentee sent one. */
  charter: CharterVersion['status'] | null;
  score: EngagementScore;
  threshold: number;
  milestones: Milestone[];
  /** Check-in rounds the pair was asked, and in how many they said they met. */
  checkins: { asked: number; met: number };
  /** The pair's open alert, if curators have one to decide. */
  alert: CuratorAlert | null;
}

/** Mentor pairs: charters, milestones, engagement and the curators' controls. Platform-neutral. */
export class MentoringService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #coaching: CoachingService;
  readonly #curators: CuratorDirectory;
  readonly #logger: Logger;
  readonly #onQueued: () => void;

  constructor(options: {
    store: Store;
    clock: Clock;
    coaching: CoachingService;
    curators: CuratorDirectory;
    logger?: Logger;
    onQueued?: () => void;
  }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#coaching = options.coaching;
    this.#curators = options.curators;
    this.#logger = options.logger ?? silentLogger;
    this.#onQueued = options.onQueued ?? (() => undefined);
  }

  get curators(): CuratorDirectory {
    return this.#curators;
  }

  async #program(programId: string): Promise<ProgramRecord> {
    const program = await this.#store.programs.get(programId);
    if (!program) throw new Error(`no program ${programId}`);
    return program;
  }

  async #person(id: string): Promise<Participant> {
    const person = await this.#store.participants.get(id);
    if (!person) throw new Error(`no participant ${id}`);
    return person;
  }

  async #me(identity: Identity): Promise<Participant> {
    const me = await this.#store.participants.findByIdentity(identity);
    if (!me) throw new NotAllowedError();
    return me;
  }

  async #queue(
    to: Participant,
    kind: NewOutboxRow['kind'],
    key: string,
    compose: (t: Translator) => Message,
    validForMs = 3 * DAY,
  ): Promise<void> {
    const now = this.#clock.now();
    const program = await this.#program(to.programId);
    const message = compose(this.#coaching.translatorFor(program, to));
    const who = availabilityOf(program.settings, to);
    // Someone else's action: it waits for the recipient's working hours.
    const dueAt = nextAllowedInstant(now, who);
    const inserted = await this.#store.outbox.enqueue(
      {
        key,
        participantId: to.id,
        kind,
        budgeted: false,
        budgetWeek: localWeekKey(dueAt, who.timezone),
        message,
        dueAt,
        expiresAt: dueAt + validForMs,
      },
      now,
    );
    if (inserted) this.#onQueued();
  }

  async #requireCurator(identity: Identity): Promise<void> {
    if (!(await this.#curators.isCurator(identity))) throw new NotAllowedError('common.curatorsOnly');
  }

  // ---- pairs -----------------------------------------------------------------------------------------

  /** A curator (or the roster import, with `by: 'roster'`) pairs a mentor with a mentee. */
  async createPair(
    by: Identity | 'roster',
    mentor: Identity,
    mentee: Identity,
    replacesPairId: string | null = null,
  ): Promise<Pair> {
    if (by !== 'roster') await this.#requireCurator(by);
    if (
      mentor.platform === mentee.platform &&
      mentor.workspaceId === mentee.workspaceId &&
      mentor.userId === mentee.userId
    ) {
      throw new UserFacingError('pair.selfMentor');
    }
    const { participant: menteeP } = await this.#coaching.ensureParticipant(mentee);
    const program = await this.#program(menteeP.programId);
    const { participant: mentorP } = await this.#coaching.ensureParticipant(mentor, program.name);
    const now = this.#clock.now();
    const id = `pair_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const health = nextPairHealthRun(id, program.settings, effectiveAvailability(program.settings, {}), now);
    const actor =
      by === 'roster'
        ? 'roster'
        : ((await this.#store.participants.findByIdentity(by))?.id ?? `${by.platform}:${by.userId}`);
    const pair = await this.#store.mentoring.createPair(
      {
        id,
        programId: program.id,
        mentorId: mentorP.id,
        menteeId: menteeP.id,
        createdBy: actor,
        replacesPairId,
      },
      [health],
      now,
    );
    if (!pair) throw new UserFacingError('pair.alreadyPaired');
    await this.#store.mentoring.saveDraft(
      pair.id,
      defaultCharterDraft(DateTime.fromMillis(now, { zone: program.settings.timezone }).toISODate()!),
      'paused',
      now,
    );
    await this.#store.audit.append({
      at: now,
      actor,
      action: 'pair.created',
      subject: pair.id,
      detail: { mentor: mentorP.id, mentee: menteeP.id, replaces: replacesPairId },
    });
    await this.sendIntros(pair);
    return pair;
  }

  /** Introductions go out once both people have accepted consent. */
  async sendIntros(pair: Pair): Promise<void> {
    const mentor = await this.#person(pair.mentorId);
    const mentee = await this.#person(pair.menteeId);
    if (mentor.consent !== 'accepted' || mentee.consent !== 'accepted' || pair.status !== 'active') return;
    if (!(await this.#store.mentoring.markIntroSent(pair.id, this.#clock.now()))) return;
    await this.#queue(mentor, 'notice', `pair_intro:${pair.id}:mentor`, (t) =>
      pairIntroMessage(t, pair, 'mentor', nameOf(t, mentee, 'pair.yourMentee')),
    );
    await this.#queue(mentee, 'notice', `pair_intro:${pair.id}:mentee`, (t) =>
      pairIntroMessage(t, pair, 'mentee', nameOf(t, mentor, 'pair.yourMentor')),
    );
  }

  async onConsentAccepted(participant: Participant): Promise<void> {
    for (const pair of await this.#store.mentoring.pairsAwaitingIntro(participant.id))
      await this.sendIntros(pair);
  }

  async #menteePair(identity: Identity, pairId: string): Promise<{ pair: Pair; me: Participant }> {
    const me = await this.#me(identity);
    const pair = await this.#store.mentoring.getPair(pairId);
    if (!pair || pair.menteeId !== me.id) throw new NotAllowedError();
    if (pair.status !== 'active') throw new UserFacingError('pair.closed');
    return { pair, me };
  }

  async #mentorPair(identity: Identity, pairId: string): Promise<{ pair: Pair; me: Participant }> {
    const me = await this.#me(identity);
    const pair = await this.#store.mentoring.getPair(pairId);
    if (!pair || pair.mentorId !== me.id) throw new NotAllowedError();
    if (pair.status !== 'active') throw new UserFacingError('pair.closed');
    return { pair, me };
  }

  // ---- the charter -------------------------------------------------------------------------------------

  /** The page to show when the mentee opens the charter form: the first with a missing answer, prefilled. */
  async charterForm(
    identity: Identity,
    pairId: string,
  ): Promise<{ page: number; form: FormDefinition; initial: RawFormValues }> {
    const { pair } = await this.#menteePair(identity, pairId);
    await this.#guardNotWaiting(pair);
    const draft = (await this.#store.mentoring.getDraft(pair.id))?.data ?? {};
    const missing = nextCharterField(draft);
    const page = missing
      ? Math.max(
          0,
          CHARTER_PAGES.findIndex((p) => p.fields.includes(missing.id)),
        )
      : 0;
    await this.#store.mentoring.saveDraft(pair.id, draft, 'form', this.#clock.now());
    return { page, form: charterPageForm(page), initial: draft };
  }

  async #guardNotWaiting(pair: Pair): Promise<void> {
    const current = await this.#store.mentoring.currentCharter(pair.id);
    if (current?.status === 'submitted') throw new UserFacingError('charter.withMentor');
  }

  /** Saves one page of the charter form (the draft survives an abandoned form); the last page sends it to the mentor. */
  async saveCharterPage(
    identity: Identity,
    pairId: string,
    page: number,
    raw: RawFormValues,
  ): Promise<FormStep> {
    const { pair } = await this.#menteePair(identity, pairId);
    await this.#guardNotWaiting(pair);
    const form = charterPageForm(page);
    const checked = validateForm(form, raw);
    if (!checked.ok) return checked;
    const now = this.#clock.now();
    const draft: CharterDraft = { ...((await this.#store.mentoring.getDraft(pair.id))?.data ?? {}) };
    for (const field of form.fields) draft[field.id as keyof CharterDraft] = raw[field.id]?.trim();
    await this.#store.mentoring.saveDraft(pair.id, draft, 'form', now);
    if (page < CHARTER_PAGES.length - 1) return { ok: true, next: charterPageForm(page + 1), initial: draft };
    const whole = validateCharter(draft);
    if (!whole.ok) {
      const onThisPage = Object.entries(whole.errors).filter(([id]) => form.fields.some((f) => f.id === id));
      const elsewhere = Object.entries(whole.errors).filter(([id]) => !form.fields.some((f) => f.id === id));
      const errors: FieldErrors = Object.fromEntries(onThisPage) as FieldErrors;
      if (elsewhere.length > 0) {
        const first = form.fields[0]!.id;
        errors[first] ??= (t) =>
          t('validation.charter.earlierPage', {
            problems: elsewhere
              .map(([id, problem]) =>
                t('validation.charter.problem', {
                  field: t(CHARTER_FIELDS.find((f) => f.id === id)?.label ?? 'charter.field.goals'),
                  message: t.text(problem!),
                }),
              )
              .join('; '),
          });
      }
      return { ok: false, errors };
    }
    await this.#submit(pair, draft);
    return { ok: true, next: null, initial: draft };
  }

  async #submit(pair: Pair, draft: CharterDraft): Promise<CharterVersion> {
    const whole = validateCharter(draft);
    if (!whole.ok) throw new UserFacingError('charter.incomplete');
    const version = await this.#store.mentoring.submitCharter(pair.id, whole.charter, this.#clock.now());
    if (!version) throw new UserFacingError('charter.alreadyWithMentor');
    const mentor = await this.#person(pair.mentorId);
    const mentee = await this.#person(pair.menteeId);
    await this.#queue(mentor, 'notice', `charter_review:${pair.id}:v${version.version}`, (t) =>
      charterReviewMessage(t, pair, version, nameOf(t, mentee, 'pair.yourMentee')),
    );
    await this.#coaching.notify(
      mentee,
      `charter_sent:${pair.id}:v${version.version}`,
      (t) =>
        t('charter.thanksSent', { version: version.version, mentor: nameOf(t, mentor, 'pair.yourMentor') }),
      { reply: true },
    );
    return version;
  }

  /** Starts (or resumes) the step-by-step chat: returns the next question. */
  async startCharterChat(identity: Identity, pairId: string): Promise<Words> {
    const { pair } = await this.#menteePair(identity, pairId);
    await this.#guardNotWaiting(pair);
    const draft = (await this.#store.mentoring.getDraft(pair.id))?.data ?? {};
    await this.#store.mentoring.saveDraft(pair.id, draft, 'chat', this.#clock.now());
    const next = nextCharterField(draft);
    return (t) => `${t('charter.chatStart')}\n\n${t(next ? next.question : 'charter.chatAllAnswered')}`;
  }

  /**
   * A typed answer in the charter chat. Returns the reply to send ('' when the submission itself is the
   * reply), or null when the person is not in a charter chat (so the message is handled as a command).
   */
  async answerCharterChat(identity: Identity, typed: string): Promise<CharterChatReply | null> {
    const me = await this.#store.participants.findByIdentity(identity);
    if (!me) return null;
    for (const pair of await this.#store.mentoring.activePairsOf(me.id)) {
      if (pair.menteeId !== me.id) continue;
      const draft = await this.#store.mentoring.getDraft(pair.id);
      if (draft?.mode !== 'chat') continue;
      const now = this.#clock.now();
      if (/^(stop|pause|later)$/i.test(typed.trim())) {
        await this.#store.mentoring.saveDraft(pair.id, draft.data, 'paused', now);
        return { say: text('charter.chatPaused') };
      }
      const field = nextCharterField(draft.data);
      if (!field) {
        const whole = validateCharter(draft.data);
        if (!whole.ok) {
          const [id, problem] = Object.entries(whole.errors)[0]!;
          const data = { ...draft.data };
          delete data[id as keyof CharterDraft];
          await this.#store.mentoring.saveDraft(pair.id, data, 'chat', now);
          return { say: askAgain('charter.chatFix', problem!, id as CharterFieldId) };
        }
        await this.#submit(pair, draft.data);
        return { submitted: true };
      }
      const checked = checkCharterAnswer(field.id, typed);
      if (!checked.ok) return { say: askAgain('charter.chatNoFit', checked.error, field.id) };
      const data = { ...draft.data, [field.id]: checked.value };
      await this.#store.mentoring.saveDraft(pair.id, data, 'chat', now);
      const next = nextCharterField(data);
      if (next) return { say: (t) => t('charter.chatSaved', { question: t(next.question) }) };
      const whole = validateCharter(data);
      if (!whole.ok) {
        const [id, problem] = Object.entries(whole.errors)[0]!;
        const trimmed = { ...data };
        delete trimmed[id as keyof CharterDraft];
        await this.#store.mentoring.saveDraft(pair.id, trimmed, 'chat', now);
        return { say: askAgain('charter.chatAlmost', problem!, id as CharterFieldId) };
      }
      await this.#submit(pair, data);
      return { submitted: true };
    }
    return null;
  }

  async confirmCharter(identity: Identity, pairId: string, version: number): Promise<CharterVersion> {
    const { pair, me } = await this.#mentorPair(identity, pairId);
    const current = await this.#store.mentoring.currentCharter(pair.id);
    if (!current || current.version !== version || current.status !== 'submitted') {
      throw new UserFacingError(
        current?.status === 'active' ? 'charter.alreadyConfirmed' : 'charter.notWaiting',
      );
    }
    const program = await this.#program(pair.programId);
    const who = availabilityOf(program.settings, me);
    const now = this.#clock.now();
    const milestones = [
      { description: current.charter.milestone1, dueDate: current.charter.milestone1Due },
      { description: current.charter.milestone2, dueDate: current.charter.milestone2Due },
    ].map((m, position) => ({
      id: `mst_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
      pairId: pair.id,
      charterVersion: version,
      position,
      description: m.description,
      dueDate: m.dueDate,
      dueAt: milestoneDueAt(m.dueDate, who.timezone),
    }));
    const jobs = milestones.map((m) => milestoneReminderRun(m, program.settings, who, now));
    const mentee = await this.#person(pair.menteeId);
    const series: CheckinSeries = { pairId: pair.id, version, cadence: current.charter.cadence, anchor: now };
    const checkins = [me, mentee].map((person) => ({
      participantId: person.id,
      run: nextPairCheckinRun(
        series,
        program.settings.checkpointTime,
        availabilityOf(program.settings, person),
        now,
      ),
    }));
    const confirmed = await this.#store.mentoring.confirmCharter(
      pair.id,
      version,
      milestones,
      jobs,
      me.id,
      now,
      checkins,
    );
    if (!confirmed) throw new UserFacingError('charter.alreadyConfirmed');
    await this.#coaching.notify(mentee, `charter_active:${pair.id}:v${version}`, (t) =>
      t('charter.activeForMentee', {
        mentor: nameOf(t, me, 'pair.yourMentor'),
        first: milestones[0]?.dueDate,
        second: milestones[1]?.dueDate,
      }),
    );
    await this.#coaching.touch(me);
    return confirmed;
  }

  /** Before the mentor's change-request form opens: only this pair's mentor, and only while a version waits. */
  async changeRequestFormFor(identity: Identity, pairId: string, version: number): Promise<void> {
    const { pair } = await this.#mentorPair(identity, pairId);
    const current = await this.#store.mentoring.currentCharter(pair.id);
    if (!current || current.version !== version || current.status !== 'submitted') {
      throw new UserFacingError(
        current?.status === 'active' ? 'charter.alreadyConfirmed' : 'charter.notWaiting',
      );
    }
  }

  /** Before the milestone note form opens: only the pair's mentor. */
  async milestoneNoteFormFor(identity: Identity, milestoneId: string): Promise<Milestone> {
    return (await this.#mentorMilestone(identity, milestoneId)).milestone;
  }

  async requestCharterChanges(
    identity: Identity,
    pairId: string,
    version: number,
    raw: RawFormValues,
  ): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
    const { pair, me } = await this.#mentorPair(identity, pairId);
    const checked = validateForm(changeRequestForm, raw);
    if (!checked.ok) return checked;
    const comment = (checked.value as { comment: string }).comment;
    const changed = await this.#store.mentoring.requestCharterChanges(
      pair.id,
      version,
      comment,
      this.#clock.now(),
    );
    if (!changed) return { ok: false, errors: { comment: text('charter.notWaiting') } };
    const mentee = await this.#person(pair.menteeId);
    await this.#queue(mentee, 'notice', `charter_changes:${pair.id}:v${version}`, (t) =>
      changesRequestedMessage(t, pair, nameOf(t, me, 'pair.yourMentor'), comment),
    );
    await this.#coaching.touch(me);
    return { ok: true };
  }

  // ---- milestones ----------------------------------------------------------------------------------------

  async #mentorMilestone(
    identity: Identity,
    milestoneId: string,
  ): Promise<{ milestone: Milestone; pair: Pair; me: Participant }> {
    const me = await this.#me(identity);
    const milestone = await this.#store.mentoring.getMilestone(milestoneId);
    const pair = milestone ? await this.#store.mentoring.getPair(milestone.pairId) : null;
    if (!milestone || !pair || pair.mentorId !== me.id) throw new NotAllowedError();
    return { milestone, pair, me };
  }

  /** One click: met, partly or not yet. The first answer counts; the mentee is told. */
  async confirmMilestone(
    identity: Identity,
    milestoneId: string,
    answer: MilestoneAnswer,
  ): Promise<{ milestone: Milestone; recorded: boolean }> {
    const { milestone, pair, me } = await this.#mentorMilestone(identity, milestoneId);
    const recorded = await this.#store.mentoring.confirmMilestone(
      milestone.id,
      answer,
      me.id,
      this.#clock.now(),
    );
    await this.#coaching.touch(me);
    const updated = (await this.#store.mentoring.getMilestone(milestone.id))!;
    if (recorded) {
      const mentee = await this.#person(pair.menteeId);
      await this.#coaching.notify(mentee, `milestone:${milestone.id}`, (t) =>
        t('milestone.toMentee', {
          mentor: nameOf(t, me, 'pair.yourMentor'),
          description: milestone.description,
          answer,
        }),
      );
    }
    return { milestone: updated, recorded };
  }

  async noteMilestone(
    identity: Identity,
    milestoneId: string,
    raw: RawFormValues,
  ): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
    const { milestone, pair, me } = await this.#mentorMilestone(identity, milestoneId);
    const checked = validateForm(milestoneNoteForm, raw);
    if (!checked.ok) return checked;
    const note = (checked.value as { note?: string }).note;
    if (!note) return { ok: true };
    await this.#store.mentoring.noteMilestone(milestone.id, note);
    const mentee = await this.#person(pair.menteeId);
    await this.#coaching.notify(mentee, `milestone_note:${milestone.id}`, (t) =>
      t('milestone.noteToMentee', {
        mentor: nameOf(t, me, 'pair.yourMentor'),
        description: milestone.description,
        note,
      }),
    );
    return { ok: true };
  }

  // ---- curators ------------------------------------------------------------------------------------------

  async alertView(alertId: string): Promise<{
    alert: CuratorAlert;
    pair: Pair;
    mentor: Participant;
    mentee: Participant;
    threshold: number;
  } | null> {
    const alert = await this.#store.mentoring.getAlert(alertId);
    const pair = alert ? await this.#store.mentoring.getPair(alert.pairId) : null;
    if (!alert || !pair) return null;
    const program = await this.#program(pair.programId);
    return {
      alert,
      pair,
      mentor: await this.#person(pair.mentorId),
      mentee: await this.#person(pair.menteeId),
      threshold: program.settings.engagement.threshold,
    };
  }

  /** Opening a curator form: curators only, and only while the alert is still open. */
  async curatorForm(identity: Identity, alertId: string, action: CuratorAction): Promise<FormDefinition> {
    await this.#requireCurator(identity);
    const alert = await this.#store.mentoring.getAlert(alertId);
    if (!alert) throw new NotAllowedError();
    if (alert.status !== 'open') {
      const handled = await this.#handledText(alert);
      throw new UserFacingError(handled.key, handled.params);
    }
    return CURATOR_FORMS[action];
  }

  async #handledText(alert: CuratorAlert): Promise<Text> {
    const by = alert.handledBy ? await this.#store.participants.get(alert.handledBy) : null;
    const curator = by?.displayName ?? by?.email;
    return curator ? text('alert.alreadyHandledBy', { curator }) : text('alert.alreadyHandled');
  }

  /**
   * A curator's decision on an alert. Exactly one decision per alert wins, even when two curators act at
   * once; every decision is written to the audit log. The bot never re-matches on its own.
   */
  async curatorAct(
    identity: Identity,
    alertId: string,
    action: CuratorAction,
    raw: RawFormValues,
    /** How the platform names people picked in the form, for those the bot knows no name of yet. */
    pickedNames: Record<string, string> = {},
  ): Promise<{ ok: true; summary: Text } | { ok: false; errors: FieldErrors }> {
    await this.#requireCurator(identity);
    const form = CURATOR_FORMS[action];
    const firstField = form.fields[0]!.id;
    const checked = validateForm(form, raw);
    if (!checked.ok) return checked;
    const values = checked.value as Record<string, string | number | undefined>;
    const view = await this.alertView(alertId);
    if (!view) throw new NotAllowedError();
    const curator = await this.#store.participants.findByIdentity(identity);
    const curatorId = curator?.id ?? `${identity.platform}:${identity.workspaceId}:${identity.userId}`;
    const now = this.#clock.now();
    let newMentor: Identity | null = null;
    if (action === 'rematch') {
      newMentor = {
        platform: identity.platform,
        workspaceId: identity.workspaceId,
        userId: String(values.mentor),
      };
      const existing = await this.#store.participants.findByIdentity(newMentor);
      if (existing?.id === view.pair.menteeId)
        return { ok: false, errors: { mentor: text('validation.curator.menteeSelf') } };
      if (existing?.id === view.pair.mentorId)
        return { ok: false, errors: { mentor: text('validation.curator.sameMentor') } };
    }
    const snoozeUntil = action === 'snooze' ? now + Number(values.days) * DAY : undefined;
    const detail: Record<string, unknown> =
      action === 'rematch'
        ? { newMentorUserId: newMentor?.userId }
        : action === 'snooze'
          ? { days: Number(values.days) }
          : {};
    if (!(await this.#store.mentoring.handleAlert(alertId, action, curatorId, now, detail, snoozeUntil))) {
      const alert = (await this.#store.mentoring.getAlert(alertId))!;
      return { ok: false, errors: { [firstField]: await this.#handledText(alert) } };
    }
    const { pair, mentor, mentee } = view;
    let summary: Text;
    switch (action) {
      case 'rematch': {
        await this.#store.mentoring.closePair(pair.id, 're-matched by a curator', now);
        const fresh = await this.createPair(
          'roster',
          newMentor!,
          { platform: mentee.platform, workspaceId: mentee.workspaceId, userId: mentee.userId },
          pair.id,
        );
        const newMentorP = await this.#person(fresh.mentorId);
        const newMentorName = newMentorP.displayName ?? newMentorP.email ?? pickedNames[newMentor!.userId];
        await this.#coaching.notify(mentee, `rematch:${pair.id}:mentee`, (t) =>
          t('pair.rematchedMentee', { mentor: newMentorName ?? t('pair.yourMentor') }),
        );
        await this.#coaching.notify(mentor, `rematch:${pair.id}:mentor`, (t) =>
          t('pair.rematchedMentor', { mentee: nameOf(t, mentee, 'pair.yourMentee') }),
        );
        summary = text('alert.summaryRematch', { mentor: newMentorName ?? newMentor!.userId });
        break;
      }
      case 'checkin': {
        const note = String(values.note);
        await this.#coaching.notify(
          mentee,
          `curator_checkin:${alertId}:mentee`,
          text('pair.curatorNote', { note }),
        );
        await this.#coaching.notify(
          mentor,
          `curator_checkin:${alertId}:mentor`,
          text('pair.curatorNote', { note }),
        );
        summary = text('alert.summaryCheckin');
        break;
      }
      case 'snooze':
        summary = text('alert.summarySnooze', {
          until: DateTime.fromMillis(snoozeUntil!, { zone: 'UTC' }).toISODate(),
        });
        break;
      case 'close': {
        await this.#store.mentoring.closePair(pair.id, String(values.reason), now);
        await this.#coaching.notify(mentee, `pair_closed:${pair.id}:mentee`, (t) =>
          t('pair.closedMentee', { mentor: nameOf(t, mentor, 'pair.yourMentor') }),
        );
        await this.#coaching.notify(mentor, `pair_closed:${pair.id}:mentor`, (t) =>
          t('pair.closedMentor', { mentee: nameOf(t, mentee, 'pair.yourMentee') }),
        );
        summary = text('alert.summaryClose');
        break;
      }
    }
    await this.#store.audit.append({
      at: now,
      actor: curatorId,
      action: `curator.${action}`,
      subject: pair.id,
      detail: {
        alertId,
        ...detail,
        ...(action === 'close' || action === 'rematch' ? { reason: values.reason } : {}),
      },
    });
    this.#logger.info({ alertId, action, pairId: pair.id }, 'curator decision recorded');
    return { ok: true, summary };
  }

  // ---- scheduled work ------------------------------------------------------------------------------------

  /** The daily pair-health look: score, then a friendly pair nudge, a grace period, and only then curators. */
  async decidePairHealth(
    job: ScheduledJob,
    now: number,
  ): Promise<{ decision: Decision; outbox: NewOutboxRow[] }> {
    const pair = await this.#store.mentoring.getPair(job.subjectId);
    if (pair?.status !== 'active')
      return { decision: { type: 'skip', reason: 'pair closed', effects: [], next: [] }, outbox: [] };
    const program = await this.#program(pair.programId);
    const settings = program.settings;
    const next = [nextPairHealthRun(pair.id, settings, effectiveAvailability(settings, {}), now)];
    const mentor = await this.#person(pair.mentorId);
    const mentee = await this.#person(pair.menteeId);
    const score = await this.#score(pair, settings, mentor, mentee, now);
    const open = await this.#store.mentoring.openAlertFor(pair.id);
    const effects: Extract<Decision, { type: 'skip' }>['effects'] = [];
    let snoozedUntil: number | null = null;
    if (open?.status === 'snoozed') {
      if ((open.snoozedUntil ?? 0) <= now) effects.push({ type: 'end_alert_snooze', alertId: open.id });
      else snoozedUntil = open.snoozedUntil;
    }
    const step = escalationStep(
      score,
      { nudgedAt: pair.nudgedAt, openAlert: open?.status === 'open', snoozedUntil },
      now,
      settings.engagement,
    );
    const outbox: NewOutboxRow[] = [];
    switch (step.type) {
      case 'healthy':
        if (pair.nudgedAt !== null) effects.push({ type: 'pair_healthy' });
        return { decision: { type: 'skip', reason: `healthy (${score.score})`, effects, next }, outbox };
      case 'nudge_pair': {
        for (const [to, other] of [
          [mentee, mentor],
          [mentor, mentee],
        ] as const) {
          const row = await this.#budgetedRow(
            to,
            settings,
            now,
            'pair_nudge',
            `pair_nudge:${to.id}:${pair.id}/${localWeekKey(now, settings.timezone)}`,
            (t) => pairNudgeMessage(t, nameOf(t, other, 'pair.yourPartner'), pair.id),
          );
          if (row) outbox.push(row);
        }
        effects.push({ type: 'pair_nudged' });
        return {
          decision: { type: 'skip', reason: `low engagement (${score.score}): pair nudged`, effects, next },
          outbox,
        };
      }
      case 'alert_curators': {
        const target = await this.#curators.channelFor(mentee.platform, mentee.workspaceId);
        const alertId = `alr_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
        const alert: CuratorAlert = {
          id: alertId,
          pairId: pair.id,
          status: 'open',
          score: score.score,
          reasons: score.reasons,
          createdAt: now,
          snoozedUntil: null,
          action: null,
          handledBy: null,
          handledAt: null,
        };
        effects.push({ type: 'open_alert', alertId, score: score.score, reasons: score.reasons });
        if (target) {
          const channel = await this.#store.participants.ensureChannel(target, program.id, now);
          outbox.push(curatorAlertRow(alert, channel, mentor, mentee, settings, now));
        } else {
          this.#logger.warn({ pairId: pair.id }, 'curator alert raised but no curator channel is configured');
        }
        return {
          decision: {
            type: 'skip',
            reason: `low engagement (${score.score}): curators alerted`,
            effects,
            next,
          },
          outbox,
        };
      }
      default:
        return {
          decision: { type: 'skip', reason: `low engagement (${score.score}): ${step.type}`, effects, next },
          outbox,
        };
    }
  }

  /** The pair's engagement score now, from what the bot has seen (never chat content). */
  async #score(
    pair: Pair,
    settings: ProgramSettings,
    mentor: Participant,
    mentee: Participant,
    now: number,
  ): Promise<EngagementScore> {
    const charter = (await this.#store.mentoring.charterVersions(pair.id)).find(
      (c) => c.status === 'active' || c.status === 'superseded',
    );
    const milestones = (await this.#store.mentoring.milestones(pair.id)).map((m) => ({
      description: m.description,
      dueAt: m.dueAt,
      confirmedAt: m.confirmedAt,
    }));
    const experiment = await this.#store.experiments.current(mentee.id);
    const missedCheckins = experiment
      ? (await this.#store.surveys.forExperiment(experiment.id)).filter((s) => s.status === 'missed').length
      : 0;
    const active = (await this.#store.mentoring.charterVersions(pair.id)).find((c) => c.status === 'active');
    const meetings = meetingTally(
      roundsOf(await this.#store.matching.pairCheckins(pair.id)),
      now,
      answerWindowMs(active?.charter.cadence ?? 'biweekly'),
    );
    return scorePair(
      {
        now,
        pairedAt: pair.createdAt,
        charterActivatedAt: charter?.mentorConfirmedAt ?? null,
        milestones,
        meetings,
        mentor: { name: nameOf(english, mentor, 'pair.mentor'), lastInteractionAt: mentor.lastInteractionAt },
        mentee: { name: nameOf(english, mentee, 'pair.mentee'), lastInteractionAt: mentee.lastInteractionAt },
        missedCheckins,
      },
      settings.engagement,
    );
  }

  /**
   * Every active pair with its charter state, score and reasons, check-in rounds, milestones and open alert: the
   * curators' overview. The caller has checked that the viewer may see it (`ConsoleAccess.pairsOverview`).
   */
  async pairsOverview(): Promise<PairOverview[]> {
    const now = this.#clock.now();
    const result: PairOverview[] = [];
    for (const pair of await this.#store.mentoring.activePairs()) {
      const program = await this.#program(pair.programId);
      const mentor = await this.#person(pair.mentorId);
      const mentee = await this.#person(pair.menteeId);
      const open = await this.#store.mentoring.openAlertFor(pair.id);
      const rounds = roundsOf(await this.#store.matching.pairCheckins(pair.id));
      result.push({
        pair,
        program: program.name,
        mentor,
        mentee,
        charter: (await this.#store.mentoring.currentCharter(pair.id))?.status ?? null,
        score: await this.#score(pair, program.settings, mentor, mentee, now),
        threshold: program.settings.engagement.threshold,
        milestones: await this.#store.mentoring.milestones(pair.id),
        checkins: { asked: rounds.length, met: rounds.filter((r) => r.answers.includes('met')).length },
        alert: open?.status === 'open' ? open : null,
      });
    }
    return result;
  }

  /**
   * `/coach pair status`: each of the person's active pairs with its score and the reasons behind it, so no one
   * is escalated on signals they could not see. Only the pair's own members get it.
   */
  async pairStatus(
    identity: Identity,
  ): Promise<
    { pair: Pair; role: 'mentor' | 'mentee'; other: Participant; score: EngagementScore; threshold: number }[]
  > {
    const me = await this.#me(identity);
    const now = this.#clock.now();
    const result = [];
    for (const pair of await this.#store.mentoring.activePairsOf(me.id)) {
      const program = await this.#program(pair.programId);
      const mentor = await this.#person(pair.mentorId);
      const mentee = await this.#person(pair.menteeId);
      const role = pair.mentorId === me.id ? ('mentor' as const) : ('mentee' as const);
      result.push({
        pair,
        role,
        other: role === 'mentor' ? mentee : mentor,
        score: await this.#score(pair, program.settings, mentor, mentee, now),
        threshold: program.settings.engagement.threshold,
      });
    }
    return result;
  }

  // ---- the pair's voice --------------------------------------------------------------------------------

  async #memberPair(identity: Identity, pairId: string): Promise<{ pair: Pair; me: Participant }> {
    const me = await this.#me(identity);
    const pair = await this.#store.mentoring.getPair(pairId);
    if (!pair || (pair.mentorId !== me.id && pair.menteeId !== me.id)) throw new NotAllowedError();
    if (pair.status !== 'active') throw new UserFacingError('pair.closed');
    return { pair, me };
  }

  /** Before the "we're fine" form opens: only a member of the pair. */
  async pairFineFormFor(identity: Identity, pairId: string): Promise<void> {
    await this.#memberPair(identity, pairId);
  }

  /** "We're fine — we meet offline", with an optional note kept for the program team. Counts as hearing from them. */
  async pairIsFine(
    identity: Identity,
    pairId: string,
    raw: RawFormValues,
  ): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
    const { pair, me } = await this.#memberPair(identity, pairId);
    const checked = validateForm(pairFineForm, raw);
    if (!checked.ok) return checked;
    const note = (checked.value as { note?: string }).note || null;
    const now = this.#clock.now();
    await this.#store.matching.recordVoice(
      { pairId: pair.id, participantId: me.id, kind: 'fine', note },
      now,
    );
    await this.#store.audit.append({ at: now, actor: me.id, action: 'pair.fine', subject: pair.id });
    await this.#coaching.touch(me);
    return { ok: true };
  }

  /**
   * "I'd like a new match": a no-fault request that reaches the curators at once, privately — the other person is
   * never told. It opens a curator alert (re-match, check in, snooze, close) unless one is open already, in which
   * case the curators' channel hears of the request beside it.
   */
  async requestNewMatch(identity: Identity, pairId: string): Promise<Text> {
    const { pair, me } = await this.#memberPair(identity, pairId);
    const role = pair.mentorId === me.id ? ('mentor' as const) : ('mentee' as const);
    const mentor = await this.#person(pair.mentorId);
    const mentee = await this.#person(pair.menteeId);
    const other = role === 'mentor' ? mentee : mentor;
    const otherName = other.displayName ?? other.email ?? '';
    if (!(await this.#coaching.firstTime(`new_match:${pair.id}:${me.id}`)))
      return text('voice.newMatchAlready');
    const now = this.#clock.now();
    const program = await this.#program(pair.programId);
    const settings = program.settings;
    await this.#store.matching.recordVoice(
      { pairId: pair.id, participantId: me.id, kind: 'new_match', note: null },
      now,
    );
    const name = nameOf(english, me, role === 'mentor' ? 'pair.mentor' : 'pair.mentee');
    const score = await this.#score(pair, settings, mentor, mentee, now);
    const alert: CuratorAlert = {
      id: `alr_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
      pairId: pair.id,
      status: 'open',
      score: score.score,
      reasons: [
        {
          signal: 'match_requested',
          points: 0,
          text: `${role} ${name} asked for a new match (no fault)`,
          facts: { role, name },
        },
        ...score.reasons,
      ],
      createdAt: now,
      snoozedUntil: null,
      action: null,
      handledBy: null,
      handledAt: null,
    };
    const target = await this.#curators.channelFor(mentee.platform, mentee.workspaceId);
    const channel = target ? await this.#store.participants.ensureChannel(target, program.id, now) : null;
    if (await this.#store.mentoring.openAlert(alert, now)) {
      if (channel) {
        const inserted = await this.#store.outbox.enqueue(
          curatorAlertRow(alert, channel, mentor, mentee, settings, now),
          now,
        );
        if (inserted) this.#onQueued();
      }
    } else if (channel) {
      await this.#coaching.notify(channel, `new_match:${pair.id}:${me.id}`, (t) =>
        t('alert.matchRequested', {
          mentee: nameOf(t, mentee, 'pair.mentee'),
          mentor: nameOf(t, mentor, 'pair.mentor'),
          score: score.score,
        }),
      );
    }
    if (!channel)
      this.#logger.warn({ pairId: pair.id }, 'new match asked for but no curator channel is configured');
    await this.#store.audit.append({
      at: now,
      actor: me.id,
      action: 'pair.new_match_requested',
      subject: pair.id,
    });
    await this.#coaching.touch(me);
    return text('voice.newMatchSent', { other: otherName || english('pair.yourPartner') });
  }

  async #budgetedRow(
    to: Participant,
    settings: ProgramSettings,
    now: number,
    kind: 'pair_nudge' | 'milestone_reminder' | 'pair_checkin',
    key: string,
    compose: (t: Translator) => Message,
  ): Promise<NewOutboxRow | null> {
    if (to.consent !== 'accepted' || !to.reachable) return null;
    const message = compose(translator(readerOf(settings, to)));
    const who = availabilityOf(settings, to);
    const week = localWeekKey(now, who.timezone);
    const budget = await this.#store.jobs.budget(
      { id: -1, kind: 'nudge', participantId: to.id, subjectId: '', occurrence: '', dueAt: now, version: 0 },
      week,
      now,
      startOfNextWeek(now, who.timezone),
    );
    if (budget.used >= settings.weeklyBudget) return null;
    const at = nextAllowedInstant(now, who);
    return {
      key,
      participantId: to.id,
      kind,
      budgeted: true,
      budgetWeek: week,
      message,
      dueAt: at,
      expiresAt: at + settings.catchUpGraceHours * 3_600_000 + DAY,
    };
  }

  /** The mentor's milestone reminder, in their local time and inside the weekly budget. */
  async decideMilestoneReminder(
    job: ScheduledJob,
    now: number,
  ): Promise<{ decision: Decision; outbox: NewOutboxRow[] }> {
    const milestone = await this.#store.mentoring.getMilestone(job.subjectId);
    const pair = milestone ? await this.#store.mentoring.getPair(milestone.pairId) : null;
    if (!milestone || !pair || pair.status !== 'active' || milestone.status !== 'pending') {
      return {
        decision: { type: 'skip', reason: 'milestone no longer pending', effects: [], next: [] },
        outbox: [],
      };
    }
    const program = await this.#program(pair.programId);
    const mentor = await this.#person(pair.mentorId);
    const mentee = await this.#person(pair.menteeId);
    const who = availabilityOf(program.settings, mentor);
    const allowedAt = nextAllowedInstant(now, who);
    if (allowedAt !== now)
      return {
        decision: { type: 'reschedule', dueAt: allowedAt, reason: 'quiet hours or a non-working day' },
        outbox: [],
      };
    const row = await this.#budgetedRow(
      mentor,
      program.settings,
      now,
      'milestone_reminder',
      `milestone_reminder:${mentor.id}:${milestone.id}`,
      (t) => milestoneReminderMessage(t, milestone, nameOf(t, mentee, 'pair.yourMentee')),
    );
    if (!row) {
      if (milestone.dueAt > now + DAY && mentor.consent === 'accepted') {
        return {
          decision: {
            type: 'reschedule',
            dueAt: nextAllowedInstant(
              Math.min(startOfNextWeek(now, who.timezone), milestone.dueAt - DAY),
              who,
            ),
            reason: 'weekly message budget reached',
          },
          outbox: [],
        };
      }
      return {
        decision: {
          type: 'skip',
          reason: 'weekly message budget reached or mentor unavailable',
          effects: [],
          next: [],
        },
        outbox: [],
      };
    }
    return { decision: { type: 'skip', reason: 'mentor reminded', effects: [], next: [] }, outbox: [row] };
  }

  // ---- pair check-ins on the charter's cadence ------------------------------------------------------------

  /**
   * One member's check-in round: "did you meet since …?", in their own working hours and inside their weekly
   * budget. A round that waited past the next one (the bot was down, the budget stayed full) is dropped; the
   * series always goes on from the charter that is active now.
   */
  async decidePairCheckin(
    job: ScheduledJob,
    now: number,
  ): Promise<{ decision: Decision; outbox: NewOutboxRow[] }> {
    const stop = (reason: string) => ({
      decision: { type: 'skip' as const, reason, effects: [], next: [] },
      outbox: [],
    });
    const pair = await this.#store.mentoring.getPair(job.subjectId);
    if (pair?.status !== 'active') return stop('pair closed');
    const name = job.occurrence.slice(job.occurrence.lastIndexOf('/') + 1);
    const parsed = parseRound(name);
    const charter = await this.#store.mentoring.currentCharter(pair.id);
    if (!parsed || charter?.status !== 'active' || charter.version !== parsed.version)
      return stop('the charter changed');
    const person = await this.#store.participants.get(job.participantId);
    if (!person || (person.id !== pair.mentorId && person.id !== pair.menteeId))
      return stop('not in the pair');
    const program = await this.#program(pair.programId);
    const settings = program.settings;
    const who = availabilityOf(settings, person);
    const series: CheckinSeries = {
      pairId: pair.id,
      version: charter.version,
      cadence: charter.charter.cadence,
      anchor: charter.mentorConfirmedAt ?? now,
    };
    const following = nextPairCheckinRun(series, settings.checkpointTime, who, job.dueAt);
    const next = [nextPairCheckinRun(series, settings.checkpointTime, who, Math.max(now, job.dueAt))];
    const skip = (reason: string) => ({
      decision: { type: 'skip' as const, reason, effects: [], next },
      outbox: [],
    });
    if (now >= following.dueAt) return skip('the next round is due already');
    if (person.consent !== 'accepted' || !person.reachable) return skip('not reachable');
    const allowedAt = nextAllowedInstant(now, who);
    if (allowedAt !== now)
      return {
        decision: { type: 'reschedule', dueAt: allowedAt, reason: 'quiet hours or a non-working day' },
        outbox: [],
      };
    const other = await this.#person(person.id === pair.mentorId ? pair.menteeId : pair.mentorId);
    const since = roundDay(series, parsed.round - 1, who.timezone).toMillis();
    const row = await this.#budgetedRow(
      person,
      settings,
      now,
      'pair_checkin',
      `pair_checkin:${person.id}:${job.occurrence}`,
      (t) => pairCheckinMessage(t, nameOf(t, other, 'pair.yourPartner'), since, `${pair.id}/${name}`),
    );
    if (!row) {
      const nextWeek = nextAllowedInstant(startOfNextWeek(now, who.timezone), who);
      if (nextWeek < following.dueAt)
        return {
          decision: { type: 'reschedule', dueAt: nextWeek, reason: 'weekly message budget reached' },
          outbox: [],
        };
      return skip('weekly message budget reached');
    }
    return {
      decision: {
        type: 'skip',
        reason: 'pair member asked whether they met',
        effects: [{ type: 'pair_checkin_asked', round: name }],
        next,
      },
      outbox: [row],
    };
  }

  /** The member's own entry for a round named by a button: only a member who was asked it. */
  async #myCheckin(
    identity: Identity,
    ref: string,
  ): Promise<{ checkin: PairCheckin; pair: Pair; me: Participant }> {
    const slash = ref.lastIndexOf('/');
    const pairId = ref.slice(0, slash);
    const round = ref.slice(slash + 1);
    const { pair, me } = await this.#memberPair(identity, pairId);
    const checkin = (await this.#store.matching.pairCheckins(pair.id)).find(
      (c) => c.round === round && c.participantId === me.id,
    );
    if (!checkin) throw new NotAllowedError();
    return { checkin, pair, me };
  }

  /** Yes / Not yet / We skip this one: the member's first answer counts. */
  async answerPairCheckin(
    identity: Identity,
    ref: string,
    answer: MeetingAnswer,
  ): Promise<{ checkin: PairCheckin; recorded: boolean }> {
    const { checkin, pair, me } = await this.#myCheckin(identity, ref);
    const now = this.#clock.now();
    const recorded = await this.#store.matching.answerPairCheckin(pair.id, checkin.round, me.id, answer, now);
    if (recorded)
      await this.#store.audit.append({
        at: now,
        actor: me.id,
        action: 'pair.checkin_answered',
        subject: pair.id,
        detail: { round: checkin.round, answer },
      });
    await this.#coaching.touch(me);
    return { checkin: (await this.#myCheckin(identity, ref)).checkin, recorded };
  }

  /** How useful the meeting was, 1 to 5 (only after a yes; the first rating counts). */
  async ratePairCheckin(identity: Identity, ref: string, value: string | undefined): Promise<PairCheckin> {
    const usefulness = usefulnessSchema.safeParse(value);
    if (!usefulness.success) throw new UserFacingError('common.buttonOutdated');
    const { checkin, pair, me } = await this.#myCheckin(identity, ref);
    if (checkin.answer !== 'met') throw new UserFacingError('common.buttonOutdated');
    await this.#store.matching.ratePairCheckin(pair.id, checkin.round, me.id, {
      usefulness: usefulness.data,
    });
    return (await this.#myCheckin(identity, ref)).checkin;
  }

  /** Before the note form opens: only the member, after a yes. */
  async pairCheckinNoteFormFor(identity: Identity, ref: string): Promise<PairCheckin> {
    const { checkin } = await this.#myCheckin(identity, ref);
    if (checkin.answer !== 'met') throw new UserFacingError('common.buttonOutdated');
    return checkin;
  }

  /** A private note on the meeting, for the program team (kept under the free-text retention). */
  async notePairCheckin(
    identity: Identity,
    ref: string,
    raw: RawFormValues,
  ): Promise<{ ok: true; checkin: PairCheckin } | { ok: false; errors: FieldErrors }> {
    const { checkin, pair, me } = await this.#myCheckin(identity, ref);
    const checked = validateForm(meetingNoteForm, raw);
    if (!checked.ok) return checked;
    if (checkin.answer !== 'met') throw new UserFacingError('common.formOutdated');
    await this.#store.matching.ratePairCheckin(pair.id, checkin.round, me.id, {
      note: (checked.value as { note: string }).note,
    });
    return { ok: true, checkin: (await this.#myCheckin(identity, ref)).checkin };
  }
}

/** Each round asked of a pair, with what its members answered. */
export function roundsOf(
  checkins: readonly PairCheckin[],
): { askedAt: number; answers: (MeetingAnswer | null)[] }[] {
  const rounds = new Map<string, { askedAt: number; answers: (MeetingAnswer | null)[] }>();
  for (const c of checkins) {
    const round = rounds.get(c.round) ?? { askedAt: c.askedAt, answers: [] };
    round.askedAt = Math.min(round.askedAt, c.askedAt);
    round.answers.push(c.answer);
    rounds.set(c.round, round);
  }
  return [...rounds.values()];
}
