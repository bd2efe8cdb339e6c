import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrivacyService } from '../../src/app/privacy.js';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, ManualClock } from '../../src/core/clock.js';
import type { Identity } from '../../src/core/participant.js';
import { Dispatcher } from '../../src/scheduler/dispatcher.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { runTicks, setupPerson, tempDir } from '../support/foundation.js';
import { MemorySender } from '../support/memory-sender.js';
import { experimentValues } from '../support/slack-fixtures.js';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';
import { numberInput, plainInput, staticSelect } from '../support/slack-requests.js';

const ANA = {
  id: 'UERASE1',
  realName: 'Anastasia Erasable',
  email: 'anastasia@example.com',
  tz: 'Europe/Berlin',
};
const me: Identity = { platform: 'slack', workspaceId: 'T0001', userId: ANA.id };
const NOTE = 'Rob interrupts me in every single standup';
/** Everything the person typed or the directory told about them. */
const ERASED_TEXTS = [
  ANA.realName,
  ANA.email,
  'Ask before I tell in 1:1s',
  'My team brings more of their own solutions',
  'Ideas raised per week',
  NOTE,
];
type Button = { action_id: string; value: string };
const buttons = (blocks: unknown): Button[] =>
  ((blocks as { elements?: Button[] }[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

/** Which erased texts each database file (main, -wal, -shm) still holds, byte for byte. */
function leftovers(dbPath: string): string[] {
  const found: string[] = [];
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const text of ERASED_TEXTS) {
      if (bytes.includes(Buffer.from(text, 'utf8'))) found.push(`${file.split('/').at(-1)}: ${text}`);
    }
  }
  return found;
}

describe('erasure leaves nothing readable in the database files', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T07:00:00Z', users: [ANA] });
  });
  afterEach(async () => {
    await h.sim.close();
    rmSync(h.dir, { recursive: true, force: true });
  });

  it('forget-me: not in the main file, the WAL or the shared memory, while the server runs and after it stops', async () => {
    const dbPath = join(h.dir, 'coachloop.db');
    await h.slack.command('/coach', 'help', ANA.id);
    const consent = await waitFor(() =>
      h.sim
        .messages(`D${ANA.id}`)
        .find((m) => buttons(m.blocks).some((b) => b.action_id.startsWith('cl:consent.accept'))),
    );
    await h.slack.blockAction(
      ANA.id,
      buttons(consent.blocks).find((b) => b.action_id.startsWith('cl:consent.accept'))!,
      { channelId: `D${ANA.id}`, messageTs: consent.ts },
    );
    await waitFor(async () => (await h.app.store.participants.findByIdentity(me))?.consent === 'accepted');
    await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:experiment',
      state: { values: experimentValues() },
    });
    const person = (await h.app.store.participants.findByIdentity(me))!;
    const experiment = await waitFor(() => h.app.store.experiments.current(person.id));
    await h.runUntil('2026-04-01T09:00:00Z');
    await h.slack.command('/coach', 'checkin', ANA.id, { trigger_id: 'tcheck' });
    const view = (
      await waitFor(() => h.sim.callsTo('views.open').find((c) => c.args.trigger_id === 'tcheck'))
    ).args.view as { private_metadata: string };
    await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:checkin',
      private_metadata: view.private_metadata,
      state: {
        values: {
          practice: { value: staticSelect('4') },
          kpiValue: { value: numberInput('6') },
          confidence: { value: staticSelect('3') },
          note: { value: plainInput(NOTE) },
        },
      },
    });
    await waitFor(async () => (await h.app.store.surveys.forExperiment(experiment.id))[0]?.note === NOTE);
    // The texts really are in the files before erasure: the check below can fail.
    expect(leftovers(dbPath).length).toBeGreaterThan(0);
    const sent = await h.app.store.outbox.list({ participantId: person.id, status: 'sent' });
    expect(sent.some((r) => r.providerRef?.includes(`D${ANA.id}`))).toBe(true);

    const reply = await h.slack.command('/coach', 'forget-me', ANA.id);
    expect(JSON.stringify(reply.json())).toContain('erased your personal data');

    expect(leftovers(dbPath)).toEqual([]);
    // The outbox no longer says where the person was reached.
    const rows = await h.app.store.outbox.list({ participantId: person.id });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(`D${ANA.id}`);

    await h.app.close();
    expect(leftovers(dbPath)).toEqual([]);
  });
});

describe('a retention run leaves nothing readable in the database files', () => {
  let store: SqliteStore;
  let tmp: ReturnType<typeof tempDir>;
  const clock = new ManualClock('2026-03-02T12:00:00Z');
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('purged notes are gone from the main file and the WAL at once, and after the store closes', async () => {
    const path = tmp.file();
    store = openSqliteStore({ path });
    const person = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      program: { retention: { freeTextDays: 7, aggregateMonths: 12 } },
    });
    const dispatcher = new Dispatcher({
      store,
      clock,
      senders: [new MemorySender('slack', () => clock.now())],
    });
    await runTicks(store, clock, dispatcher, Date.parse('2026-04-01T16:00:00Z'));
    const surveyId = surveyIdFor(person.experiment.id, 30);
    await store.surveys.answerDetails(surveyId, { kpiValue: 3, confidence: 2, note: NOTE }, clock.now());
    const inFiles = () =>
      [path, `${path}-wal`, `${path}-shm`].filter(
        (file) => existsSync(file) && readFileSync(file).includes(Buffer.from(NOTE)),
      );
    expect(inFiles().length).toBeGreaterThan(0);
    clock.advance(8 * DAY);
    await new PrivacyService({ store, clock }).runRetention();
    expect((await store.surveys.get(surveyId))?.note).toBeNull();
    expect(inFiles()).toEqual([]);
    await store.close();
    expect(inFiles()).toEqual([]);
  });
});
