import type { Cadence, Charter, CharterDraft } from '../core/charter.js';
import type { Survey, SurveyDetails } from '../core/checkpoint.js';
import type { AssignmentMethod, EvaluationVersion } from '../core/evaluation.js';
import type { Experiment, ExperimentInput, ExperimentStatus } from '../core/experiment.js';
import type { Candidate, FitReason, ProposalStatus, StoredProposal } from '../core/matching.js';
import type { MeetingAnswer } from '../core/meetings.js';
import type {
  CharterVersion,
  CuratorAction,
  CuratorAlert,
  Milestone,
  MilestoneAnswer,
  Pair,
} from '../core/mentoring.js';
import type { Message, MessageKind } from '../core/messages.js';
import type { Arm, Identity, Participant, Platform } from '../core/participant.js';
import type { ProgramSettings } from '../core/program.js';
import type { ConsentState, Decision, NextRun, ScheduledJob } from '../core/schedule.js';

export interface ProgramRecord {
  id: string;
  name: string;
  settings: ProgramSettings;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'expired', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxRow {
  id: number;
  key: string;
  participantId: string;
  kind: MessageKind;
  budgeted: boolean;
  budgetWeek: string;
  platform: Platform;
  workspaceId: string;
  message: Message;
  dueAt: number;
  expiresAt: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  claimToken: string | null;
  claimedAt: number | null;
  reason: string | null;
  providerRef: string | null;
  sentAt: number | null;
  createdAt: number;
}

export interface NewOutboxRow {
  key: string;
  participantId: string;
  kind: MessageKind;
  budgeted: boolean;
  budgetWeek: string;
  message: Message;
  /** The message already serialized (one template filled in for many people); written instead of `message`. */
  messageJson?: string;
  dueAt: number;
  expiresAt: number;
  status?: 'pending' | 'expired';
  reason?: string;
}

export interface JobContext {
  program: ProgramRecord;
  participant: Participant;
  experiment: Experiment | null;
  survey: Survey | null;
}

export interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
}

/** An audit entry as read back, with its place in the log (ids grow with every entry appended). */
export interface AuditRecord extends AuditEntry {
  id: number;
}

/**
 * What `audit.search` selects: entries whose action starts with `action`, by exactly `actor`, at or after `from`
 * and before `until`; then one page of at most `limit`, newest first, either the newest ones, those older than
 * `beforeId`, or those newer than `afterId`.
 */
export interface AuditSearch {
  action?: string;
  actor?: string;
  from?: number;
  until?: number;
  beforeId?: number;
  afterId?: number;
  limit: number;
}

/** One page of the audit log, newest first; `older`/`newer`: whether more entries match on either side. */
export interface AuditPage {
  entries: AuditRecord[];
  older: boolean;
  newer: boolean;
}

export interface ParticipantPatch {
  email?: string | null;
  displayName?: string | null;
  timezone?: string | null;
  pausedUntil?: number | null;
  consent?: ConsentState;
  consentAt?: number | null;
  reachable?: boolean;
  address?: string | null;
  lastInteractionAt?: number | null;
  programId?: string;
  roles?: Participant['roles'];
  arm?: Participant['arm'];
  invitedAt?: number | null;
  workingDays?: Participant['workingDays'];
  quietHours?: Participant['quietHours'];
  language?: string | null;
  rosterLanguage?: string | null;
  platformLocale?: string | null;
}

/** Outcome of applying a scheduler decision: false when another pass got to the job first. */
export type ApplyResult = { applied: boolean; outboxInserted: boolean };

/** What `jobs.budgets` asks about one job: the week and its end as `jobs.budget` takes them. */
export interface BudgetQuery {
  job: ScheduledJob;
  week: string;
  weekEnd: number;
}

/** One job's decision and the messages it queues, as `jobs.apply` takes them. */
export interface JobApplication {
  job: ScheduledJob;
  decision: Decision;
  outbox: NewOutboxRow | readonly NewOutboxRow[] | null;
}

export interface NudgeResponse {
  experimentId: string;
  occurrence: string;
  answer: 'did' | 'skip' | 'snooze';
  at: number;
}

/** What a send was decided on about its person, for `outbox.beginSend` to check again as it begins the send. */
export interface SendingTo {
  consent: ConsentState;
  address: string | null;
}

