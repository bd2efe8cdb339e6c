/**
 * The console's Privacy page reads the audit log one filtered page at a time (`audit.search`): how long one page
 * takes on a large SQLite log, for the filters the page offers, against reading the whole log and filtering it in
 * memory as the page did before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStoreAt } from '../../src/store/index.js';
import type { AuditSearch } from '../../src/store/types.js';
import { childMain, type Figure, log, median, round, type StepOptions } from '../lib/common.js';

interface Input extends StepOptions {
  entries: number;
}

const START = Date.parse('2026-01-01T00:00:00Z');
const ACTIONS = ['console.signed_in', 'curator.snooze', 'report.exported'];
/** A page must come back well within a click. */
const TARGET_MS = 100;

childMain<Input, Figure[]>(async (input) => {
  const dir = mkdtempSync(join(input.tmpRoot, 'coachloop-bench-audit-'));
  const store = await openStoreAt(join(dir, 'coachloop.db'));
  try {
    for (let i = 0; i < input.entries; i += 1)
      await store.audit.append({
        at: START + i * 60_000,
        actor: `ppl_${i % 50}`,
        action: i % 1000 === 0 ? 'person.erased' : ACTIONS[i % 3]!,
        subject: `s${i}`,
      });
    log(`audit: ${input.entries} entries written`);
    const cases: [string, Omit<AuditSearch, 'limit'>][] = [
      ['newest page', {}],
      ['action prefix, common', { action: 'curator.' }],
      ['action prefix, rare (1 in 1000)', { action: 'person.' }],
      [
        'actor and a date range',
        { actor: 'ppl_7', from: START + 1_000 * 60_000, until: START + 8_000 * 60_000 },
      ],
    ];
    const figures: Figure[] = [];
    for (const [label, filter] of cases) {
      const times: number[] = [];
      for (let run = 0; run < 21; run += 1) {
        const started = performance.now();
        await store.audit.search({ ...filter, limit: 50 });
        times.push(performance.now() - started);
      }
      const p50 = round(median(times), 1);
      figures.push({
        step: 'audit',
        figure: `audit log page of 50, ${label} (${input.entries.toLocaleString('en')} entries)`,
        value: p50,
        unit: 'ms',
        result: `${p50} ms p50`,
        target: `< ${TARGET_MS} ms`,
        met: p50 < TARGET_MS,
      });
    }
    const started = performance.now();
    (await store.audit.since(0))
      .filter((e) => e.action.startsWith('curator.'))
      .sort((a, b) => b.at - a.at)
      .slice(0, 200);
    const whole = round(performance.now() - started, 0);
    figures.push({
      step: 'audit',
      figure: `the whole log read and filtered in memory, as before (${input.entries.toLocaleString('en')} entries)`,
      value: whole,
      unit: 'ms',
      result: `${whole} ms`,
      target: '—',
      met: null,
    });
    return figures;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
