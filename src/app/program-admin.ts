import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { canonicalLocale, speaks } from '../core/catalog/index.js';
import type { Clock } from '../core/clock.js';
import type { Identity } from '../core/participant.js';
import { missingTranslations, type ProgramSettings } from '../core/program.js';
import { timeZoneSchema } from '../core/time.js';
import type { ProgramRecord, Store } from '../store/types.js';
import type { ConsoleRoles } from './console-access.js';
import { NotAllowedError } from './errors.js';
import type { MentoringService } from './mentoring.js';
import { type PreviewLine, previewProgram } from './preview.js';
import { ProgramFileError, parseProgramText } from './program-files.js';
import { evaluationDeviationNote } from './reports/evidence.js';
import { type DirectoryLookup, type DirectoryProgress, importRoster, type RosterOutcome } from './roster.js';

/** A program file checked as `coachloop program validate` checks it. */
export type ProgramCheck =
  | {
      ok: true;
      settings: ProgramSettings;
      /** The settings with defaults filled in, as `coachloop program validate` prints them. */
      shown: string;
      warnings: string[];
      /** The program of that name today, if any. */
      current: ProgramRecord | null;
    }
  | { ok: false; problems: string[] };

export type ProgramApplied =
  | { ok: false; problems: string[] }
  | { ok: true; record: ProgramRecord; changed: boolean; warnings: string[] };

export interface PreviewRequest {
  timezone: string;
  startDate: string;
  days: number;
  locale?: string;
}

export type PreviewOutcome =
  | { ok: true; lines: PreviewLine[]; request: PreviewRequest }
  | { ok: false; problems: string[] };

/** The settings as `coachloop program validate` prints them (defaults filled in). */
export const shownSettings = (settings: ProgramSettings) => JSON.stringify(settings, null, 2);

/**
 * What program admins do in the console's Programs and Roster pages, with the same functions as the commands
 * (`program validate`, `program apply`, `preview`, `roster import`) and the same audit entries, the actor being the
 * signed-in admin. Every method asks the admin role first.
 */
export class ProgramAdmin {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #roles: (identity: Identity) => Promise<ConsoleRoles>;
  readonly #mentoring: MentoringService;
  readonly #directories: () => Promise<DirectoryLookup[]>;
  readonly #scratchStore: () => Promise<Store>;

  constructor(options: {
    store: Store;
    clock: Clock;
    roles: (identity: Identity) => Promise<ConsoleRoles>;
    mentoring: MentoringService;
    /** The chat directories a roster's emails are resolved in, as `coachloop roster import` builds them. */
    directories: () => Promise<DirectoryLookup[]>;
    /** A throw-away store for previews. */
    scratchStore: () => Promise<Store>;
  }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#roles = options.roles;
    this.#mentoring = options.mentoring;
    this.#directories = options.directories;
    this.#scratchStore = options.scratchStore;
  }

  async #admin(identity: Identity): Promise<void> {
    if (!(await this.#roles(identity)).admin) throw new NotAllowedError();
  }

  async #actor(identity: Identity): Promise<string> {
    const person = await this.#store.participants.findByIdentity(identity);
    return person?.id ?? `${identity.platform}:${identity.userId}`;
  }

  async programs(identity: Identity): Promise<ProgramRecord[]> {
    await this.#admin(identity);
    return this.#store.programs.list();
  }

  /** One program, or null; with its settings as YAML to start an edit from. */
  async program(identity: Identity, name: string): Promise<{ record: ProgramRecord; yaml: string } | null> {
    await this.#admin(identity);
    const record = await this.#store.programs.getByName(name);
    return record ? { record, yaml: stringify(record.settings) } : null;
  }

  /** Checks a program file's text, writing nothing: the same line-numbered problems as `coachloop program validate`. */
  async check(identity: Identity, text: string, file: string): Promise<ProgramCheck> {
    await this.#admin(identity);
    let settings: ProgramSettings;
    try {
      settings = parseProgramText(text, file);
    } catch (error) {
      if (error instanceof ProgramFileError) return { ok: false, problems: error.problems };
      throw error;
    }
    return {
      ok: true,
      settings,
      shown: shownSettings(settings),
      warnings: missingTranslations(settings),
      current: await this.#store.programs.getByName(settings.name),
    };
  }

