import { expect, it } from 'vitest';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, HOUR, ManualClock } from '../../src/core/clock.js';
import type { Decision } from '../../src/core/schedule.js';
import type { Store } from '../../src/store/types.js';
import { setupPerson } from '../support/foundation.js';
import { notice, withLeader } from './fixtures.js';
import { describeStores } from './stores.js';

const START = '2026-03-02T12:00:00-05:00';

const skip: Decision = { type: 'skip', reason: 'test', effects: [], next: [] };

describeStores('jobs', ({ store: open, connections }) => {
  it('finds due jobs in due order, as many as asked for', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    expect(await store.jobs.due(clock.now(), 10)).toEqual([]);
    const later = new Date('2026-05-01T12:00:00-04:00').getTime();
    const due = await store.jobs.due(later, 10);
    expect(due.map((j) => j.occurrence)).toEqual(['2026-03-03', 'exp_1/day-30', 'exp_1/day-60']);
    expect(due.every((j) => j.participantId === participant.id)).toBe(true);
    expect(await store.jobs.due(later, 1)).toHaveLength(1);
    expect((await store.jobs.nextFor(participant.id))?.occurrence).toBe('2026-03-03');
    expect((await store.jobs.nextFor(participant.id, ['experiment_end']))?.kind).toBe('experiment_end');
  });

  it('tells when the earliest scheduled job falls due, and nothing once none is scheduled', async () => {
    const store = await open();
    expect(await store.jobs.nextDueAt()).toBeNull();
    const { clock, participant } = await withLeader(store);
    const scheduled = await store.jobs.scheduled(participant.id);
    const earliest = Math.min(...scheduled.map((j) => j.dueAt));
    expect(earliest).toBeGreaterThan(clock.now());
    expect(await store.jobs.nextDueAt()).toBe(earliest);
    const first = (await store.jobs.due(earliest, 1))[0]!;
    expect(first.dueAt).toBe(earliest);
    expect((await store.jobs.apply(first, skip, null, earliest)).applied).toBe(true);
    const rest = (await store.jobs.scheduled(participant.id)).map((j) => j.dueAt);
    expect(await store.jobs.nextDueAt()).toBe(Math.min(...rest));
    expect(Math.min(...rest)).toBeGreaterThan(earliest);
    await store.participants.stopAll(participant.id, 'opted out', clock.now());
    expect(await store.jobs.nextDueAt()).toBeNull();
  });

  it('gives the context of a job: program, person, experiment and survey', async () => {
    const store = await open();
    const { participant, program } = await withLeader(store);
    const job = (await store.jobs.nextFor(participant.id))!;
    expect(await store.jobs.context(job)).toMatchObject({
      program: { id: program.id },
      participant: { id: participant.id },
      experiment: { id: 'exp_1' },
      survey: null,
    });
  });

  it('applies a decision only once: a second pass holding the old version loses', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const job = (await store.jobs.nextFor(participant.id))!;
    expect(await store.jobs.apply(job, skip, null, clock.now())).toEqual({
      applied: true,
      outboxInserted: false,
    });
    expect(await store.jobs.apply(job, skip, null, clock.now())).toEqual({
      applied: false,
      outboxInserted: false,
    });
  });

  it('writes the decision, its outbox rows, its effects and the next jobs together', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const job = (await store.jobs.scheduled(participant.id)).find((j) => j.occurrence === 'exp_1/day-30')!;
    const decision: Decision = {
      type: 'send',
      messageKind: 'checkpoint',
      key: `checkpoint:${job.occurrence}`,
      budgetWeek: '2026-W14',
      expiresAt: clock.now() + DAY,
      effects: [{ type: 'open_survey', surveyId: surveyIdFor('exp_1', 30), checkpointDay: 30 }],
      next: [{ kind: 'checkpoint_reminder', dueAt: clock.now() + 48 * HOUR, occurrence: 'exp_1/day-30/r1' }],
    };
    const result = await store.jobs.apply(
      job,
      decision,
      [notice(participant.id, 'checkpoint:exp_1/day-30', clock.now())],
      clock.now(),
    );
    expect(result).toEqual({ applied: true, outboxInserted: true });
    expect((await store.outbox.byKey('checkpoint:exp_1/day-30'))?.status).toBe('pending');
    expect((await store.surveys.get(surveyIdFor('exp_1', 30)))?.status).toBe('open');
    const scheduled = await store.jobs.scheduled(participant.id);
    expect(scheduled.some((j) => j.occurrence === 'exp_1/day-30/r1')).toBe(true);
    expect(scheduled.some((j) => j.id === job.id)).toBe(false);
  });

  it('writes nothing of a decision when one of its steps fails', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const job = (await store.jobs.scheduled(participant.id)).find((j) => j.occurrence === 'exp_1/day-30')!;
    const decision: Decision = {
      type: 'skip',
      reason: 'test',
      effects: [{ type: 'open_survey', surveyId: surveyIdFor('exp_1', 30), checkpointDay: 30 }],
      next: [{ kind: 'checkpoint_reminder', dueAt: clock.now() + 48 * HOUR, occurrence: 'exp_1/day-30/r1' }],
    };
    const rows = [
      notice(participant.id, 'fine-row', clock.now()),
      notice('ppl_nobody', 'orphan-row', clock.now()),
    ];
    await expect(store.jobs.apply(job, decision, rows, clock.now())).rejects.toThrow();
    expect(await store.outbox.byKey('fine-row')).toBeNull();
    expect(await store.surveys.get(surveyIdFor('exp_1', 30))).toBeNull();
    const still = (await store.jobs.scheduled(participant.id)).find((j) => j.id === job.id);
    expect(still).toEqual(job);
    expect((await store.jobs.scheduled(participant.id)).some((j) => j.occurrence === 'exp_1/day-30/r1')).toBe(
      false,
    );
    // And the same decision applies cleanly afterwards.
    expect((await store.jobs.apply(job, decision, rows.slice(0, 1), clock.now())).applied).toBe(true);
  });

  it('moves a rescheduled job without finishing it', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const job = (await store.jobs.nextFor(participant.id))!;
    const dueAt = job.dueAt + 2 * HOUR;
    expect(
      await store.jobs.apply(job, { type: 'reschedule', dueAt, reason: 'quiet hours' }, null, clock.now()),
    ).toEqual({ applied: true, outboxInserted: false });
    const moved = (await store.jobs.scheduled(participant.id)).find((j) => j.id === job.id)!;
    expect(moved.dueAt).toBe(dueAt);
    expect(moved.version).toBeGreaterThan(job.version);
  });

  it('counts the weekly budget from queued and sent messages and reserves later checkpoints', async () => {
    const store = await open();
    const clock = new ManualClock('2026-03-30T09:00:00-04:00');
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
      now: new Date(START).getTime(),
    });
    const nudge = (await store.jobs.nextFor(participant.id))!;
    const weekEnd = new Date('2026-04-06T00:00:00-04:00').getTime();
    // Day 30 (Wednesday 1 April) is later this week.
    expect(await store.jobs.budget(nudge, '2026-W14', clock.now(), weekEnd)).toEqual({
      used: 0,
      reservedLater: 1,
    });
    const base = {
      participantId: participant.id,
      budgetWeek: '2026-W14',
      message: { text: 'x', blocks: [] },
      dueAt: clock.now(),
      expiresAt: clock.now() + HOUR,
    };
    await store.outbox.enqueue({ ...base, key: 'nudge:a', kind: 'nudge', budgeted: true }, clock.now());
    await store.outbox.enqueue({ ...base, key: 'notice:a', kind: 'notice', budgeted: true }, clock.now());
    await store.outbox.enqueue(
      { ...base, key: 'nudge:b', kind: 'nudge', budgeted: true, status: 'expired', reason: 'late' },
      clock.now(),
    );
    await store.outbox.enqueue(
      { ...base, key: 'nudge:c', kind: 'nudge', budgeted: true, budgetWeek: '2026-W13' },
      clock.now(),
    );
    // Only the pending nudge counts: notices are never budgeted, expired rows were never sent, W13 is another week.
    expect(await store.jobs.budget(nudge, '2026-W14', clock.now(), weekEnd)).toEqual({
      used: 1,
      reservedLater: 1,
    });
  });

  it('lets exactly one of two connections apply the same due job', async () => {
    const [a, b] = await connections(2);
    const clock = new ManualClock(START);
    const people = [];
    for (let i = 0; i < 5; i += 1)
      people.push(await setupPerson(a!, clock, { userId: `U${i}`, startDate: '2026-03-02' }));
    const later = new Date('2026-03-04T12:00:00-05:00').getTime();
    // Both passes see the same five jobs (read one after the other: a store may skip rows another is reading at
    // that very moment), then apply them at the same time.
    const seenA = await a!.jobs.due(later, 100);
    const seenB = await b!.jobs.due(later, 100);
    expect(seenA.length).toBe(5);
    expect(seenB.map((job) => job.id)).toEqual(seenA.map((job) => job.id));
    const applyAll = (store: Store, jobs: typeof seenA, pass: string) =>
      Promise.all(
        jobs!.map((job) =>
          store.jobs.apply(
            job,
            {
              type: 'send',
              messageKind: 'notice',
              key: `nudge:${job.id}:${pass}`,
              budgetWeek: '2026-W10',
              expiresAt: later + DAY,
              effects: [],
              next: [],
            },
            notice(job.participantId, `nudge:${job.id}`, later),
            later,
          ),
        ),
      );
    const [resultsA, resultsB] = await Promise.all([applyAll(a!, seenA, 'a'), applyAll(b!, seenB, 'b')]);
    for (let i = 0; i < 5; i += 1) {
      expect([resultsA[i]!.applied, resultsB[i]!.applied].filter(Boolean)).toHaveLength(1);
    }
    expect((await a!.outbox.counts()).pending).toBe(5);
    expect(await b!.jobs.due(later, 100)).toEqual([]);
  });
});

