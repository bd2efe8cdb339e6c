import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { PrivacyService } from '../app/privacy.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../core/clock.js';
import { PLATFORMS } from '../core/participant.js';
import { openStore } from '../store/index.js';

/** `coachloop audit --since DATE` and `coachloop forget --email ADDRESS | --user PLATFORM:WORKSPACE:USER`. */
export function registerAdminCommands(program: Command, fail: (error: unknown) => never): void {
  program
    .command('audit')
    .description('print the audit log (exports, curator actions, roles, erasures, program changes)')
    .requiredOption('--since <date>', 'YYYY-MM-DD (UTC) or an ISO timestamp')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { since: string; json?: boolean }) => {
      try {
        const since = DateTime.fromISO(opts.since, { zone: 'UTC' });
        if (!since.isValid) throw new Error(`--since: "${opts.since}" is not a date (YYYY-MM-DD)`);
        const store = await openStore(loadConfig());
        try {
          for (const entry of await store.audit.since(since.toMillis())) {
            if (opts.json) {
              process.stdout.write(`${JSON.stringify(entry)}\n`);
              continue;
            }
            const at = DateTime.fromMillis(entry.at, { zone: 'UTC' }).toFormat("yyyy-LL-dd HH:mm:ss'Z'");
            process.stdout.write(
              `${at}  ${entry.action.padEnd(20)} ${entry.subject.padEnd(40)} by ${entry.actor}${entry.detail ? `  ${JSON.stringify(entry.detail)}` : ''}\n`,
            );
          }
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(error);
      }
    });

  program
    .command('forget')
    .description("erase a person's personal data and free text (anonymous totals stay)")
    .option('--email <address>', 'the person’s email')
    .option('--user <platform:workspace:user>', 'e.g. slack:T0123:U0456')
    .action(async (opts: { email?: string; user?: string }) => {
      try {
        if (Boolean(opts.email) === Boolean(opts.user))
          throw new Error('give exactly one of --email or --user');
        const store = await openStore(loadConfig());
        try {
          let people = [];
          if (opts.email) {
            for (const platform of PLATFORMS)
              people.push(...(await store.participants.findByEmail(platform, opts.email)));
          } else {
            const [platform, workspaceId, userId] = opts.user!.split(':');
            if (!PLATFORMS.includes(platform as (typeof PLATFORMS)[number]) || !workspaceId || !userId) {
              throw new Error('--user must look like slack:T0123:U0456 or teams:<tenant>:<user>');
            }
            const found = await store.participants.findByIdentity({
              platform: platform as (typeof PLATFORMS)[number],
              workspaceId,
              userId,
            });
            people = found ? [found] : [];
          }
          if (people.length === 0) throw new Error('no such person');
          const privacy = new PrivacyService({ store, clock: systemClock });
          for (const person of people) {
            const summary = await privacy.forget(person, 'cli');
            process.stdout.write(
              `erased ${person.id}: ${summary.experiments} experiments, ${summary.pairsClosed} pairs closed, ${summary.messagesCleared} messages cleared\n`,
            );
          }
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(error);
      }
    });
}
