import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  README,
  readmeCapacityTable,
  TABLE_END,
  TABLE_START,
  tableInReadme,
} from '../../scripts/capacity-table.js';

/** The README's capacity table is the estimate's own output: it cannot drift from what `coachloop capacity` says. */
describe("the README's capacity table", () => {
  const readme = readFileSync(README, 'utf8');

  it('is between its markers, once', () => {
    expect(readme.split(TABLE_START)).toHaveLength(2);
    expect(readme.split(TABLE_END)).toHaveLength(2);
    expect(tableInReadme(readme)).not.toBeNull();
  });

  it('matches what the estimate computes (node --import tsx scripts/capacity-table.ts --write rewrites it)', () => {
    const table = readmeCapacityTable();
    // 1k to 1M people, one zone or four, one time or four: 16 rows under the header.
    expect(table.split('\n')).toHaveLength(18);
    expect(tableInReadme(readme)).toBe(table);
  });

  it('notices a changed figure', () => {
    const table = readmeCapacityTable();
    const edited = readme.replace(
      table,
      table.replace('| 1,000 | 1 | 1 | 1,000 |', '| 1,000 | 1 | 1 | 999 |'),
    );
    expect(tableInReadme(edited)).not.toBe(table);
  });
});