/** One step of a send for `outbox.advance`: its beginning (as `beginSend` does it) or its success (as `markSent`). */
export type SendStep =
  | { step: 'begin'; id: number; token: string; at: number; person?: SendingTo }
  | { step: 'sent'; id: number; token: string; providerRef: string | null; at: number };

/**
 * The storage port. Every method is async so that a server database can stand in for SQLite
 * without touching the use cases; SQL lives only behind it.
 */
export interface Store {
  programs: {
    upsert(settings: ProgramSettings, now: number): Promise<{ record: ProgramRecord; changed: boolean }>;
    get(id: string): Promise<ProgramRecord | null>;
    getByName(name: string): Promise<ProgramRecord | null>;
    list(): Promise<ProgramRecord[]>;
  };
  participants: {
    findByIdentity(identity: Identity): Promise<Participant | null>;
    get(id: string): Promise<Participant | null>;
    /** The people and channels with these ids that exist, read at one moment, in no particular order. */
    getMany(ids: readonly string[]): Promise<Participant[]>;
    create(input: Identity & { programId: string; email?: string | null }, now: number): Promise<Participant>;
    update(id: string, patch: ParticipantPatch): Promise<Participant>;
    /** People already known on a platform by email (e.g. Teams users who installed the bot). */
    findByEmail(platform: Identity['platform'], email: string): Promise<Participant[]>;
    /** Every person (not channel) of a program, by email then id. */
    inProgram(programId: string): Promise<Participant[]>;
    /**
     * Applies a whole roster in one transaction: people, roles, arms, pairs and consent requests. The plan arrives
     * in batches, each written as it comes and then let go, so memory stays bounded by a batch; if a batch cannot
     * be produced or written, everything is rolled back. The connection belongs to the import until it ends
     * (the command line runs it in a process of its own).
     */
    importRoster(
      batches: AsyncIterable<RosterPlan> | Iterable<RosterPlan>,
      now: number,
    ): Promise<{ peopleCreated: number; peopleUpdated: number; pairsCreated: number }>;
    /** A channel (e.g. the curators' channel) as a delivery target, so its messages travel through the outbox too. */
    ensureChannel(identity: Identity, programId: string, now: number): Promise<Participant>;
    /** Cancel every scheduled job and pending message of a person (opt-out, decline). */
    stopAll(id: string, reason: string, now: number): Promise<void>;
    /**
     * A person's consent decision in one transaction: their record changed by `patch`, with `stop` every planned
     * job and queued message stopped first (decline, opt-out), and the decision written to the audit log and the
     * consent ledger. Whoever reads the new consent state also finds the decision in the ledger.
     */
    decideConsent(decision: {
      id: string;
      patch: ParticipantPatch;
      stop?: { reason: string; now: number };
      audit: AuditEntry;
      ledger: ConsentEntry;
    }): Promise<Participant>;
  };
  experiments: {
    /** Creates the experiment and its planned jobs in one transaction. Fails if one is already running. */
    start(
      id: string,
      participantId: string,
      input: ExperimentInput,
      endDate: string,
      jobs: NextRun[],
      now: number,
    ): Promise<Experiment>;
    get(id: string): Promise<Experiment | null>;
    current(participantId: string): Promise<Experiment | null>;
    /** Edits keep history: the previous version is stored before the change. */
    edit(
      id: string,
      input: ExperimentInput,
      endDate: string,
      changedBy: string,
      now: number,
      replan: NextRun[],
    ): Promise<Experiment>;
    setStatus(id: string, status: ExperimentStatus, now: number, replan?: NextRun[]): Promise<Experiment>;
    history(id: string): Promise<
      {
        version: number;
        data: ExperimentInput & { status: ExperimentStatus };
        changedAt: number;
        changedBy: string;
      }[]
    >;
    recordNudgeResponse(response: NudgeResponse): Promise<boolean>;
  };
  surveys: {
    get(id: string): Promise<Survey | null>;
    forExperiment(experimentId: string): Promise<Survey[]>;
    /** Records an answer; answering again keeps the latest and logs the change. */
    answerPractice(id: string, practice: number, now: number): Promise<Survey>;
    answerDetails(id: string, details: SurveyDetails, now: number): Promise<Survey>;
  };
  jobs: {
    due(now: number, limit: number): Promise<ScheduledJob[]>;
    context(job: ScheduledJob): Promise<JobContext | null>;
    /** Budgeted messages queued or sent in the week, and checkpoint jobs still due later that week. */
    budget(
      job: ScheduledJob,
      week: string,
      now: number,
      weekEnd: number,
    ): Promise<{ used: number; reservedLater: number }>;
    apply(
      job: ScheduledJob,
      decision: Decision,
      outbox: NewOutboxRow | readonly NewOutboxRow[] | null,
      now: number,
    ): Promise<ApplyResult>;
    /**
     * `apply` for many jobs in one transaction: the same outcome, item by item, as applying each in the order given
     * (a job that changed since it was read, or that comes twice, is not applied; a message key already queued,
     * or queued by an earlier item, is not queued again), and all or nothing.
     */
    applyMany(items: readonly JobApplication[], now: number): Promise<ApplyResult[]>;
    /** `context` for many jobs, in the order given (null where `context` answers null). */
    contexts(jobs: readonly ScheduledJob[]): Promise<(JobContext | null)[]>;
    /** `budget` for many jobs at one `now`, in the order given. */
    budgets(queries: readonly BudgetQuery[], now: number): Promise<{ used: number; reservedLater: number }[]>;
    scheduled(participantId: string): Promise<ScheduledJob[]>;
    /** The person's next message-bearing job (default kinds: nudge, checkpoint, checkpoint reminder). */
    nextFor(participantId: string, kinds?: readonly ScheduledJob['kind'][]): Promise<ScheduledJob | null>;
    /** When the earliest scheduled job of anyone falls due (null: nothing is scheduled), as `due` would find it. */
    nextDueAt(): Promise<number | null>;
  };
  outbox: {
    enqueue(row: NewOutboxRow, now: number): Promise<boolean>;
    /**
     * Claims up to `limit` pending rows due by `now` (oldest `nextAttemptAt` first) with `token`; with `scope`,
     * only rows of participants on that platform and workspace.
     */
    claim(now: number, limit: number, token: string, scope?: DispatchScope): Promise<OutboxRow[]>;
    markSent(id: number, token: string, providerRef: string | null, now: number): Promise<boolean>;
    release(id: number, token: string, nextAttemptAt: number, reason: string): Promise<boolean>;
    finish(
      id: number,
      token: string,
      status: 'failed' | 'expired' | 'cancelled',
      reason: string,
      now: number,
    ): Promise<boolean>;
    /** Rows left in `sending` longer than the lease (a crash or a hung call); with `scope`, only that workspace's. */
    stale(now: number, leaseMs: number, scope?: DispatchScope): Promise<OutboxRow[]>;
    /**
     * The workspaces and tenants with work for a dispatcher: pending rows due by `now`, or rows in `sending`
     * claimed at or before `staleBefore`. Each pair once, in no particular order.
     */
    dueScopes(now: number, staleBefore: number): Promise<DispatchScope[]>;
    reclaim(id: number, oldToken: string | null, newToken: string, now: number): Promise<boolean>;
    /**
     * Right before a send: renews the claim and counts the attempt. False when the claim was lost (recovery handed
     * the row to someone else), and then nothing may be sent. Attempts count sends, not claims. With `person`, only
     * while the row's person is still reachable with that consent state and address (as the caller read them a
     * moment ago): false as well when they changed, and then the caller reads the person again before it sends.
     */
    beginSend(id: number, token: string, now: number, person?: SendingTo): Promise<boolean>;
    /**
     * `beginSend` and `markSent` for many rows in one transaction, in the order given, each answered as it would be
     * alone; all of them or, when one fails, none.
     */
    advance(steps: readonly SendStep[]): Promise<boolean[]>;
    byKey(key: string): Promise<OutboxRow | null>;
    list(filter?: { participantId?: string; status?: OutboxStatus }): Promise<OutboxRow[]>;
    counts(): Promise<Record<OutboxStatus, number>>;
    nextAttemptAt(): Promise<number | null>;
  };
  mentoring: MentoringStore;
  matching: MatchingStore;
  pilots: PilotStore;
  reports: ReportStore;
  privacy: PrivacyStore;
  inbound: {
    /** True the first time an inbound delivery id is seen, false for a duplicate. */
    firstSeen(deliveryId: string, now: number): Promise<boolean>;
  };
  audit: {
    append(entry: AuditEntry): Promise<void>;
    since(at: number): Promise<AuditEntry[]>;
    /** One page of the entries that match, filtered and cut in the database (never the whole log in memory). */
    search(query: AuditSearch): Promise<AuditPage>;
  };
  meta: {
    get(key: string): Promise<string | null>;
    set(key: string, value: string): Promise<void>;
  };
  channelState: ChannelStateStore;
  transfer: TransferStore;
  /**
   * What an operator should fix about where the data rests, said once at start: e.g. database files that other
   * users of the machine may read. Empty when there is nothing to say (a server database has no such files).
   */
  fileSafetyWarnings(): Promise<StoreWarning[]>;
  leases: LeaseStore;
  replicas: ReplicaStore;
  ping(): Promise<boolean>;
  /**
   * Versions of this code's migrations that the database has not applied, ascending (empty: the schema is
   * current; versions the database has beyond this code's do not count). Rejects when the database cannot be
   * reached (closed, gone).
   */
  pendingMigrations(): Promise<number[]>;
  close(): Promise<void>;
}

