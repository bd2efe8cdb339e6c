import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrivacyService } from '../../src/app/privacy.js';
import { ManualClock } from '../../src/core/clock.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { tempDir } from '../support/foundation.js';

describe('erasure', () => {
  let store: SqliteStore;
  let tmp: ReturnType<typeof tempDir>;
  const clock = new ManualClock('2026-03-02T12:00:00Z');
  beforeEach(() => {
    tmp = tempDir();
    store = openSqliteStore({ path: tmp.file() });
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it("also removes the channels' address-book entries about the person, and only theirs", async () => {
    const { record } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), clock.now());
    const eve = await store.participants.create(
      {
        platform: 'teams',
        workspaceId: 'tenant-1',
        userId: 'aad-eve',
        programId: record.id,
        email: 'eve@example.com',
      },
      clock.now(),
    );
    const owner = (userId: string) => ({ workspaceId: 'tenant-1', userId });
    const now = clock.now();
    await store.channelState.set('teams', 'reference:tenant-1:aad-eve', '{"c":1}', owner('aad-eve'), now);
    await store.channelState.set('teams', 'member:tenant-1:aad-eve', '{"id":"29:e"}', owner('aad-eve'), now);
    await store.channelState.set('teams', 'reference:tenant-1:aad-eve2', '{"c":2}', owner('aad-eve2'), now);
    await store.channelState.set('teams', 'tenant:tenant-1', '{"t":1}', null, now);
    await new PrivacyService({ store, clock }).forget(eve, 'cli');
    expect(await store.channelState.get('teams', 'reference:tenant-1:aad-eve')).toBeNull();
    expect(await store.channelState.get('teams', 'member:tenant-1:aad-eve')).toBeNull();
    expect(await store.channelState.get('teams', 'reference:tenant-1:aad-eve2')).not.toBeNull();
    expect(await store.channelState.get('teams', 'tenant:tenant-1')).not.toBeNull();
    expect(await store.participants.findByEmail('teams', 'eve@example.com')).toEqual([]);
  });
});
