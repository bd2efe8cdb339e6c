import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import { KNOWN_GAPS } from './known-gaps.js';

describe('the list of known gaps', () => {
  const sources = readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.test.ts') && file !== 'known-gaps.test.ts')
    .map((file) => readFileSync(join(import.meta.dirname, file), 'utf8'));

  it('names a driver and a scenario of the suite in every entry', () => {
    expect(sources.length).toBeGreaterThan(3);
    for (const key of KNOWN_GAPS.keys()) {
      const [driver, ...rest] = key.split(': ');
      expect(CHAT_DRIVERS.map((d) => d.name)).toContain(driver);
      const title = rest.join(': ');
      const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const declared = new RegExp(`scenario\\(\\s*(['"\`])${escaped}\\1`);
      expect(
        sources.some((source) => declared.test(source)),
        key,
      ).toBe(true);
    }
  });
});