/** A value of a row being moved between stores: text, a number, or null. */
export type TransferValue = string | number | null;

/** Rows of one table, each a list of values in the order of the table's columns (see transfer.ts). */
export interface TransferBatch {
  table: string;
  rows: TransferValue[][];
}

/** Rows per table. */
export type TransferCounts = Record<string, number>;

/**
 * The whole database as a neutral row stream, to move a pilot from one store to another (`migrate-store`).
 * The tables, their columns and their order are the ones src/store/transfer.ts lists.
 */
export interface TransferStore {
  /** The highest schema migration version the database has applied. */
  schemaVersion(): Promise<number>;
  /** Rows per table that a move would copy. */
  counts(): Promise<TransferCounts>;
  /**
   * Every row of every table, table after table in dependency order, in batches of at most `batchSize` rows, all
   * read in one consistent snapshot. The snapshot (and a connection) is held until the iteration ends.
   */
  exportRows(options?: { batchSize?: number }): AsyncIterable<TransferBatch>;
  /**
   * Writes a row stream into this database in one transaction: refused (nothing written) unless every table is
   * empty; generated ids carry on past the copied ones; with `dryRun`, everything is written and then rolled back.
   * Answers the rows written per table. The connection belongs to the import until it ends.
   */
  importRows(
    batches: AsyncIterable<TransferBatch> | Iterable<TransferBatch>,
    options?: { dryRun?: boolean },
  ): Promise<TransferCounts>;
}

