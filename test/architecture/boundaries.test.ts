import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The house rules on who may import whom, read from the source itself. */
const ROOT = resolve(import.meta.dirname, '../..');
const SRC = resolve(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every module a file imports (static, dynamic or in a type position): project files as paths from the root. */
function allImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ]
    .map((m) => m[1] ?? m[2]!)
    .map((s) => (s.startsWith('.') ? relative(ROOT, resolve(dirname(file), s)) : s));
}

/** A store implementation or a database driver: only src/store/ may name them. */
const namesAStore = (target: string) =>
  /^src\/store\/(sqlite|postgres)(\/|\.|-)/.test(target) ||
  /^(better-sqlite3|pg)(-[a-z0-9]+)?(\/|$)/.test(target);

/**
 * Bench files that still seed or inspect the SQLite file directly (bulk inserts of 100 000 people in explicit
 * transactions, row counts, WAL size). The list may only shrink.
 */
const BENCH_ON_SQLITE = new Set([
  'bench/lib/seed.ts',
  'bench/lib/outbox.ts',
  'bench/lib/teams-people.ts',
  'bench/steps/interaction.ts',
  'bench/steps/memory.ts',
]);

/** Every project file a source file imports, as a path relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ]
    .map((m) => m[1] ?? m[2]!)
    .filter((s) => s.startsWith('.'));
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
}

const files = sourceFiles(SRC).map((file) => ({ file: relative(SRC, file), imports: importsOf(file) }));

function violations(from: (file: string) => boolean, forbidden: (target: string, file: string) => boolean) {
  return files
    .filter((f) => from(f.file))
    .flatMap((f) =>
      f.imports.filter((target) => forbidden(target, f.file)).map((target) => `${f.file} → ${target}`),
    );
}

const channelOf = (path: string) => path.match(/^channels\/([^/]+)\//)?.[1];

describe('boundaries', () => {
  it('reads the source tree (the rules below are not vacuous)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.file.startsWith('channels/slack/'))).toBe(true);
    expect(files.find((f) => f.file === 'channels/slack/index.ts')?.imports).toContain(
      'channels/slack/inbound.ts',
    );
  });

  it('core imports nothing of ours outside core', () => {
    expect(
      violations(
        (f) => f.startsWith('core/'),
        (t) => !t.startsWith('core/'),
      ),
    ).toEqual([]);
  });

  it('channels import neither the store nor each other', () => {
    expect(
      violations(
        (f) => f.startsWith('channels/'),
        (t, f) => t.startsWith('store/') || (t.startsWith('channels/') && channelOf(t) !== channelOf(f)),
      ),
    ).toEqual([]);
  });

  it('the application layer does not name a store implementation', () => {
    expect(
      violations(
        (f) => f.startsWith('app/'),
        (t) => t.startsWith('store/') && t !== 'store/types.ts',
      ),
    ).toEqual([]);
  });

  it('only the store speaks SQL, and only the Teams channel loads botbuilder', () => {
    const offenders = sourceFiles(SRC)
      .map((file) => ({ file: relative(SRC, file), text: readFileSync(file, 'utf8') }))
      .flatMap(({ file, text }) => [
        ...(!file.startsWith('store/') && /from ['"]better-sqlite3['"]/.test(text)
          ? [`${file}: better-sqlite3`]
          : []),
        ...(!file.startsWith('channels/teams/') && /from ['"]botbuilder['"]/.test(text)
          ? [`${file}: botbuilder`]
          : []),
      ]);
    expect(offenders).toEqual([]);
  });

  it('outside src/store/, nothing names a store implementation or a database driver', () => {
    const outside = ['src', 'bench', 'scripts', 'demo']
      .flatMap((dir) => sourceFiles(resolve(ROOT, dir)))
      .map((file) => ({ file: relative(ROOT, file), imports: allImportsOf(file) }))
      .filter(({ file }) => !file.startsWith('src/store/'));
    expect(outside.length).toBeGreaterThan(100);
    expect(outside.find((f) => f.file === 'src/main.ts')?.imports).toContain('src/store/index.js');
    const offenders = outside.flatMap(({ file, imports }) =>
      imports.filter(namesAStore).map((target) => `${file} → ${target}`),
    );
    expect(offenders.filter((o) => !BENCH_ON_SQLITE.has(o.split(' → ')[0]!))).toEqual([]);
    // The exceptions are real (an entry that no longer imports SQLite leaves the list).
    expect([...BENCH_ON_SQLITE].filter((file) => !offenders.some((o) => o.startsWith(`${file} →`)))).toEqual(
      [],
    );
  });

  it('recognizes store implementations and drivers by name', () => {
    expect(
      [
        'src/store/sqlite/index.js',
        'src/store/postgres/pool.js',
        'better-sqlite3',
        'pg',
        'pg/lib/x',
        'better-sqlite3-node20',
      ].every(namesAStore),
    ).toBe(true);
    expect(
      ['src/store/index.js', 'src/store/types.js', 'pgx-thing', 'pino', 'src/storefront.js'].some(
        namesAStore,
      ),
    ).toBe(false);
  });
});
