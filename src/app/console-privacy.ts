import { type Identity, type Participant, PLATFORMS } from '../core/participant.js';
import type { ProgramSettings } from '../core/program.js';
import type { AuditPage, AuditSearch, Store } from '../store/types.js';
import type { ConsoleAccess, ConsoleRoles } from './console-access.js';
import { NotAllowedError } from './errors.js';
import type { PairOverview } from './mentoring.js';
import type { PrivacyService } from './privacy.js';
import { countFigure, type Figure } from './reports/figures.js';

/**
 * Whether someone in the console sees a program's people one by one: curators always (they decide on pairs);
 * admins only when the program grants it (`console.adminsSeeIndividuals`), else aggregates with suppression.
 */
export function seesIndividuals(roles: ConsoleRoles, settings: Pick<ProgramSettings, 'console'>): boolean {
  return roles.curator || (roles.admin && settings.console?.adminsSeeIndividuals === true);
}

/** A person an erasure by email would reach, as the confirmation step shows them. */
export interface ErasureCandidate {
  person: Participant;
  /** The program they are enrolled in, and those of their active pairs. */
  programs: string[];
  activePairs: number;
  hasExperiment: boolean;
}

/** The audit log filters of the Privacy page. */
export type AuditFilter = Omit<AuditSearch, 'limit'>;

export const AUDIT_PAGE_SIZE = 50;

/**
 * The console's Privacy page, for admins only: the audit log searched in the store, and erasure of a person by
 * email in two steps (who would be erased, then the erasure itself, the same as `coachloop forget`).
 */
export class ConsolePrivacy {
  readonly #store: Store;
  readonly #access: ConsoleAccess;
  readonly #privacy: PrivacyService;

  constructor(options: { store: Store; access: ConsoleAccess; privacy: PrivacyService }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#privacy = options.privacy;
  }

  async #admin(identity: Identity): Promise<void> {
    if (!(await this.#access.rolesOf(identity)).admin) throw new NotAllowedError();
  }

  /** One page of the audit log, newest first, filtered in the store. */
  async auditLog(identity: Identity, filter: AuditFilter, limit = AUDIT_PAGE_SIZE): Promise<AuditPage> {
    await this.#admin(identity);
    return this.#store.audit.search({ ...filter, limit });
  }

  /** Who an erasure by this email would reach, on every platform; nothing is changed. */
  async erasurePreview(identity: Identity, email: string): Promise<ErasureCandidate[]> {
    await this.#admin(identity);
    const candidates: ErasureCandidate[] = [];
    for (const person of await this.#byEmail(email)) {
      const programs = new Set<string>();
      const own = await this.#store.programs.get(person.programId);
      if (own) programs.add(own.name);
      const pairs = await this.#store.mentoring.activePairsOf(person.id);
      for (const pair of pairs) {
        const program = await this.#store.programs.get(pair.programId);
        if (program) programs.add(program.name);
      }
      candidates.push({
        person,
        programs: [...programs],
        activePairs: pairs.length,
        hasExperiment: (await this.#store.experiments.current(person.id)) !== null,
      });
    }
    return candidates;
  }

  /**
   * Erases the people with this email whose ids the admin confirmed (someone who took the email since the
   * confirmation page is not erased unseen), each audited as `person.erased` with the admin as actor.
   */
  async erase(
    identity: Identity,
    email: string,
    confirmedIds: readonly string[],
  ): Promise<{ person: Participant; pairsClosed: number; experiments: number; messagesCleared: number }[]> {
    await this.#admin(identity);
    const actor = await this.#actor(identity);
    const erased = [];
    for (const person of await this.#byEmail(email)) {
      if (!confirmedIds.includes(person.id)) continue;
      erased.push({ person, ...(await this.#privacy.forget(person, actor)) });
    }
    return erased;
  }

  async #byEmail(email: string): Promise<Participant[]> {
    const people: Participant[] = [];
    for (const platform of PLATFORMS)
      people.push(
        ...(await this.#store.participants.findByEmail(platform, email)).filter((p) => p.kind === 'person'),
      );
    return people;
  }

  async #actor(identity: Identity): Promise<string> {
    const person = await this.#store.participants.findByIdentity(identity);
    return person?.id ?? `${identity.platform}:${identity.userId}`;
  }
}

/** A program's pairs in aggregate, for viewers who may not see them one by one; small groups suppressed. */
export interface PairsSummary {
  program: string;
  pairs: Figure;
  rows: { label: string; value: Figure }[];
}

/** Counts of pairs, each shown only when the pairs it counts have at least MIN_GROUP distinct people. */
export function summarizePairs(program: string, pairs: readonly PairOverview[]): PairsSummary {
  const count = (label: string, match: (p: PairOverview) => boolean) => {
    const matching = pairs.filter(match);
    const people = new Set(matching.flatMap((p) => [p.pair.mentorId, p.pair.menteeId]));
    return { label, value: countFigure(matching.length, people.size) };
  };
  return {
    program,
    pairs: count('Active pairs', () => true).value,
    rows: [
      count('Charter agreed', (p) => p.charter === 'active'),
      count(
        'Charter sent, not yet agreed',
        (p) => p.charter === 'submitted' || p.charter === 'changes_requested',
      ),
      count('No charter yet', (p) => p.charter === null),
      count('Engagement score below the threshold', (p) => p.score.low),
      count('Open curator alert', (p) => p.alert !== null),
      count('Met at least once (check-ins)', (p) => p.checkins.met > 0),
      count('A milestone met', (p) => p.milestones.some((m) => m.status === 'met')),
    ],
  };
}