/** A warning for the log: a fixed sentence, and the facts behind it (never a secret). */
export interface StoreWarning {
  message: string;
  detail: Record<string, string>;
}

/** One workspace (Slack) or tenant (Teams): the unit that platform rate limits and dispatch leases apply to. */
export interface DispatchScope {
  platform: Platform;
  workspaceId: string;
}

/** What `leases.acquire` answers. */
export type LeaseResult =
  | {
      acquired: true;
      /** Who held the lease before this call: null if it never existed; the caller itself for a renewal. */
      previousHolder: string | null;
      /** When that holding ended or ends (its expiry, or when it was released); null with no previous holder. */
      previousUntil: number | null;
    }
  | { acquired: false; holder: string; until: number };

/**
 * Named leases with a time to live: one holder at a time, taken over once the holder lets it expire (it died,
 * or hung past the TTL) or releases it. All times are the callers' clocks (milliseconds); replicas need clocks
 * in step to well under the TTL.
 */
export interface LeaseStore {
  /**
   * Atomically: grants `name` to `holder` until `now + ttlMs` when no one holds it, when the current holding has
   * expired (`until <= now`), or when `holder` already holds it (a renewal, which also extends it). Otherwise
   * changes nothing and answers who holds it until when.
   */
  acquire(name: string, holder: string, now: number, ttlMs: number): Promise<LeaseResult>;
  /**
   * Ends `holder`'s holding of `name` at `now` (it becomes free at once), keeping the holder's name as the
   * previous holder. False, changing nothing, when `holder` does not hold it (any more).
   */
  release(name: string, holder: string, now: number): Promise<boolean>;
}

/** Liveness of each replica, written by the replica itself. */
export interface ReplicaStore {
  /**
   * Upserts `replica`'s heartbeat row: its latest scheduler pass finished at `at`. In the same call, rows of
   * replicas whose latest pass is older than `forgetBefore` are deleted (replicas long gone).
   */
  recordPass(replica: string, at: number, forgetBefore: number): Promise<void>;
  /** Every replica's row, latest pass first. */
  list(): Promise<{ replica: string; lastPassAt: number }[]>;
}

