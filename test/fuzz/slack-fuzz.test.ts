import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_NAMES } from '../../src/core/messages.js';
import { expectSoundDatabase } from '../support/database-checks.js';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

/** Whatever arrives, correctly signed: the bot answers below 500, never crashes, and the database stays sound. */
describe('fuzzing the Slack inbound handlers', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({
      start: '2026-03-02T09:00:00Z',
      users: [{ id: 'UFUZZ', tz: 'Europe/Berlin' }],
    });
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
      'pair <@U1> <@U1>',
      'forget-me',
      '💥'.repeat(50),
    ),
  );
  const userId = fc.oneof(fc.constantFrom('UFUZZ', 'UOTHER', ''), fc.string({ maxLength: 12 }));
  const actionId = fc.oneof(
    fc.constantFrom(...ACTION_NAMES).chain((name) => fc.nat(30).map((i) => `cl:${name}:${i}`)),
    fc.string({ maxLength: 40 }),
  );
  const buttonValue = fc.oneof(
    fc
      .record({
        r: fc.string({ maxLength: 80 }),
        v: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      })
      .map((v) => JSON.stringify(v)),
    anyJson.map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 60 }),
  );

  it('slash commands', async () => {
    await fc.assert(
      fc.asyncProperty(text, userId, async (t, u) => {
        const res = await h.slack.command('/coach', t, u || 'UFUZZ');
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    sound();
  });

  it('block actions', async () => {
    await fc.assert(
      fc.asyncProperty(
        userId,
        actionId,
        buttonValue,
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        async (u, a, v, channel) => {
          const res = await h.slack.blockAction(
            u || 'UFUZZ',
            { action_id: a, value: v },
            channel ? { channelId: channel, messageTs: '1.1' } : {},
          );
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
    sound();
  });

  it('view submissions with arbitrary state and metadata', async () => {
    const callback = fc.constantFrom(
      'form:experiment',
      'form:survey',
      'form:checkin',
      'form:charter-1',
      'form:charter-3',
      'form:alert-rematch',
      'form:milestone-note',
      'form:nope',
    );
    await fc.assert(
      fc.asyncProperty(
        userId,
        callback,
        anyJson,
        fc.string({ maxLength: 200 }),
        async (u, cb, state, meta) => {
          const res = await h.slack.viewSubmission(u || 'UFUZZ', {
            callback_id: cb,
            private_metadata: meta,
            state: { values: state as Record<string, Record<string, unknown>> },
          });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
    sound();
  });

  it('events of any shape', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('message', 'app_home_opened', 'app_mention', 'team_join'),
        anyJson,
        text,
        async (type, extra, t) => {
          n += 1;
          const event = {
            ...(typeof extra === 'object' && extra !== null && !Array.isArray(extra) ? extra : {}),
            type,
            user: 'UFUZZ',
            text: t,
            channel_type: 'im',
            channel: 'DUFUZZ',
            ts: `17.${n}`,
          };
          const res = await h.slack.event(event, { eventId: `EvFuzz${n}` });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    sound();
  });

  // Bodies Bolt cannot route get its 404 after Slack's three-second ack window, so few runs here.
  it('raw bodies: not JSON, not a form, wrong content types', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain'),
        async (body, type) => {
          const res = await h.slack.raw(body, { 'content-type': type });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 12 },
    );
    sound();
  });
});
