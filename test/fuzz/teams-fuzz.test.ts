import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_NAMES } from '../../src/core/messages.js';
import { expectSoundDatabase } from '../support/database-checks.js';
import { startTeamsHarness, type TeamsHarness, teamsUser } from '../support/teams-harness.js';

/** Whatever activity arrives at /api/messages, the bot answers below 500, never crashes, and the database stays sound. */
describe('fuzzing the Teams inbound handlers', () => {
  let h: TeamsHarness;
  const ada = teamsUser('Ada Fuzz', 'Europe/Berlin');
  beforeAll(async () => {
    h = await startTeamsHarness({ start: '2026-03-02T09:00:00Z' });
    await h.install(ada);
  });
  afterAll(async () => {
    await h.close();
  });

  const sound = () => expectSoundDatabase(h.app.store);
  const anyJson = fc.jsonValue({ maxDepth: 4 });
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      'start',
      'status',
      'snooze',
      'snooze 999',
      'checkin',
      'forget-me',
      'claim',
      '💥'.repeat(40),
    ),
  );

  it('typed messages', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const res = await h.say(ada, t);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    sound();
  });

  it('card actions with arbitrary data, for real and invented actions', async () => {
    const data = fc.oneof(
      fc.record({
        a: fc.constantFrom(...ACTION_NAMES),
        r: fc.string({ maxLength: 40 }),
        v: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      }),
      fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        const result = await h.execute(ada, ada.conversationId, JSON.parse(JSON.stringify(d)));
        expect(result.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    sound();
  });

  it('activities of any type and shape', async () => {
    const type = fc.constantFrom(
      'message',
      'invoke',
      'conversationUpdate',
      'messageReaction',
      'installationUpdate',
      'typing',
      'event',
    );
    await fc.assert(
      fc.asyncProperty(
        type,
        anyJson,
        fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        async (t, value, name) => {
          const activity = h.activityFrom(ada, { type: t as 'message' });
          activity.value = value as never;
          if (name !== undefined) activity.name = name;
          const res = await h.post(activity);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    sound();
  });

  it('raw bodies: broken JSON, wrong shapes, wrong content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          anyJson.map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom('application/json', 'text/plain'),
        async (body, type) => {
          const res = await fetch(`${h.app.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': type },
            body,
          });
          expect(res.status).toBeLessThan(500);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 60 },
    );
    sound();
  });
});