/** Whom a piece of channel state is about: erasing that person deletes it. */
export interface ChannelStateOwner {
  workspaceId: string;
  userId: string;
}

/**
 * State a channel keeps for itself (Teams conversation references, claimed curator channels), keyed per
 * platform. Values the channel keeps about a person name that person as the owner, so erasure deletes them.
 */
export interface ChannelStateStore {
  get(platform: Platform, key: string): Promise<string | null>;
  set(
    platform: Platform,
    key: string,
    value: string,
    owner: ChannelStateOwner | null,
    now: number,
  ): Promise<void>;
  delete(platform: Platform, key: string): Promise<void>;
  /**
   * `set` for many entries in one transaction: all are written or, if any write fails, none is. Entries are
   * applied in order (a key named twice ends with its last value); each replaces any value and owner the key
   * had, with `now` as its time. An empty list writes nothing. Callers keep a call to a few thousand entries
   * (one batch), so that no transaction holds the write lock for long.
   */
  setMany(platform: Platform, entries: readonly ChannelStateEntry[], now: number): Promise<void>;
}

/** One value `channelState.setMany` writes. */
export interface ChannelStateEntry {
  key: string;
  value: string;
  owner: ChannelStateOwner | null;
}

export interface NewPair {
  id: string;
  programId: string;
  mentorId: string;
  menteeId: string;
  createdBy: string;
  replacesPairId?: string | null;
}

export interface CharterDraftRecord {
  pairId: string;
  data: CharterDraft;
  mode: 'form' | 'chat' | 'paused';
  updatedAt: number;
}

/** Pairs, charters, milestones and curator alerts. */
export interface MentoringStore {
  /** Creates a pair with its first jobs; null when the same two people are already an active pair. */
  createPair(pair: NewPair, jobs: readonly NextRun[], now: number): Promise<Pair | null>;
  getPair(id: string): Promise<Pair | null>;
  /** Active pairs a person is in, in either role. */
  activePairsOf(participantId: string): Promise<Pair[]>;
  activePairs(programId?: string): Promise<Pair[]>;
  /** Every pair of a program, active or closed, oldest first. */
  pairs(programId: string): Promise<Pair[]>;
  /** Pairs whose introduction has not gone out yet (waiting for consent). */
  pairsAwaitingIntro(participantId: string): Promise<Pair[]>;
  markIntroSent(pairId: string, now: number): Promise<boolean>;
  /** Closes an active pair and cancels its jobs; false when it was not active. */
  closePair(pairId: string, reason: string, now: number): Promise<boolean>;

  getDraft(pairId: string): Promise<CharterDraftRecord | null>;
  saveDraft(
    pairId: string,
    data: CharterDraft,
    mode: CharterDraftRecord['mode'],
    now: number,
  ): Promise<CharterDraftRecord>;
  /** A new charter version from the mentee (their confirmation); false when one is already waiting for the mentor. */
  submitCharter(pairId: string, charter: Charter, now: number): Promise<CharterVersion | null>;
  currentCharter(pairId: string): Promise<CharterVersion | null>;
  charterVersions(pairId: string): Promise<CharterVersion[]>;
  /** Mentor's answer to a submitted version; null when that version is no longer waiting (a second click). */
  requestCharterChanges(
    pairId: string,
    version: number,
    comment: string,
    now: number,
  ): Promise<CharterVersion | null>;
  confirmCharter(
    pairId: string,
    version: number,
    milestones: readonly Omit<Milestone, 'status' | 'confirmedAt' | 'confirmedBy' | 'note'>[],
    jobs: readonly NextRun[],
    jobOwnerId: string,
    now: number,
    /** The pair's own jobs (check-ins on the charter's cadence), per member; the earlier version's give way. */
    pairJobs?: readonly { participantId: string; run: NextRun }[],
  ): Promise<CharterVersion | null>;

  milestones(pairId: string): Promise<Milestone[]>;
  getMilestone(id: string): Promise<Milestone | null>;
  /** First answer wins; false when the milestone was already confirmed. */
  confirmMilestone(id: string, answer: MilestoneAnswer, by: string, now: number): Promise<boolean>;
  noteMilestone(id: string, note: string): Promise<void>;

