import { randomUUID } from 'node:crypto';
import {
  canonicalLocale,
  chooseLocale,
  type Translator,
  text,
  translator,
  type Words,
} from '../core/catalog/index.js';
import { practiceSchema, type Survey, surveyDetailsSchema } from '../core/checkpoint.js';
import { type Clock, DAY } from '../core/clock.js';
import { checkinForm, consentRequestMessage, experimentForm, surveyDetailsForm } from '../core/coaching.js';
import { type Experiment, type ExperimentInput, experimentEndDate } from '../core/experiment.js';
import { type FormResult, type RawFormValues, validateForm } from '../core/forms.js';
import { type Message, textMessage } from '../core/messages.js';
import { availabilityOf, type Identity, type Participant, readerOf } from '../core/participant.js';
import { planExperiment, type ScheduledJob } from '../core/schedule.js';
import { localDateKey, localWeekKey, nextAllowedInstant, timeZoneSchema } from '../core/time.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { ConsentEntry, ParticipantPatch, ProgramRecord, Store } from '../store/types.js';
import { NotAllowedError, UserFacingError } from './errors.js';

export interface CoachingServiceOptions {
  store: Store;
  clock: Clock;
  logger?: Logger;
  /** The program people join when they first talk to the bot without being on a roster. */
  defaultProgram?: string;
  /** Called after a message is queued for immediate delivery. */
  onQueued?: () => void;
}

export interface StatusView {
  participant: Participant;
  program: ProgramRecord;
  experiment: Experiment | null;
  surveys: Survey[];
  nextMessage: { kind: ScheduledJob['kind']; at: number } | null;
  /** When their snooze ends; null when not snoozed. */
  snoozedUntil: number | null;
  /** The person's time zone, for the times shown. */
  zone: string;
}

export type ProfileUpdate = {
  timezone?: string | null;
  email?: string | null;
  displayName?: string | null;
  /** The locale the platform reports for the person (BCP 47). */
  locale?: string | null;
};

/** A platform locale worth keeping: a well-formed tag, else nothing. */
function localeFact(tag: string | null | undefined): string | undefined {
  return canonicalLocale(tag) ?? undefined;
}

/** The use cases of a leader's behavior experiment. Platform-neutral: channels call these and render the result. */
export class CoachingService {
  readonly store: Store;
  readonly clock: Clock;
  readonly #logger: Logger;
  readonly #options: CoachingServiceOptions;
  /** Called after a person accepts consent (e.g. to send pair introductions that waited for it). */
  onConsentAccepted: (participant: Participant) => Promise<void> = async () => undefined;

  constructor(options: CoachingServiceOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.#logger = options.logger ?? silentLogger;
    this.#options = options;
  }

  /** What this person reads, in their words and time zone. */
  translatorFor(program: ProgramRecord, participant: Participant): Translator {
    return translator(readerOf(program.settings, participant));
  }

