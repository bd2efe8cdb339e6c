import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProgramSettings } from '../../src/core/program.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const NOW = Date.UTC(2026, 2, 2, 9);

describe('erasure and matching', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('deletes the proposals that name the person, their "not with" list and their place on others\' lists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coachloop-match-erase-'));
    dirs.push(dir);
    const store = openSqliteStore({ path: join(dir, 'db.sqlite') });
    const program = (await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW)).record;
    const person = (userId: string) =>
      store.participants.create({ platform: 'slack', workspaceId: 'T1', userId, programId: program.id }, NOW);
    const [ana, bo, cy] = [await person('UANA'), await person('UBO'), await person('UCY')];
    const proposal = (id: string, mentee: string, mentor: string, alternatives: string[]) => ({
      id,
      reviewId: 'rev1',
      programId: program.id,
      menteeId: mentee,
      mentorId: mentor,
      fit: 10,
      reasons: [],
      alternatives: alternatives.map((mentorId) => ({ mentorId, fit: 5, reasons: [] })),
    });
    await store.matching.saveProposals(
      [proposal('p1', ana!.id, bo!.id, [cy!.id]), proposal('p2', cy!.id, bo!.id, [ana!.id])],
      NOW,
    );
    await store.matching.addNotWith(
      ana!.id,
      { platform: 'slack', workspaceId: 'T1', userId: 'UCY' },
      'Cy',
      NOW,
    );
    await store.matching.addNotWith(
      cy!.id,
      { platform: 'slack', workspaceId: 'T1', userId: 'UANA' },
      'Ana',
      NOW,
    );
    await store.matching.addNotWith(
      bo!.id,
      { platform: 'slack', workspaceId: 'T1', userId: 'UCY' },
      'Cy',
      NOW,
    );

    await store.privacy.erase(ana!.id, NOW);

    expect(await store.matching.getProposal('p1')).toBeNull();
    expect((await store.matching.getProposal('p2'))?.alternatives).toEqual([]);
    expect(await store.matching.notWithOf(ana!.id)).toEqual([]);
    expect(await store.matching.notWithOf(cy!.id)).toEqual([]);
    expect(await store.matching.notWithOf(bo!.id)).toHaveLength(1);
    await store.close();
  });
});
