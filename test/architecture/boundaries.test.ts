import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The house rules on who may import whom, read from the source itself. */
const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

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
});