  /**
   * Applies a program file as `coachloop program apply` does: created or updated by name, future messages only,
   * and audited as `program.applied` when it changed. Nothing is written when the file is not valid.
   */
  async apply(identity: Identity, text: string, file: string): Promise<ProgramApplied> {
    const checked = await this.check(identity, text, file);
    if (!checked.ok) return checked;
    const now = this.#clock.now();
    const before = checked.current;
    const { record, changed } = await this.#store.programs.upsert(checked.settings, now);
    const warnings = [...checked.warnings];
    const deviation = changed && before ? await evaluationDeviationNote(this.#store, before, record) : null;
    if (deviation) warnings.push(deviation);
    if (changed)
      await this.#store.audit.append({
        at: now,
        actor: await this.#actor(identity),
        action: 'program.applied',
        subject: record.name,
        detail: { version: record.version, file, via: 'console' },
      });
    return { ok: true, record, changed, warnings };
  }

  /** Every message one leader of the program would receive, as `coachloop preview` shows them. */
  async preview(
    identity: Identity,
    name: string,
    asked: { timezone?: string; startDate?: string; days?: number; locale?: string },
  ): Promise<PreviewOutcome | null> {
    await this.#admin(identity);
    const record = await this.#store.programs.getByName(name);
    if (!record) return null;
    const problems: string[] = [];
    const timezone = asked.timezone || record.settings.timezone;
    if (!timeZoneSchema.safeParse(timezone).success)
      problems.push(`time zone: "${timezone}" is not an IANA time zone (e.g. Europe/Berlin)`);
    const startDate =
      asked.startDate ||
      DateTime.fromMillis(this.#clock.now(), {
        zone: problems.length ? 'UTC' : timezone,
      }).toISODate()!;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !DateTime.fromISO(startDate).isValid)
      problems.push(`start date: "${startDate}" is not a date (YYYY-MM-DD)`);
    const days = asked.days ?? 91;
    if (!Number.isInteger(days) || days < 1 || days > 366)
      problems.push('days: must be a whole number from 1 to 366');
    let locale: string | undefined;
    if (asked.locale) {
      const canonical = canonicalLocale(asked.locale);
      if (!canonical || !speaks(canonical))
        problems.push(`language: "${asked.locale}" is not a language coachloop speaks`);
      else locale = canonical;
    }
    if (problems.length > 0) return { ok: false, problems };
    const request: PreviewRequest = { timezone, startDate, days, ...(locale ? { locale } : {}) };
    const lines = await previewProgram(
      record.settings,
      timezone,
      startDate,
      days,
      locale,
      this.#scratchStore,
    );
    return { ok: true, lines, request };
  }

  /**
   * A roster import into a program, as `coachloop roster import` runs it (all or nothing, the same checks and
   * audit entries, the actor being the admin); with `dryRun` nothing is written. After a real import the new
   * pairs are introduced, as the command does.
   */
  async importRoster(
    identity: Identity,
    programName: string,
    csv: string,
    options: { dryRun: boolean; onProgress?: DirectoryProgress },
  ): Promise<RosterOutcome | null> {
    await this.#admin(identity);
    const program = await this.#store.programs.getByName(programName);
    if (!program) return null;
    const outcome = await importRoster({
      store: this.#store,
      program,
      csv,
      lookups: await this.#directories(),
      now: this.#clock.now(),
      dryRun: options.dryRun,
      actor: await this.#actor(identity),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (outcome.written)
      for (const pair of await this.#store.mentoring.activePairs(program.id))
        await this.#mentoring.sendIntros(pair);
    return outcome;
  }

  /** How many people a program has today (the roster page says an import removes no one). */
  async enrolled(identity: Identity, programName: string): Promise<number> {
    await this.#admin(identity);
    const program = await this.#store.programs.getByName(programName);
    return program ? (await this.#store.participants.inProgram(program.id)).length : 0;
  }
}
