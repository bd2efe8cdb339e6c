/**
 * The per-file check of mutation testing (Stryker's own threshold is for all files together):
 *
 *   npm run test:mutation            # stryker run, then this check
 *   node --import tsx scripts/mutation-score.ts [report.json] [--min 85]
 *
 * Reads Stryker's JSON report and prints each mutated file's score: detected (killed or timed out) over
 * detected plus undetected (survived or not covered). String-literal mutants (excluded in stryker.config.mjs),
 * equivalent mutants (marked in the source with a `Stryker disable` comment saying why) and mutants that crash
 * the runner do not count, as in Stryker's own score. Exits 1 when a file scores under the minimum.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Report {
  files: Record<string, { mutants: { status: string; mutatorName: string }[] }>;
}

export interface FileScore {
  file: string;
  detected: number;
  undetected: number;
  /** Mutants marked equivalent in the source (string-literal mutants are excluded in the configuration). */
  equivalent: number;
  score: number | null;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

export function fileScores(report: Report): FileScore[] {
  return Object.entries(report.files)
    .map(([file, { mutants }]) => {
      const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
      const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
      const equivalent = mutants.filter(
        (m) => m.status === 'Ignored' && m.mutatorName !== 'StringLiteral',
      ).length;
      const valid = detected + undetected;
      return { file, detected, undetected, equivalent, score: valid === 0 ? null : (100 * detected) / valid };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { min: { type: 'string', default: '85' } },
    allowPositionals: true,
  });
  const min = Number(values.min);
  const path = positionals[0] ?? 'reports/mutation/mutation.json';
  const scores = fileScores(JSON.parse(readFileSync(path, 'utf8')) as Report);
  const width = Math.max(...scores.map((s) => s.file.length), 4);
  console.log(`${'file'.padEnd(width)}  score    killed  survived  equivalent`);
  for (const s of scores) {
    const score = s.score === null ? '    n/a' : `${s.score.toFixed(1).padStart(5)} %`;
    console.log(
      `${s.file.padEnd(width)}  ${score}  ${String(s.detected).padStart(6)}  ${String(s.undetected).padStart(8)}  ${String(s.equivalent).padStart(10)}`,
    );
  }
  const low = scores.filter((s) => s.score !== null && s.score < min);
  if (low.length > 0) {
    console.error(`\nunder ${min} %: ${low.map((s) => `${s.file} (${s.score!.toFixed(1)} %)`).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log(`\nevery file at or above ${min} %`);
  }
}

main();
