import type { Clock } from '../core/clock.js';
import type { Identity } from '../core/participant.js';
import type { ProgramRecord, Store } from '../store/types.js';
import type { ConsoleAccess } from './console-access.js';
import { seesIndividuals } from './console-privacy.js';
import { NotAllowedError } from './errors.js';
import { loadOutcomeReport } from './reports/export.js';
import { renderHtmlBody } from './reports/html.js';
import { reportLocale, reportWords } from './reports/report-locale.js';

/** A program on the Report page, and whether this viewer may take its individual rows. */
export interface ReportProgram {
  name: string;
  title: string | null;
  individuals: boolean;
}

/**
 * The console's Report page, for admins: each program's outcome report as of now, computed and rendered by the same
 * functions as `coachloop report` (the same figures, the same suppression of small groups), and recorded in the
 * audit log when opened. Downloads go through `ConsoleAccess.reportDownload`.
 */
export class ConsoleReports {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #access: ConsoleAccess;

  constructor(options: { store: Store; clock: Clock; access: ConsoleAccess }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#access = options.access;
  }

  async programs(identity: Identity): Promise<ReportProgram[]> {
    const roles = await this.#access.rolesOf(identity);
    if (!roles.admin) throw new NotAllowedError();
    return (await this.#store.programs.list()).map((p) => ({
      name: p.name,
      title: p.settings.title ?? null,
      individuals: seesIndividuals(roles, p.settings),
    }));
  }

  /** The report's HTML content (no document around it, no inline styles) in the program's language. */
  async live(
    identity: Identity,
    programName: string,
  ): Promise<{ program: ProgramRecord; body: string; individuals: boolean }> {
    const roles = await this.#access.rolesOf(identity);
    if (!roles.admin) throw new NotAllowedError();
    const now = this.#clock.now();
    const { program, report } = await loadOutcomeReport(this.#store, programName, now);
    const body = renderHtmlBody(report, reportWords(reportLocale(undefined, program.settings.language)));
    await this.#store.audit.append({
      at: now,
      actor: await this.#actor(identity),
      action: 'report.viewed',
      subject: program.name,
      detail: { via: 'console' },
    });
    return { program, body, individuals: seesIndividuals(roles, program.settings) };
  }

  async #actor(identity: Identity): Promise<string> {
    const person = await this.#store.participants.findByIdentity(identity);
    return person?.id ?? `${identity.platform}:${identity.userId}`;
  }
}