  getAlert(id: string): Promise<CuratorAlert | null>;
  openAlertFor(pairId: string): Promise<CuratorAlert | null>;
  /** Opens an alert outside the daily look (a pair member's request); false when one is open already. */
  openAlert(alert: Pick<CuratorAlert, 'id' | 'pairId' | 'score' | 'reasons'>, now: number): Promise<boolean>;
  alerts(filter?: { pairId?: string }): Promise<CuratorAlert[]>;
  /** Marks an open alert handled by one curator; false when someone else got there first. */
  handleAlert(
    id: string,
    action: CuratorAction,
    by: string,
    now: number,
    detail: Record<string, unknown>,
    snoozeUntil?: number,
  ): Promise<boolean>;
}

export interface NewProposal {
  id: string;
  reviewId: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  fit: number;
  reasons: FitReason[];
  alternatives: Candidate[];
}

/** Matching proposals for the curators' review. */
export interface MatchingStore {
  /** Saves a review's proposals in one transaction; a mentee who already has an open proposal is skipped. */
  saveProposals(proposals: readonly NewProposal[], now: number): Promise<StoredProposal[]>;
  getProposal(id: string): Promise<StoredProposal | null>;
  review(reviewId: string): Promise<StoredProposal[]>;
  proposals(programId: string): Promise<StoredProposal[]>;
  /** Records a curator's decision; false when the proposal was decided already (exactly one decision wins). */
  decide(
    id: string,
    decision: {
      status: Exclude<ProposalStatus, 'open'>;
      by: string;
      byName?: string | null;
      chosenMentorId?: string | null;
    },
    now: number,
  ): Promise<boolean>;
  /** Undoes a decision whose pair could not be formed (only while no pair is linked). */
  reopen(id: string): Promise<void>;
  linkPair(id: string, pairId: string): Promise<void>;
  /** Adds someone to a person's private "not with" list; false when they were on it already. */
  addNotWith(ownerId: string, other: Identity, name: string | null, now: number): Promise<boolean>;
  removeNotWith(ownerId: string, other: Identity): Promise<boolean>;
  notWithOf(ownerId: string): Promise<{ other: Identity; name: string | null }[]>;
  /** Records what a pair member said ("we're fine" with an optional note, or "a new match"). */
  recordVoice(
    entry: { pairId: string; participantId: string; kind: 'fine' | 'new_match'; note: string | null },
    now: number,
  ): Promise<void>;
  voices(
    pairId: string,
  ): Promise<{ participantId: string; kind: 'fine' | 'new_match'; note: string | null; at: number }[]>;
  /** Every entry of the program's people, for the matcher. */
  notWithInProgram(programId: string): Promise<{ ownerId: string; other: Identity }[]>;
  /** Every check-in round asked of a pair, one entry per member asked, oldest first. */
  pairCheckins(pairId: string): Promise<PairCheckin[]>;
  /** A member's answer to a round they were asked; false when they had answered it already (the first answer counts). */
  answerPairCheckin(
    pairId: string,
    round: string,
    participantId: string,
    answer: MeetingAnswer,
    now: number,
  ): Promise<boolean>;
  /** How useful the meeting was (1–5) and a note, after a yes; only on a round answered "met". */
  ratePairCheckin(
    pairId: string,
    round: string,
    participantId: string,
    change: { usefulness?: number; note?: string },
  ): Promise<boolean>;
}

export interface PairCheckin {
  pairId: string;
  round: string;
  participantId: string;
  askedAt: number;
  answer: MeetingAnswer | null;
  usefulness: number | null;
  note: string | null;
  answeredAt: number | null;
}

export interface RosterPersonPlan {
  /** Existing participant id, or the id to create. */
  id: string;
  exists: boolean;
  identity: Identity;
  programId: string;
  email: string;
  roles: Participant['roles'];
  arm: Participant['arm'];
  timezone: string | null;
  /** The roster's language for the person (a tag the bot speaks); null: the roster names none. */
  language?: string | null;
  /** The consent request for a person who has not been asked yet. */
  consentRequest: NewOutboxRow | null;
  /** Roster attributes (department, level…) to set; attributes not named keep their value. */
  attributes?: Readonly<Record<string, string>>;
  /** The arm the bot assigned in this import, recorded with the person (absent: no new assignment). */
  assignment?: NewArmAssignment | null;
}