describeStores('outbox', ({ store: open, connections }) => {
  it('keeps one row per key, and lets one claimant own a row and only the owner settle it', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const row = notice(participant.id, `notice:${participant.id}:hello`, clock.now());
    expect(await store.outbox.enqueue(row, clock.now())).toBe(true);
    expect(await store.outbox.enqueue({ ...row, message: { text: 'other', blocks: [] } }, clock.now())).toBe(
      false,
    );
    expect((await store.outbox.byKey(row.key))?.message.text).toBe(row.key);

    const [claimed] = await store.outbox.claim(clock.now(), 10, 'token-a');
    expect(claimed).toMatchObject({
      key: row.key,
      status: 'sending',
      attempts: 0,
      claimToken: 'token-a',
      platform: 'slack',
    });
    expect(await store.outbox.claim(clock.now(), 10, 'token-b')).toEqual([]);
    // Attempts count sends: only the holder may begin one, and beginning it counts it.
    expect(await store.outbox.beginSend(claimed!.id, 'token-b', clock.now())).toBe(false);
    expect(await store.outbox.beginSend(claimed!.id, 'token-a', clock.now())).toBe(true);
    expect((await store.outbox.byKey(row.key))?.attempts).toBe(1);
    expect(await store.outbox.markSent(claimed!.id, 'token-b', 'ref', clock.now())).toBe(false);

    // Left in `sending` past the lease, it can be taken over, and then the old holder can no longer settle it.
    expect(await store.outbox.stale(clock.now() + 30_000, 60_000)).toEqual([]);
    expect((await store.outbox.stale(clock.now() + 60_000, 60_000)).map((r) => r.key)).toEqual([row.key]);
    expect(await store.outbox.reclaim(claimed!.id, 'token-a', 'token-c', clock.now())).toBe(true);
    expect(await store.outbox.markSent(claimed!.id, 'token-a', 'ref', clock.now())).toBe(false);
    expect(await store.outbox.markSent(claimed!.id, 'token-c', 'ref', clock.now())).toBe(true);
    expect(await store.outbox.byKey(row.key)).toMatchObject({
      status: 'sent',
      providerRef: 'ref',
      sentAt: clock.now(),
    });
    expect(await store.outbox.counts()).toMatchObject({ sent: 1, pending: 0, sending: 0 });
  });

  it('begins a send to a person only while they are as the caller read them', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    await store.participants.update(participant.id, { address: 'D1' });
    const row = notice(participant.id, `notice:${participant.id}:checked`, clock.now());
    await store.outbox.enqueue(row, clock.now());
    const [claimed] = await store.outbox.claim(clock.now(), 10, 'token-a');
    const id = claimed!.id;
    const attempts = async () => (await store.outbox.byKey(row.key))?.attempts;
    // Another consent state, another address, or a person no longer reachable: not begun, nothing counted.
    expect(
      await store.outbox.beginSend(id, 'token-a', clock.now(), { consent: 'pending', address: 'D1' }),
    ).toBe(false);
    expect(
      await store.outbox.beginSend(id, 'token-a', clock.now(), { consent: 'accepted', address: null }),
    ).toBe(false);
    expect(
      await store.outbox.beginSend(id, 'token-a', clock.now(), { consent: 'accepted', address: 'D2' }),
    ).toBe(false);
    expect(await attempts()).toBe(0);
    // As read: begun; never by a caller that does not hold the claim.
    expect(
      await store.outbox.beginSend(id, 'token-b', clock.now(), { consent: 'accepted', address: 'D1' }),
    ).toBe(false);
    expect(
      await store.outbox.beginSend(id, 'token-a', clock.now(), { consent: 'accepted', address: 'D1' }),
    ).toBe(true);
    expect(await attempts()).toBe(1);
    await store.participants.update(participant.id, { reachable: false });
    expect(
      await store.outbox.beginSend(id, 'token-a', clock.now(), { consent: 'accepted', address: 'D1' }),
    ).toBe(false);
    await store.participants.update(participant.id, { reachable: true, address: null });
    expect(
      await store.outbox.beginSend(id, 'token-a', clock.now(), { consent: 'accepted', address: null }),
    ).toBe(true);
    expect(await attempts()).toBe(2);
    // Without a person to check, only the claim counts.
    await store.participants.update(participant.id, { consent: 'opted_out' });
    expect(await store.outbox.beginSend(id, 'token-a', clock.now())).toBe(true);
    expect(await attempts()).toBe(3);
  });

  it('begins and records many sends in one call, each answered as it would be alone', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const keys = ['a', 'b', 'c'].map((k) => `notice:${participant.id}:${k}`);
    for (const key of keys) await store.outbox.enqueue(notice(participant.id, key, clock.now()), clock.now());
    const claimed = await store.outbox.claim(clock.now(), 10, 'token-a');
    const [a, b, c] = keys.map((key) => claimed.find((row) => row.key === key)!.id) as [
      number,
      number,
      number,
    ];
    const as = { consent: 'accepted' as const, address: participant.address };
    const at = clock.now() + 1_000;
    expect(
      await store.outbox.advance([
        { step: 'begin', id: a, token: 'token-a', at, person: as },
        { step: 'begin', id: b, token: 'token-b', at },
        { step: 'begin', id: c, token: 'token-a', at, person: { ...as, consent: 'opted_out' } },
        // Recorded sent in the same call, after its beginning.
        { step: 'sent', id: a, token: 'token-a', providerRef: 'ref-a', at: at + 1 },
        { step: 'sent', id: b, token: 'token-b', providerRef: 'ref-b', at: at + 1 },
        { step: 'begin', id: c, token: 'token-a', at },
      ]),
    ).toEqual([true, false, false, true, false, true]);
    expect(await store.outbox.byKey(keys[0]!)).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerRef: 'ref-a',
      sentAt: at + 1,
    });
    expect(await store.outbox.byKey(keys[1]!)).toMatchObject({ status: 'sending', attempts: 0 });
    expect(await store.outbox.byKey(keys[2]!)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(await store.outbox.advance([])).toEqual([]);
  });

  it('releases a row for a later attempt, finishes it, and lists and counts by status', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const now = clock.now();
    await store.outbox.enqueue(notice(participant.id, 'n1', now), now);
    await store.outbox.enqueue(notice(participant.id, 'n2', now + 1), now);
    await store.outbox.enqueue(notice(participant.id, 'later', now + HOUR), now);
    expect(await store.outbox.nextAttemptAt()).toBe(now);
    // Due rows only, oldest first.
    const claimed = await store.outbox.claim(now + 1, 10, 't1');
    expect(claimed.map((r) => r.key)).toEqual(['n1', 'n2']);
    expect(await store.outbox.release(claimed[0]!.id, 'wrong', now + 5 * 60_000, 'x')).toBe(false);
    expect(await store.outbox.release(claimed[0]!.id, 't1', now + 5 * 60_000, 'rate limited')).toBe(true);
    expect(await store.outbox.byKey('n1')).toMatchObject({
      status: 'pending',
      reason: 'rate limited',
      claimToken: null,
    });
    expect(await store.outbox.claim(now + 60_000, 10, 't2')).toEqual([]);
    expect(await store.outbox.finish(claimed[1]!.id, 't1', 'failed', 'blocked', now)).toBe(true);
    expect(await store.outbox.finish(claimed[1]!.id, 't1', 'failed', 'again', now)).toBe(false);
    expect(await store.outbox.counts()).toEqual({
      pending: 2,
      sending: 0,
      sent: 0,
      failed: 1,
      expired: 0,
      cancelled: 0,
    });
    expect((await store.outbox.list({ status: 'failed' })).map((r) => [r.key, r.reason])).toEqual([
      ['n2', 'blocked'],
    ]);
    expect((await store.outbox.list({ participantId: participant.id })).map((r) => r.key)).toEqual([
      'n1',
      'n2',
      'later',
    ]);
    expect(await store.outbox.list({ participantId: 'ppl_nobody' })).toEqual([]);
    expect(await store.outbox.nextAttemptAt()).toBe(now + 5 * 60_000);
  });

  it('cancels every job and pending message of a person who stops', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    await store.outbox.enqueue(notice(participant.id, 'n1', clock.now()), clock.now());
    await store.participants.stopAll(participant.id, 'opted out', clock.now());
    expect(await store.jobs.scheduled(participant.id)).toEqual([]);
    expect(await store.outbox.byKey('n1')).toMatchObject({ status: 'cancelled' });
    expect(await store.outbox.claim(clock.now(), 10, 't')).toEqual([]);
  });

  it('never gives the same row to two claimers on two connections', async () => {
    const [a, b] = await connections(2);
    const { clock, participant } = await withLeader(a!);
    for (let i = 0; i < 40; i += 1)
      await a!.outbox.enqueue(notice(participant.id, `n${i}`, clock.now()), clock.now());
    const claims = await Promise.all(
      [a, b, a, b].map((store, i) => store!.outbox.claim(clock.now(), 15, `token-${i}`)),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    for (const [i, rows] of claims.entries())
      expect(rows.every((r) => r.claimToken === `token-${i}`)).toBe(true);
  });

  it('claims at most as many rows as asked for, however many are due, on two connections at once', async () => {
    const [a, b] = await connections(2);
    const { clock, participant } = await withLeader(a!);
    const due = 2000;
    for (let i = 0; i < due; i += 1)
      await a!.outbox.enqueue(notice(participant.id, `n${i}`, clock.now() - (i % 7)), clock.now());
    const scope = { platform: participant.platform, workspaceId: participant.workspaceId };
    let claimed = 0;
    for (let round = 0; round < 5; round += 1) {
      const claims = await Promise.all(
        [a, b].map((store, i) =>
          store!.outbox.claim(clock.now(), 50, `token-${round}-${i}`, i === 0 ? scope : undefined),
        ),
      );
      for (const rows of claims) expect(rows.length).toBeLessThanOrEqual(50);
      claimed += claims.flat().length;
      // Nothing is held beyond what the claims handed out: no row sits in `sending` unknown to its claimant.
      expect((await a!.outbox.counts()).sending).toBe(claimed);
    }
    expect(claimed).toBe(500);
  });

  it('lets exactly one of two connections take over a stale row', async () => {
    const [a, b] = await connections(2);
    const { clock, participant } = await withLeader(a!);
    await a!.outbox.enqueue(notice(participant.id, 'n1', clock.now()), clock.now());
    const [row] = await a!.outbox.claim(clock.now(), 1, 'dead');
    const later = clock.now() + HOUR;
    const results = await Promise.all([
      a!.outbox.reclaim(row!.id, 'dead', 'replica-a', later),
      b!.outbox.reclaim(row!.id, 'dead', 'replica-b', later),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'replica-a' : 'replica-b';
    expect((await b!.outbox.byKey('n1'))?.claimToken).toBe(winner);
  });

  it('keeps one row per key when two connections enqueue it at once', async () => {
    const [a, b] = await connections(2);
    const { clock, participant } = await withLeader(a!);
    const row = notice(participant.id, 'once', clock.now());
    const results = await Promise.all([
      a!.outbox.enqueue(row, clock.now()),
      b!.outbox.enqueue(row, clock.now()),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a!.outbox.list()).toHaveLength(1);
  });
});
