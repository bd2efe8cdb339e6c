import type { Clock } from '../core/clock.js';
import type { Identity, Participant } from '../core/participant.js';
import type { ProgramRecord, Store } from '../store/types.js';
import { type PairsSummary, seesIndividuals, summarizePairs } from './console-privacy.js';
import { NotAllowedError } from './errors.js';
import type { CuratorDirectory, MentoringService, PairOverview } from './mentoring.js';
import type { CsvLayout } from './reports/csv.js';
import {
  programNamed,
  type RenderedReport,
  type ReportFormat,
  renderOutcomeReport,
} from './reports/export.js';

/** What a person signed in to the console may do; asked on every request, so a role taken away ends access. */
export interface ConsoleRoles {
  admin: boolean;
  curator: boolean;
}

export type ConsoleProvider = 'slack' | 'entra';

/**
 * Who may use the web console and what each may see. Admins: people named in `ADMINS` or with the roster's
 * `admin` role. Curators: as in chat (`CURATORS`, the curator user group, the roster's `curator` role).
 */
export class ConsoleAccess {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #curators: CuratorDirectory;
  readonly #mentoring: MentoringService;
  readonly #admins: Set<string>;

  constructor(options: {
    store: Store;
    clock: Clock;
    curators: CuratorDirectory;
    mentoring: MentoringService;
    /** `ADMINS`: `<platform>:<user id>`, a bare id meaning Slack. */
    admins: readonly string[];
  }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#curators = options.curators;
    this.#mentoring = options.mentoring;
    this.#admins = new Set(options.admins.map((e) => (e.includes(':') ? e : `slack:${e}`)));
  }

  async rolesOf(identity: Identity): Promise<ConsoleRoles> {
    const person = await this.#store.participants.findByIdentity(identity);
    return {
      admin:
        this.#admins.has(`${identity.platform}:${identity.userId}`) ||
        Boolean(person?.roles.includes('admin')),
      curator: await this.#curators.isCurator(identity),
    };
  }

  /** Records a sign-in (or a refused one) in the audit log; no names or emails, only the platform identity. */
  async recordSignIn(
    identity: Identity,
    provider: ConsoleProvider | 'one-time-link',
    allowed: boolean,
  ): Promise<void> {
    await this.#store.audit.append({
      at: this.#clock.now(),
      actor: await this.#actor(identity),
      action: allowed ? 'console.signed_in' : 'console.refused',
      subject: `${identity.platform}:${identity.userId}`,
      detail: { provider, workspaceId: identity.workspaceId },
    });
  }

  /**
   * Every active pair with its score, reasons, check-ins, milestones and open alert, for curators and admins: one by
   * one where the viewer may see the program's people (`seesIndividuals`), else each program's pairs in aggregate.
   */
  async pairsOverview(identity: Identity): Promise<{ pairs: PairOverview[]; summaries: PairsSummary[] }> {
    const roles = await this.rolesOf(identity);
    if (!roles.admin && !roles.curator) throw new NotAllowedError();
    const all = await this.#mentoring.pairsOverview();
    const programs = new Map((await this.#store.programs.list()).map((p) => [p.name, p]));
    const visible = (name: string) => {
      const program = programs.get(name);
      return program ? seesIndividuals(roles, program.settings) : roles.curator;
    };
    const hidden = [...new Set(all.map((p) => p.program))].filter((name) => !visible(name)).sort();
    return {
      pairs: all.filter((p) => visible(p.program)),
      summaries: hidden.map((name) =>
        summarizePairs(
          name,
          all.filter((p) => p.program === name),
        ),
      ),
    };
  }

  /** Whether this viewer sees the program's people one by one (pairs by name, the pseudonymous row export). */
  async seesIndividuals(identity: Identity, program: ProgramRecord): Promise<boolean> {
    return seesIndividuals(await this.rolesOf(identity), program.settings);
  }

  /** The programs an admin may take reports of. */
  async programNames(identity: Identity): Promise<string[]> {
    if (!(await this.rolesOf(identity)).admin) throw new NotAllowedError();
    return (await this.#store.programs.list()).map((p) => p.name);
  }

  /**
   * A program's outcome report as of now, for admins only: the same figures and small-group suppression as
   * `coachloop report`, and the same audit entry (program, format, row count; never the data).
   */
  async reportDownload(
    identity: Identity,
    program: string,
    format: ReportFormat,
    csvLayout: CsvLayout = 'figures',
  ): Promise<RenderedReport> {
    const roles = await this.rolesOf(identity);
    if (!roles.admin) throw new NotAllowedError();
    // The row export is one pseudonymous row per person: individual data, only where the program grants it.
    if (format === 'csv' && csvLayout === 'rows') {
      const record = await programNamed(this.#store, program);
      if (!seesIndividuals(roles, record.settings)) throw new NotAllowedError();
    }
    const rendered = await renderOutcomeReport(this.#store, this.#clock.now(), {
      program,
      format,
      csvLayout,
    });
    await this.#store.audit.append({
      at: this.#clock.now(),
      actor: await this.#actor(identity),
      action: 'report.exported',
      subject: rendered.program.name,
      detail: {
        format,
        via: 'console',
        ...(format === 'csv'
          ? { layout: csvLayout, rows: rendered.rows, withheldArms: rendered.withheldArms }
          : {}),
      },
    });
    return rendered;
  }

  /** People a curator may pick as a new mentor: those of the pairs' programs on the curator's own platform and workspace. */
  async mentorChoices(identity: Identity, programIds: readonly string[]): Promise<Participant[]> {
    if (!(await this.#curators.isCurator(identity))) return [];
    const people: Participant[] = [];
    for (const programId of new Set(programIds))
      for (const p of await this.#store.participants.inProgram(programId))
        if (
          p.platform === identity.platform &&
          p.workspaceId === identity.workspaceId &&
          p.consent === 'accepted'
        )
          people.push(p);
    return people;
  }

  async #actor(identity: Identity): Promise<string> {
    const person = await this.#store.participants.findByIdentity(identity);
    return person?.id ?? `${identity.platform}:${identity.userId}`;
  }
}