/** An arm the bot drew for one leader: how, with which seed, in which stratum and import batch. */
export interface NewArmAssignment {
  method: AssignmentMethod;
  stratum: string;
  seed: string;
  /** The control share the batch was drawn with. */
  controlPercent: number;
  batch: number;
  /** Staggered designs, control arm: the local date the wait ends, and the job that ends it. */
  coachingFrom: string | null;
  job: NextRun | null;
}

export interface RosterPairPlan {
  id: string;
  programId: string;
  mentorId: string;
  menteeId: string;
  jobs: readonly NextRun[];
  draft: CharterDraft;
}

export interface RosterPlan {
  people: RosterPersonPlan[];
  pairs: RosterPairPlan[];
}

export const CONSENT_DECISIONS = ['requested', 'accepted', 'declined', 'opted_out', 'erased'] as const;
export interface ConsentEntry {
  participantId: string;
  at: number;
  decision: (typeof CONSENT_DECISIONS)[number];
  /** What was agreed to, e.g. the program and the retention terms shown. */
  scope: string;
  channel: string;
}

export interface PurgeSummary {
  notesCleared: number;
  messageBodiesCleared: number;
  interactionEventsDeleted: number;
  experimentsDeleted: number;
  pairsDeleted: number;
  outboxRowsDeleted: number;
}

export interface PrivacyStore {
  recordConsent(entry: ConsentEntry): Promise<void>;
  consentHistory(participantId: string): Promise<ConsentEntry[]>;
  /**
   * Erases a person's personal data and free text in one transaction; numbers stay, attached to an
   * anonymous record, so totals still add up.
   */
  erase(
    participantId: string,
    now: number,
  ): Promise<{ experiments: number; pairsClosed: number; messagesCleared: number }>;
  /** Free text and raw interaction events before `freeTextBefore`, and everything before `aggregatesBefore`, for one program. */
  purge(programId: string, freeTextBefore: number, aggregatesBefore: number): Promise<PurgeSummary>;
  /**
   * Called right after an erasure or a retention run: moves every change into the main file and empties the
   * write-ahead log, so the old versions of what was removed are no longer on disk. `complete` is false when
   * another connection's open read kept part of the log; the next call finishes the work.
   */
  settleErasure(): Promise<{ complete: boolean }>;
}

// ---- pilots: arm assignments, confounder notes, governance reviews -------------------------------------

export interface ArmAssignment {
  participantId: string;
  programId: string;
  arm: Arm;
  method: AssignmentMethod;
  stratum: string;
  seed: string;
  controlPercent: number;
  batch: number;
  assignedAt: number;
  coachingFrom: string | null;
  /** When a wait-list leader's coaching began (null: still waiting, or not on a wait-list). */
  coachedAt: number | null;
  /** The key of the draw (null once the person is erased). */
  email: string | null;
}

/** Something else that happened during the pilot and may explain part of its result (a reorganization…). */
export interface ConfounderNote {
  id: string;
  programId: string;
  /** The local date it happened, YYYY-MM-DD. */
  date: string;
  text: string;
  createdBy: string;
  createdAt: number;
  removedBy: string | null;
  removedAt: number | null;
}