  async #program(participant: Participant): Promise<ProgramRecord> {
    const program = await this.store.programs.get(participant.programId);
    if (!program) throw new Error(`participant ${participant.id} has no program`);
    return program;
  }

  async #defaultProgram(): Promise<ProgramRecord> {
    const name = this.#options.defaultProgram;
    if (name) {
      const program = await this.store.programs.getByName(name);
      if (program) return program;
      throw new UserFacingError('enrol.programMissing', { program: name });
    }
    const programs = await this.store.programs.list();
    if (programs.length === 1 && programs[0]) return programs[0];
    throw new UserFacingError('enrol.notEnrolled');
  }

  /**
   * Finds the person, or enrolls them in the default program with consent pending and queues the
   * consent request. Until they accept, only their identity and the decision are stored.
   */
  async ensureParticipant(
    identity: Identity,
    programName?: string,
    platformLocale?: string,
  ): Promise<{ participant: Participant; created: boolean }> {
    const existing = await this.store.participants.findByIdentity(identity);
    if (existing) return { participant: existing, created: false };
    const program = programName
      ? await this.store.programs.getByName(programName)
      : await this.#defaultProgram();
    if (!program) throw new UserFacingError('enrol.noSuchProgram', { program: programName ?? '' });
    const participant = await this.store.participants.create(
      { ...identity, programId: program.id },
      this.clock.now(),
    );
    await this.queueConsentRequest(participant, program, platformLocale);
    return { participant, created: true };
  }

  /**
   * The consent request, in the person's language as far as it is known: the roster's, else the locale their
   * platform gave on the request that enrolled them (used for these words, not kept), else the program's.
   */
  async queueConsentRequest(
    participant: Participant,
    program?: ProgramRecord,
    platformLocale?: string,
  ): Promise<void> {
    const record = program ?? (await this.#program(participant));
    const now = this.clock.now();
    const reader = participant.platformLocale ? participant : { ...participant, platformLocale };
    const message = consentRequestMessage(
      this.translatorFor(record, reader),
      participant.id,
      record.settings,
    );
    if (await this.#queue(participant, 'consent', `consent:${participant.id}`, message, now, 7 * DAY)) {
      await this.#ledger(participant, 'requested', record, now);
    }
  }

  /** Someone who declined or opted out contacts the bot again: offer consent once more (at most daily). */
  async offerConsentAgain(participant: Participant): Promise<boolean> {
    if (participant.consent !== 'declined' && participant.consent !== 'opted_out') return false;
    const record = await this.#program(participant);
    const now = this.clock.now();
    const day = localDateKey(now, availabilityOf(record.settings, participant).timezone);
    const message = consentRequestMessage(
      this.translatorFor(record, participant),
      participant.id,
      record.settings,
    );
    const queued = await this.#queue(
      participant,
      'consent',
      `consent:${participant.id}:again:${day}`,
      message,
      now,
      7 * DAY,
    );
    if (queued) await this.#ledger(participant, 'requested', record, now);
    return queued;
  }

  async #ledger(participant: Participant, decision: 'requested', program: ProgramRecord, at: number) {
    await this.store.privacy.recordConsent(this.#ledgerEntry(participant, decision, program, at));
  }

  #ledgerEntry(
    participant: Participant,
    decision: ConsentEntry['decision'],
    program: ProgramRecord,
    at: number,
  ): ConsentEntry {
    const { freeTextDays, aggregateMonths } = program.settings.retention;
    return {
      participantId: participant.id,
      at,
      decision,
      scope: `program ${program.name} v${program.version}: experiment, check-ins and interaction times; notes kept ${freeTextDays} days, totals ${aggregateMonths} months`,
      channel: participant.platform,
    };
  }

  /**
   * Queues an unbudgeted message. A reply to something the person just did goes out at once; anything else
   * (someone else's action, a roster, the program team) waits for the end of their quiet hours and their next
   * working day, like every coaching message.
   */
  async #queue(
    participant: Participant,
    kind: 'consent' | 'notice',
    key: string,
    message: Message,
    now: number,
    validForMs = DAY,
    reply = true,
  ): Promise<boolean> {
    const program = await this.#program(participant);
    const who = availabilityOf(program.settings, participant);
    const dueAt = reply ? now : nextAllowedInstant(now, who);
    const inserted = await this.store.outbox.enqueue(
      {
        key,
        participantId: participant.id,
        kind,
        budgeted: false,
        budgetWeek: localWeekKey(dueAt, who.timezone),
        message,
        dueAt,
        expiresAt: dueAt + validForMs,
      },
      now,
    );
    if (inserted) this.#options.onQueued?.();
    return inserted;
  }

  /**
   * A short notice to a person, outside the weekly budget, through the outbox. `reply: true` when it answers
   * the person's own action (it goes out at once); otherwise it waits for their working hours.
   */
  async notify(
    participant: Participant,
    key: string,
    content: Words | { compose: (t: Translator) => Message },
    options: { reply?: boolean } = {},
  ): Promise<boolean> {
    const t = this.translatorFor(await this.#program(participant), participant);
    const message =
      typeof content === 'object' && 'compose' in content ? content.compose(t) : textMessage(t.text(content));
    return this.#queue(
      participant,
      'notice',
      `notice:${participant.id}:${key}`,
      message,
      this.clock.now(),
      3 * DAY,
      options.reply ?? false,
    );
  }

  async #actor(identity: Identity): Promise<Participant> {
    const participant = await this.store.participants.findByIdentity(identity);
    if (!participant) throw new UserFacingError('enrol.notEnrolledYet');
    return participant;
  }

  async #consented(identity: Identity): Promise<Participant> {
    const participant = await this.#actor(identity);
    if (participant.consent !== 'accepted') {
      if (participant.consent !== 'pending') await this.offerConsentAgain(participant);
      throw new UserFacingError(
        participant.consent === 'pending' ? 'consent.pendingFirst' : 'consent.stoppedOfferedAgain',
      );
    }
    return participant;
  }

  async touch(participant: Participant): Promise<void> {
    if (participant.consent === 'accepted') {
      await this.store.participants.update(participant.id, { lastInteractionAt: this.clock.now() });
    }
  }

  /** True the first time a key is claimed, false ever after: an idempotency key for inbound work. */
  firstTime(key: string): Promise<boolean> {
    return this.store.inbound.firstSeen(key, this.clock.now());
  }

  /**
   * The words and time zone the bot uses with this person (the program's defaults before they are known).
   * `platformLocale` is what the platform says on this very request: it chooses the words of the answer for
   * someone the bot does not know yet or whose language it does not know, and is not kept.
   */
  async translatorOf(identity: Identity, platformLocale?: string): Promise<Translator> {
    const participant = await this.store.participants.findByIdentity(identity);
    if (participant) {
      const known = participant.platformLocale ? participant : { ...participant, platformLocale };
      return this.translatorFor(await this.#program(participant), known);
    }
    const programs = await this.store.programs.list();
    const named = this.#options.defaultProgram
      ? programs.find((p) => p.name === this.#options.defaultProgram)
      : undefined;
    const program = named ?? (programs.length === 1 ? programs[0] : undefined);
    return translator({
      locale: chooseLocale([platformLocale, program?.settings.language]),
      timeZone: program?.settings.timezone ?? 'UTC',
    });
  }

  /**
   * The person chooses the language the bot writes in (`null`: follow the roster, the platform and the
   * program again). The choice is theirs alone, so it needs their consent like anything else kept about them.
   */
  async chooseLanguage(identity: Identity, language: string | null): Promise<Participant> {
    const participant = await this.#consented(identity);
    const updated = await this.store.participants.update(participant.id, { language });
    await this.store.audit.append({
      at: this.clock.now(),
      actor: participant.id,
      action: 'participant.language',
      subject: participant.id,
      detail: { language },
    });
    return updated;
  }

  /**
   * The person wrote to the bot or acted in their 1:1: hearing from them proves the bot can reach them
   * (again), at the address the platform just gave. Their client's time zone is kept once they consented.
   */
  async heardFrom(
    identity: Identity,
    facts: { address?: string; timezone?: string; locale?: string } = {},
  ): Promise<Participant | null> {
    const participant = await this.store.participants.findByIdentity(identity);
    if (!participant) return null;
    const locale = participant.consent === 'accepted' ? localeFact(facts.locale) : undefined;
    const relocated = locale !== undefined && locale !== participant.platformLocale;
    const zone =
      participant.consent === 'accepted' &&
      facts.timezone &&
      facts.timezone !== participant.timezone &&
      timeZoneSchema.safeParse(facts.timezone).success
        ? facts.timezone
        : undefined;
    const moved = facts.address !== undefined && facts.address !== participant.address;
    if (!moved && participant.reachable && !zone && !relocated) return participant;
    return this.store.participants.update(participant.id, {
      ...(moved ? { address: facts.address } : {}),
      ...(zone ? { timezone: zone } : {}),
      ...(relocated ? { platformLocale: locale } : {}),
      reachable: true,
    });
  }

  /** The person removed the app or blocked the bot: nothing is sent until they are back. */
  async markUnreachable(identity: Identity): Promise<void> {
    const participant = await this.store.participants.findByIdentity(identity);
    if (participant?.reachable) {
      await this.store.participants.update(participant.id, { reachable: false });
      this.#logger.info({ participantId: participant.id }, 'the app was removed; marked unreachable');
    }
  }

  /**
   * A consent request that never arrived (the person had not installed the app yet, or had blocked it) is
   * queued again, the same message under a new key, once they are back: at most once a day, and only while
   * no consent request of theirs is waiting or delivered.
   */
  async resendConsentIfLost(participant: Participant): Promise<void> {
    if (participant.consent !== 'pending') return;
    const requests = (await this.store.outbox.list({ participantId: participant.id })).filter(
      (r) => r.kind === 'consent',
    );
    if (
      requests.length === 0 ||
      requests.some((r) => r.status === 'pending' || r.status === 'sending' || r.status === 'sent')
    ) {
      return;
    }
    const now = this.clock.now();
    const earlier = requests[0]!;
    const inserted = await this.store.outbox.enqueue(
      {
        key: `consent:${participant.id}:resend:${localDateKey(now, 'UTC')}`,
        participantId: participant.id,
        kind: 'consent',
        budgeted: false,
        budgetWeek: earlier.budgetWeek,
        message: earlier.message,
        dueAt: now,
        expiresAt: now + 7 * DAY,
      },
      now,
    );
    if (inserted) this.#options.onQueued?.();
  }

  /** Consent decision; the button's reference must be the clicking person's own record. */
  async decideConsent(
    identity: Identity,
    participantRef: string,
    accept: boolean,
    profile: ProfileUpdate = {},
  ): Promise<Participant> {
    const participant = await this.#actor(identity);
    if (participant.id !== participantRef) throw new NotAllowedError();
    const now = this.clock.now();
    if (accept) {
      const zone =
        profile.timezone && timeZoneSchema.safeParse(profile.timezone).success ? profile.timezone : null;
      const updated = await this.#decide(participant, 'accepted', now, {
        lastInteractionAt: now,
        ...(zone ? { timezone: zone } : {}),
        ...(localeFact(profile.locale) ? { platformLocale: localeFact(profile.locale) } : {}),
        ...(profile.email !== undefined ? { email: profile.email } : {}),
        ...(profile.displayName !== undefined ? { displayName: profile.displayName } : {}),
      });
      await this.onConsentAccepted(updated);
      return updated;
    }
    return this.#stop(participant, 'declined', now);
  }

  /** Decline and opt-out: every planned job and queued message stops at once, and the decision is recorded. */
  async #stop(
    participant: Participant,
    decision: 'declined' | 'opted_out',
    now: number,
  ): Promise<Participant> {
    return this.#decide(
      participant,
      decision,
      now,
      {},
      decision === 'declined' ? 'consent declined' : 'opted out',
    );
  }

  /** The decision on the person's record, in the audit log and in the consent ledger, all at once. */
  async #decide(
    participant: Participant,
    decision: 'accepted' | 'declined' | 'opted_out',
    now: number,
    patch: ParticipantPatch,
    stopReason?: string,
  ): Promise<Participant> {
    return this.store.participants.decideConsent({
      id: participant.id,
      patch: { ...patch, consent: decision, consentAt: now },
      ...(stopReason ? { stop: { reason: stopReason, now } } : {}),
      audit: { at: now, actor: participant.id, action: `consent.${decision}`, subject: participant.id },
      ledger: this.#ledgerEntry(participant, decision, await this.#program(participant), now),
    });
  }

  async updateProfile(participant: Participant, profile: ProfileUpdate): Promise<Participant> {
    if (participant.consent !== 'accepted') return participant;
    const zone =
      profile.timezone && timeZoneSchema.safeParse(profile.timezone).success ? profile.timezone : undefined;
    return this.store.participants.update(participant.id, {
      ...(zone ? { timezone: zone } : {}),
      ...(localeFact(profile.locale) ? { platformLocale: localeFact(profile.locale) } : {}),
      ...(profile.email !== undefined ? { email: profile.email } : {}),
      ...(profile.displayName !== undefined ? { displayName: profile.displayName } : {}),
    });
  }

  /** On a roster, behavior experiments belong to leaders; people who joined on their own count as leaders. */
  #requireLeader(participant: Participant): void {
    if (participant.roles.length > 0 && !participant.roles.includes('leader')) {
      throw new NotAllowedError('experiment.leadersOnly');
    }
  }

  /** Initial values for the experiment form: today's local date and the program's length. */
  async experimentFormDefaults(identity: Identity): Promise<RawFormValues> {
    const participant = await this.#consented(identity);
    this.#requireLeader(participant);
    const program = await this.#program(participant);
    const current = await this.store.experiments.current(participant.id);
    if (current && (current.status === 'active' || current.status === 'paused')) {
      return {
        behavior: current.behavior,
        hypothesis: current.hypothesis,
        kpiName: current.kpiName,
        kpiUnit: current.kpiUnit,
        kpiBaseline: String(current.kpiBaseline),
        kpiTarget: String(current.kpiTarget),
        kpiDirection: current.kpiDirection,
        startDate: current.startDate,
        lengthWeeks: String(current.lengthWeeks),
      };
    }
    const zone = availabilityOf(program.settings, participant).timezone;
    return {
      startDate: localDateKey(this.clock.now(), zone),
      lengthWeeks: String(program.settings.lengthWeeks),
      kpiDirection: 'increase',
    };
  }

  /**
   * Starts an experiment from the form, or edits the running one (keeping history).
   * Invalid input returns field errors and writes nothing.
   */
  async saveExperiment(identity: Identity, raw: RawFormValues): Promise<FormResult<Experiment>> {
    const participant = await this.#consented(identity);
    this.#requireLeader(participant);
    const validated = validateForm(experimentForm, raw);
    if (!validated.ok) return validated;
    const input: ExperimentInput = validated.value;
    const program = await this.#program(participant);
    const now = this.clock.now();
    const who = availabilityOf(program.settings, participant);
    const endDate = experimentEndDate(input.startDate, input.lengthWeeks);
    if (endDate <= localDateKey(now, who.timezone)) {
      return { ok: false, errors: { startDate: text('validation.experiment.ended') } };
    }
    const current = await this.store.experiments.current(participant.id);
    if (current && (current.status === 'active' || current.status === 'paused')) {
      const answered = new Set(
        (await this.store.surveys.forExperiment(current.id)).map((s) => s.checkpointDay),
      );
      const plan = planExperiment(
        now,
        program.settings,
        who,
        { ...input, id: current.id, endDate },
        answered,
      );
      const edited = await this.store.experiments.edit(current.id, input, endDate, participant.id, now, plan);
      this.#logger.info(
        { participantId: participant.id, experimentId: edited.id, version: edited.version },
        'experiment edited',
      );
      return { ok: true, value: edited };
    }
    const id = `exp_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const plan = planExperiment(now, program.settings, who, { ...input, id, endDate });
    const experiment = await this.store.experiments.start(id, participant.id, input, endDate, plan, now);
    await this.store.participants.update(participant.id, { lastInteractionAt: now });
    this.#logger.info({ participantId: participant.id, experimentId: id }, 'experiment started');
    return { ok: true, value: experiment };
  }

  async #runningExperiment(participant: Participant): Promise<Experiment> {
    const experiment = await this.store.experiments.current(participant.id);
    if (!experiment || (experiment.status !== 'active' && experiment.status !== 'paused')) {
      throw new UserFacingError('experiment.notRunning');
    }
    return experiment;
  }

  async pause(identity: Identity): Promise<Experiment> {
    const participant = await this.#consented(identity);
    const experiment = await this.#runningExperiment(participant);
    if (experiment.status === 'paused') throw new UserFacingError('experiment.alreadyPaused');
    return this.store.experiments.setStatus(experiment.id, 'paused', this.clock.now());
  }

  async resume(identity: Identity): Promise<Experiment> {
    const participant = await this.#consented(identity);
    const experiment = await this.#runningExperiment(participant);
    const now = this.clock.now();
    if (participant.pausedUntil && participant.pausedUntil > now) {
      await this.store.participants.update(participant.id, { pausedUntil: null });
    }
    if (experiment.status === 'active') return experiment;
    const program = await this.#program(participant);
    const done = new Set((await this.store.surveys.forExperiment(experiment.id)).map((s) => s.checkpointDay));
    const plan = planExperiment(
      now,
      program.settings,
      availabilityOf(program.settings, participant),
      experiment,
      done,
    );
    return this.store.experiments.setStatus(experiment.id, 'active', now, plan);
  }

  /** Quiet for N days; messages resume by themselves afterwards. Returns when it ends. */
  async snooze(identity: Identity, days: number): Promise<number> {
    if (!Number.isInteger(days) || days < 1 || days > 60) throw new UserFacingError('command.snoozeInvalid');
    return this.#snoozeFor(await this.#consented(identity), days);
  }

  async #snoozeFor(participant: Participant, days: number): Promise<number> {
    const until = this.clock.now() + days * DAY;
    await this.store.participants.update(participant.id, { pausedUntil: until });
    return until;
  }

  async optOut(identity: Identity): Promise<Participant> {
    const participant = await this.#actor(identity);
    return this.#stop(participant, 'opted_out', this.clock.now());
  }

  /** Did it / Not this week / Snooze a week on a nudge. Returns false when this nudge was already answered. */
  async answerNudge(
    identity: Identity,
    experimentId: string,
    occurrence: string,
    answer: 'did' | 'skip' | 'snooze',
  ): Promise<{ recorded: boolean; snoozedUntil?: number }> {
    const participant = await this.#consented(identity);
    const experiment = await this.store.experiments.get(experimentId);
    if (!experiment || experiment.participantId !== participant.id) throw new NotAllowedError();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(occurrence)) throw new UserFacingError('common.buttonOutdated');
    const now = this.clock.now();
    const recorded = await this.store.experiments.recordNudgeResponse({
      experimentId,
      occurrence,
      answer,
      at: now,
    });
    await this.store.participants.update(participant.id, { lastInteractionAt: now });
    if (recorded && answer === 'snooze')
      return { recorded, snoozedUntil: await this.#snoozeFor(participant, 7) };
    return { recorded };
  }

  async #ownSurvey(
    participant: Participant,
    surveyId: string,
  ): Promise<{ survey: Survey; experiment: Experiment }> {
    const survey = await this.store.surveys.get(surveyId);
    if (!survey || survey.participantId !== participant.id) throw new NotAllowedError();
    const experiment = await this.store.experiments.get(survey.experimentId);
    if (!experiment) throw new NotAllowedError();
    if (survey.status === 'missed') throw new UserFacingError('survey.closed', { day: survey.checkpointDay });
    return { survey, experiment };
  }

  /** First click of a checkpoint survey: practice frequency 1–5. */
  async answerPractice(
    identity: Identity,
    surveyId: string,
    rawPractice: unknown,
  ): Promise<{ survey: Survey; experiment: Experiment }> {
    const participant = await this.#consented(identity);
    const practice = practiceSchema.safeParse(rawPractice);
    if (!practice.success) throw new UserFacingError('validation.survey.practice');
    await this.#ownSurvey(participant, surveyId);
    const now = this.clock.now();
    const survey = await this.store.surveys.answerPractice(surveyId, practice.data, now);
    await this.store.participants.update(participant.id, { lastInteractionAt: now });
    const experiment = (await this.store.experiments.get(survey.experimentId))!;
    return { survey, experiment };
  }

  /** Second step of a checkpoint survey: KPI value, confidence, note. Invalid input writes nothing. */
  async answerSurveyDetails(
    identity: Identity,
    surveyId: string,
    raw: RawFormValues,
  ): Promise<FormResult<{ survey: Survey; experiment: Experiment }>> {
    const participant = await this.#consented(identity);
    await this.#ownSurvey(participant, surveyId);
    const validated = validateForm(surveyDetailsForm, raw);
    if (!validated.ok) return validated;
    const details = surveyDetailsSchema.parse(validated.value);
    const survey = await this.store.surveys.answerDetails(surveyId, details, this.clock.now());
    const experiment = (await this.store.experiments.get(survey.experimentId))!;
    return { ok: true, value: { survey, experiment } };
  }

  /** The whole check-in from one form (practice, KPI, confidence, note). Invalid input writes nothing. */
  async answerCheckin(
    identity: Identity,
    surveyId: string,
    raw: RawFormValues,
  ): Promise<FormResult<{ survey: Survey; experiment: Experiment }>> {
    const participant = await this.#consented(identity);
    await this.#ownSurvey(participant, surveyId);
    const validated = validateForm(checkinForm, raw);
    if (!validated.ok) return validated;
    const now = this.clock.now();
    await this.store.surveys.answerPractice(surveyId, validated.value.practice, now);
    const survey = await this.store.surveys.answerDetails(
      surveyId,
      surveyDetailsSchema.parse(validated.value),
      now,
    );
    await this.store.participants.update(participant.id, { lastInteractionAt: now });
    const experiment = (await this.store.experiments.get(survey.experimentId))!;
    return { ok: true, value: { survey, experiment } };
  }

  /** The survey to answer now with /coach checkin: the most recent one still open. */
  async currentSurvey(identity: Identity): Promise<{ survey: Survey; experiment: Experiment } | null> {
    const participant = await this.#consented(identity);
    const experiment = await this.store.experiments.current(participant.id);
    if (!experiment) return null;
    const surveys = await this.store.surveys.forExperiment(experiment.id);
    const open = [...surveys].reverse().find((s) => s.status === 'open' || s.status === 'reminded');
    return open ? { survey: open, experiment } : null;
  }

  async status(identity: Identity): Promise<StatusView> {
    const participant = await this.#actor(identity);
    await this.offerConsentAgain(participant);
    return this.statusOf(participant);
  }

  async statusOf(participant: Participant): Promise<StatusView> {
    const program = await this.#program(participant);
    const experiment = await this.store.experiments.current(participant.id);
    const surveys = experiment ? await this.store.surveys.forExperiment(experiment.id) : [];
    // Control-arm leaders get checkpoint surveys only: their next message is never a nudge.
    const kinds: ScheduledJob['kind'][] =
      participant.arm === 'control'
        ? ['checkpoint', 'checkpoint_reminder']
        : ['nudge', 'checkpoint', 'checkpoint_reminder'];
    const next =
      participant.consent === 'accepted' ? await this.store.jobs.nextFor(participant.id, kinds) : null;
    const zone = availabilityOf(program.settings, participant).timezone;
    return {
      participant,
      program,
      experiment,
      surveys,
      nextMessage: next ? { kind: next.kind, at: next.dueAt } : null,
      snoozedUntil:
        participant.pausedUntil !== null && participant.pausedUntil > this.clock.now()
          ? participant.pausedUntil
          : null,
      zone,
    };
  }
}
