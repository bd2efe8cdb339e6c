import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { type DirectoryLookup, importRoster, type RosterOutcome } from '../../src/app/roster.js';
import { parseProgramSettings } from '../../src/core/program.js';
import type { Store } from '../../src/store/types.js';
import { log } from './common.js';

const DEPARTMENTS = ['Sales', 'Operations', 'Finance', 'Engineering', 'People'];

/** Writes a roster of `rows` leaders (the n-th with `emailOf(n)`, departments and levels in turn); its size in bytes. */
export async function writeBenchRoster(
  file: string,
  rows: number,
  emailOf: (index: number) => string,
): Promise<number> {
  const out = createWriteStream(file);
  out.write('email,role,department,level\n');
  let fileBytes = 0;
  for (let i = 0; i < rows; i += 1) {
    const line = `${emailOf(i)},leader,${DEPARTMENTS[i % DEPARTMENTS.length]},L${1 + (i % 3)}\n`;
    fileBytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return fileBytes;
}

/** This process's RSS at the start and its peak since, until `stop`. */
export function trackPeakRss(): { atStart: number; peak(): number; stop(): void } {
  const atStart = process.memoryUsage().rss;
  // The kernel's high-water mark: a timer cannot sample while an import keeps the event loop busy.
  const highWater = () => process.resourceUsage().maxRSS * 1024;
  let peak = atStart;
  const sampler = setInterval(() => {
    peak = Math.max(peak, highWater());
  }, 20);
  return {
    atStart,
    peak: () => {
      peak = Math.max(peak, highWater());
      return peak;
    },
    stop: () => clearInterval(sampler),
  };
}

/**
 * Imports the roster file into a new program named `programName`, as `coachloop roster import` does, with emails
 * resolved by `directory`; `beforeImport` runs just before the clock starts (e.g. to reset the simulator's CPU
 * count). The import's duration and outcome; throws when the import reports problems.
 */
export async function timedRosterImport(options: {
  store: Store;
  programName: string;
  file: string;
  rows: number;
  directory: DirectoryLookup;
  beforeImport?: () => Promise<void>;
}): Promise<{ ms: number; outcome: RosterOutcome }> {
  const now = Date.UTC(2026, 2, 2, 9);
  const settings = parseProgramSettings({ name: options.programName, timezone: 'Europe/Berlin' });
  const program = (await options.store.programs.upsert(settings, now)).record;
  log(`${options.programName}: importing ${options.rows.toLocaleString('en-US')} rows`);
  await options.beforeImport?.();
  const started = performance.now();
  const outcome = await importRoster({
    store: options.store,
    program,
    csv: createReadStream(options.file),
    lookups: [options.directory],
    now,
  });
  const ms = performance.now() - started;
  if (!outcome.ok) throw new Error(`roster import failed: ${outcome.problems.slice(0, 3).join('; ')}`);
  return { ms, outcome };
}