export const REVIEW_STAGES = ['mid'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export interface PilotStore {
  /** Every arm the bot assigned in a program, in the order of the draw (batch, then assignment). */
  assignments(programId: string): Promise<ArmAssignment[]>;
  addNote(
    note: { programId: string; date: string; text: string; by: string },
    now: number,
  ): Promise<ConfounderNote>;
  /** Notes by date; removed ones only when asked for. */
  notes(programId: string, options?: { includeRemoved?: boolean }): Promise<ConfounderNote[]>;
  /** Marks a note removed (it is kept, hidden from reports); null when there is no such note in the program. */
  removeNote(programId: string, id: string, by: string, now: number): Promise<ConfounderNote | null>;
  /** Records one run of a governance review; returns when it was first run and how many runs there were. */
  recordReview(programId: string, stage: ReviewStage, at: number): Promise<{ firstAt: number; runs: number }>;
}

// ---- outcome reports ---------------------------------------------------------------------------------

/**
 * What the outcome report reads about one person: internal id, study facts and consent. Never a name,
 * an email address, a Slack or Teams id, or anything the person typed.
 */
export interface ReportPersonRow {
  id: string;
  roles: Participant['roles'];
  /** The study arm: as assigned for the evaluation (a wait-list leader stays control once coached). */
  arm: Participant['arm'];
  /** Roster attributes used to balance arms (department, level); absent means none. */
  attributes?: Readonly<Record<string, string>>;
  consent: ConsentState;
  consentAt: number | null;
  invitedAt: number | null;
  createdAt: number;
}

/** An experiment's KPI frame. The unit is kept (reports group by it); behavior, hypothesis and KPI name are not read. */
export interface ReportExperimentRow {
  id: string;
  participantId: string;
  kpiUnit: string;
  kpiBaseline: number;
  kpiTarget: number;
  kpiDirection: Experiment['kpiDirection'];
  status: ExperimentStatus;
  createdAt: number;
}

/** A checkpoint survey without its note. */
export interface ReportSurveyRow {
  experimentId: string;
  participantId: string;
  checkpointDay: number;
  status: Survey['status'];
  sentAt: number | null;
  /** When it was (last) answered; absent or null when not answered. */
  answeredAt?: number | null;
  practice: number | null;
  kpiValue: number | null;
  confidence: number | null;
}

/** Nudges sent to one person, and how many of those got an answer (any button) or a "did it". */
export interface ReportNudgeRow {
  participantId: string;
  sent: number;
  answered: number;
  did: number;
}

/** Budgeted messages sent to one person in one local ISO week. */
export interface ReportBudgetRow {
  participantId: string;
  week: string;
  messages: number;
}

export interface ReportPairRow {
  id: string;
  mentorId: string;
  menteeId: string;
  status: Pair['status'];
  createdAt: number;
  closedAt: number | null;
  replacesPairId: string | null;
  /** When the mentor first confirmed a charter version (null: never). */
  charterConfirmedAt: number | null;
}

export interface ReportMilestoneRow {
  pairId: string;
  dueAt: number;
  status: Milestone['status'];
  confirmedAt: number | null;
}

export interface ReportAlertRow {
  pairId: string;
  status: CuratorAlert['status'];
  createdAt: number;
  handledAt: number | null;
  /** A curator took a decision on it (re-match, check-in, snooze, close), as opposed to an automatic close. */
  actedOn: boolean;
}

/** A matching proposal and what the curators decided (no reasons: they carry roster attributes). */
export interface ReportProposalRow {
  menteeId: string;
  mentorId: string;
  chosenMentorId: string | null;
  status: 'open' | 'approved' | 'changed' | 'rejected';
  createdAt: number;
  decidedAt: number | null;
}

/** What a pair member said when asked (never the note). */
export interface ReportVoiceRow {
  pairId: string;
  participantId: string;
  kind: 'fine' | 'new_match';
  at: number;
}

/** Everything the outcome report of one program reads (people of kind 'channel' are left out). */
export interface ReportDataset {
  people: ReportPersonRow[];
  experiments: ReportExperimentRow[];
  surveys: ReportSurveyRow[];
  nudges: ReportNudgeRow[];
  budgetWeeks: ReportBudgetRow[];
  pairs: ReportPairRow[];
  milestones: ReportMilestoneRow[];
  alerts: ReportAlertRow[];
  /** Arms the bot assigned (without the email keys). */
  assignments: Omit<ArmAssignment, 'email' | 'programId'>[];
  /** Every applied version of the program's settings, as far as the decision rule goes. */
  programVersions: EvaluationVersion[];
  /** Confounder notes that were not removed, by date. */
  notes: Pick<ConfounderNote, 'id' | 'date' | 'text'>[];
  /** Every run of a governance review. */
  reviews: { stage: ReviewStage; at: number }[];
  /** Matching proposals (absent in datasets from before matching). */
  proposals?: ReportProposalRow[];
  /** Pair members' answers to the friendly nudge. */
  voices?: ReportVoiceRow[];
  /** Pair members' answers to the check-ins on the charter's cadence (never the note). */
  checkins?: ReportCheckinRow[];
}

/** One member's answer to one check-in round, with the cadence of the charter it belongs to. */
export interface ReportCheckinRow {
  pairId: string;
  round: string;
  participantId: string;
  askedAt: number;
  answer: MeetingAnswer | null;
  usefulness: number | null;
  cadence: Cadence;
}

/** Read-only queries behind the outcome report. */
export interface ReportStore {
  /** The rows of one program, read in one snapshot so that the figures agree with each other. */
  dataset(programId: string): Promise<ReportDataset>;
  /** The database's pseudonym secret: `candidate` is stored the first time, and the stored value returned ever after. */
  pseudonymSecret(candidate: string): Promise<string>;
}
