/**
 * The capacity table of the README (Benchmarks → Capacity), computed by the same estimate as `coachloop capacity`:
 *
 *   node --import tsx scripts/capacity-table.ts           # prints the table
 *   node --import tsx scripts/capacity-table.ts --write   # and replaces it in README.md between its markers
 *
 * test/docs/capacity-table.test.ts fails when the README's table and this one differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, paceSettings } from '../src/config.js';
import { renderCapacityTable } from '../src/core/capacity.js';
import { programSettingsSchema } from '../src/core/program.js';

export const README = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
export const TABLE_START = '<!-- capacity-table: written by scripts/capacity-table.ts -->';
export const TABLE_END = '<!-- /capacity-table -->';

/** A program with every default (nudges Tuesday and Thursday 09:30, surveys 10:00, 4 h grace) at the default paces. */
export function readmeCapacityTable(): string {
  const paces = paceSettings(loadConfig({}));
  return renderCapacityTable({
    program: programSettingsSchema.parse({ name: 'capacity', timezone: 'Europe/Berlin' }),
    platforms: [paces.slack, paces.teams],
    // A Tuesday in January: no zone changes its offset near it.
    date: '2026-01-13',
    sizes: [1_000, 10_000, 100_000, 1_000_000],
    zones: ['America/Los_Angeles', 'America/New_York', 'Europe/Berlin', 'Asia/Singapore'].map((zone) => ({
      zone,
      percent: 25,
    })),
    spreadTimes: 4,
    spreadMinutes: 60,
  });
}

/** The table as the README holds it now, between its markers. */
export function tableInReadme(text: string): string | null {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) return null;
  return text.slice(start + TABLE_START.length, end).trim();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const table = readmeCapacityTable();
  process.stdout.write(`${table}\n`);
  if (process.argv.includes('--write')) {
    const text = readFileSync(README, 'utf8');
    if (tableInReadme(text) === null) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} block`);
    const start = text.indexOf(TABLE_START) + TABLE_START.length;
    writeFileSync(README, `${text.slice(0, start)}\n${table}\n${text.slice(text.indexOf(TABLE_END))}`);
  }
}
