import { describe, expect, it } from 'vitest';
import { chooseDriver, Database } from './driver.js';

describe('the SQLite driver for the running Node.js', () => {
  it('takes better-sqlite3 13 from Node-API 10 on and the Node 20 build below it', () => {
    expect(chooseDriver(9).module).toBe('better-sqlite3-node20');
    expect(chooseDriver(10).module).toBe('better-sqlite3');
    expect(chooseDriver(11).module).toBe('better-sqlite3');
  });

  it('opens a database on this runtime', () => {
    const db = new Database(':memory:');
    const version = db.prepare('select sqlite_version() as v').pluck().get() as string;
    db.close();
    expect(version).toMatch(/^3\.\d+\.\d+$/);
  });
});
