import { expect, it } from 'vitest';
import type { Store } from '../../src/store/types.js';
import { describeStores } from './stores.js';

/** 30 entries: at 1000·i, actions cycling through three, actors through two; i = 1 … 30 in id order. */
async function seed(store: Store): Promise<void> {
  const actions = ['console.signed_in', 'curator.snooze', 'report.exported'];
  for (let i = 1; i <= 30; i += 1)
    await store.audit.append({
      at: 1000 * i,
      actor: i % 2 === 0 ? 'ppl_admin' : 'cli',
      action: actions[i % 3]!,
      subject: `s${i}`,
      ...(i === 7 ? { detail: { rows: 3 } } : {}),
    });
}

const subjects = (page: { entries: { subject: string }[] }) => page.entries.map((e) => e.subject);

describeStores('audit log search', ({ store: open }) => {
  it('filters by action prefix, exact actor and a date range, newest first, in the database', async () => {
    const store = await open();
    await seed(store);
    const curator = await store.audit.search({ action: 'curator.', limit: 100 });
    expect(subjects(curator)).toEqual(['s28', 's25', 's22', 's19', 's16', 's13', 's10', 's7', 's4', 's1']);
    expect(curator.entries[7]).toMatchObject({
      at: 7000,
      actor: 'cli',
      action: 'curator.snooze',
      detail: { rows: 3 },
    });
    expect(curator.entries[7]!.id).toBeGreaterThan(curator.entries[8]!.id);
    expect(curator).toMatchObject({ older: false, newer: false });

    const both = await store.audit.search({ action: 'curator.', actor: 'ppl_admin', limit: 100 });
    expect(subjects(both)).toEqual(['s28', 's22', 's16', 's10', 's4']);
    const range = await store.audit.search({ from: 10_000, until: 14_000, limit: 100 });
    expect(subjects(range)).toEqual(['s13', 's12', 's11', 's10']);
    // A prefix is a prefix: no wildcards, and case counts (both databases alike).
    expect((await store.audit.search({ action: 'CURATOR.', limit: 100 })).entries).toEqual([]);
    expect((await store.audit.search({ action: 'curator%', limit: 100 })).entries).toEqual([]);
    expect((await store.audit.search({ action: 'c_rator.', limit: 100 })).entries).toEqual([]);
    expect((await store.audit.search({ actor: 'ppl_', limit: 100 })).entries).toEqual([]);
  });

  it('pages through the matches both ways with the ids of a page’s edges', async () => {
    const store = await open();
    await seed(store);
    const query = { actor: 'cli', limit: 4 };
    const first = await store.audit.search(query);
    expect(subjects(first)).toEqual(['s29', 's27', 's25', 's23']);
    expect(first).toMatchObject({ older: true, newer: false });
    const second = await store.audit.search({ ...query, beforeId: first.entries.at(-1)!.id });
    expect(subjects(second)).toEqual(['s21', 's19', 's17', 's15']);
    expect(second).toMatchObject({ older: true, newer: true });
    let last = second;
    for (;;) {
      if (!last.older) break;
      last = await store.audit.search({ ...query, beforeId: last.entries.at(-1)!.id });
    }
    expect(subjects(last)).toEqual(['s5', 's3', 's1']);
    expect(last).toMatchObject({ older: false, newer: true });
    const back = await store.audit.search({ ...query, afterId: second.entries[0]!.id });
    expect(subjects(back)).toEqual(subjects(first));
    expect(back).toMatchObject({ older: true, newer: false });
    const middle = await store.audit.search({ ...query, afterId: last.entries[0]!.id });
    expect(subjects(middle)).toEqual(['s13', 's11', 's9', 's7']);
    expect(middle).toMatchObject({ older: true, newer: true });
  });

  it('answers an empty page for no match or an empty log', async () => {
    const store = await open();
    expect(await store.audit.search({ limit: 10 })).toEqual({ entries: [], older: false, newer: false });
    await seed(store);
    expect(await store.audit.search({ action: 'person.erased', limit: 10 })).toEqual({
      entries: [],
      older: false,
      newer: false,
    });
  });
});
