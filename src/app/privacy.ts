import { DateTime } from 'luxon';
import { type Clock, DAY } from '../core/clock.js';
import type { Identity, Participant } from '../core/participant.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { PurgeSummary, Store } from '../store/types.js';
import { UserFacingError } from './errors.js';

export const RETENTION_LAST_RUN = 'retention.last_run_date';

/** Erasure on request and the daily retention job. */
export class PrivacyService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #logger: Logger;

  constructor(options: { store: Store; clock: Clock; logger?: Logger }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#logger = options.logger ?? silentLogger;
  }

  /** "Forget me": the person erases their own personal data and free text; anonymous numbers stay. */
  async forgetMe(identity: Identity): Promise<void> {
    const me = await this.#store.participants.findByIdentity(identity);
    if (!me) throw new UserFacingError('enrol.nothingStored');
    await this.forget(me, me.id);
  }

  /** An admin erases a person (CLI). */
  async forget(
    person: Participant,
    actor: string,
  ): Promise<{ experiments: number; pairsClosed: number; messagesCleared: number }> {
    const now = this.#clock.now();
    const summary = await this.#store.privacy.erase(person.id, now);
    await this.#store.audit.append({
      at: now,
      actor,
      action: 'person.erased',
      subject: person.id,
      detail: summary,
    });
    this.#logger.info({ participantId: person.id, ...summary }, 'personal data erased');
    await this.#settle('erasure');
    return summary;
  }

  /**
   * Once a day: delete free-text answers and raw interaction events older than each program's retention
   * (default 90 days), and everything older than its aggregate retention (default 12 months).
   */
  async runRetention(force = false): Promise<Record<string, PurgeSummary> | null> {
    const now = this.#clock.now();
    const today = DateTime.fromMillis(now, { zone: 'UTC' }).toISODate()!;
    if (!force && (await this.#store.meta.get(RETENTION_LAST_RUN)) === today) return null;
    const results: Record<string, PurgeSummary> = {};
    for (const program of await this.#store.programs.list()) {
      const { freeTextDays, aggregateMonths } = program.settings.retention;
      const freeTextBefore = now - freeTextDays * DAY;
      const aggregatesBefore = DateTime.fromMillis(now, { zone: 'UTC' })
        .minus({ months: aggregateMonths })
        .toMillis();
      const summary = await this.#store.privacy.purge(program.id, freeTextBefore, aggregatesBefore);
      results[program.name] = summary;
      if (Object.values(summary).some((n) => n > 0)) {
        await this.#store.audit.append({
          at: now,
          actor: 'system',
          action: 'retention.purged',
          subject: program.name,
          detail: { ...summary },
        });
      }
    }
    await this.#store.meta.set(RETENTION_LAST_RUN, today);
    await this.#settle('retention');
    return results;
  }

  /** Old versions of erased rows leave the files (write-ahead log and free pages) right away. */
  async #settle(after: 'erasure' | 'retention'): Promise<void> {
    const { complete } = await this.#store.privacy.settleErasure();
    if (!complete)
      this.#logger.warn(
        { after },
        'another connection is reading the database: the write-ahead log still holds erased data until the next checkpoint',
      );
  }
}
