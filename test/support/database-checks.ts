import { expect } from 'vitest';
import type { Store } from '../../src/store/types.js';

/** The database is intact after whatever the test threw at the bot: no corruption, no dangling references. */
export function expectSoundDatabase(store: Store): void {
  const db = (store as unknown as { db: { pragma(sql: string, options?: object): unknown } }).db;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}
