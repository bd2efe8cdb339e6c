/**
 * Teams people for the benchmarks: who they are, the activity Teams sends when one of them installs the
 * bot, and the conversation reference the bot keeps from it.
 *
 * Installing thousands of people through HTTP would put their welcome messages and consent requests through
 * the same connector limits the benchmark measures. Instead one person is installed through the real bot
 * (`installProbe`) and every other person gets what that install stores, computed by the bot's own code
 * from the install activity Teams would send for them: `referenceOf` (what `rememberAddress` keeps),
 * serialized by `TeamsAddressBook.remember`, saved as the participant's address with
 * `participants.update` (as `refreshParticipant` does). `installProbe` checks that the real install stored
 * exactly that.
 */
import { type Activity, TurnContext } from 'botbuilder';
import { channelStateFor } from '../../src/app/channel-state.js';
import { inboundActivitySchema, referenceOf } from '../../src/channels/teams/activity.js';
import { TeamsAddressBook } from '../../src/channels/teams/addresses.js';
import type { TeamsChannel } from '../../src/channels/teams/index.js';
import type { Coachloop } from '../../src/main.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';
import {
  type JsonObject,
  postActivity,
  TEST_BOT_APP_ID,
  teamsActivity,
} from '../../test/simulators/botframework.js';
import { sleep } from './common.js';
import type { SeededPerson } from './seed.js';

/** The tenant every benchmark person belongs to. */
export const BENCH_TENANT = '5b0e1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4';

export interface TeamsPerson {
  /** Teams user id (`29:…`). */
  id: string;
  /** Microsoft Entra object id: coachloop's user id for a Teams person. */
  aadObjectId: string;
  /** Their 1:1 conversation with the bot. */
  conversationId: string;
  name: string;
}

/** The n-th benchmark person in Teams. */
export function teamsPerson(index: number): TeamsPerson {
  const n = String(index).padStart(7, '0');
  return {
    id: `29:1bench-${n}`,
    aadObjectId: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
    conversationId: `a:1bench-personal-${n}`,
    name: `Leader ${index}`,
  };
}

/** The probe installs through the real bot; it is not one of the seeded people. */
export const PROBE_INDEX = 9_999_999;

/** What Teams sends when the person adds the bot in personal scope. */
export function installActivity(person: TeamsPerson, serviceUrl: string): JsonObject {
  return teamsActivity({
    type: 'conversationUpdate',
    from: { id: person.id, aadObjectId: person.aadObjectId, name: person.name },
    conversation: { id: person.conversationId, conversationType: 'personal', tenantId: BENCH_TENANT },
    serviceUrl,
    membersAdded: [{ id: `28:${TEST_BOT_APP_ID}` }],
  });
}

/** The address the bot stores for a person at install: its own referenceOf, serialized as remember does. */
export function addressAtInstall(app: Coachloop, activity: JsonObject): string {
  const teams = app.channels.get('teams') as TeamsChannel | undefined;
  if (!teams) throw new Error('the bot does not serve Teams');
  const parsed = inboundActivitySchema.parse(activity);
  const context = new TurnContext(teams.adapter, activity as unknown as Activity);
  const reference = referenceOf(context, parsed);
  if (!reference) throw new Error('no conversation reference from the install activity');
  return JSON.stringify(reference);
}

/**
 * Installs the probe person through the bot's HTTP endpoint, lets the bot send what that queues (welcome,
 * consent request), and checks that the stored address is the one `addressAtInstall` computes.
 */
export async function installProbe(app: Coachloop, serviceUrl: string): Promise<void> {
  const person = teamsPerson(PROBE_INDEX);
  const activity = installActivity(person, serviceUrl);
  const answer = await postActivity(app.url, activity);
  if (answer.status !== 200) throw new Error(`probe install answered ${answer.status}`);
  const store = app.store as SqliteStore;
  for (let i = 0; i < 100; i += 1) {
    await app.dispatcher.drain();
    const counts = await store.outbox.counts();
    if (counts.pending === 0 && counts.sending === 0) break;
    await sleep(50);
  }
  const participant = await store.participants.findByIdentity({
    platform: 'teams',
    workspaceId: BENCH_TENANT,
    userId: person.aadObjectId,
  });
  const expected = addressAtInstall(app, activity);
  if (!participant || participant.address !== expected) {
    throw new Error(
      `the probe install stored ${participant?.address ?? 'no participant'}, the benchmark would seed ${expected}`,
    );
  }
  const consent = (await store.outbox.list({ participantId: participant.id })).find(
    (row) => row.kind === 'consent',
  );
  if (consent?.status !== 'sent') throw new Error('the probe never received its consent request');
}

/**
 * Gives seeded people (index i ↔ teamsPerson(i)) the address an install would have stored: the reference
 * under their id in the address book and as their participant address. One transaction per batch.
 */
export async function rememberInstalls(
  app: Coachloop,
  people: readonly SeededPerson[],
  serviceUrl: string,
  batch = 500,
): Promise<void> {
  const store = app.store as SqliteStore;
  const addresses = new TeamsAddressBook(channelStateFor(store, 'teams', app.service.clock));
  for (let from = 0; from < people.length; from += batch) {
    store.db.exec('BEGIN IMMEDIATE');
    try {
      for (let i = from; i < Math.min(people.length, from + batch); i += 1) {
        const seeded = people[i]!;
        const person = teamsPerson(i);
        if (seeded.userId !== person.aadObjectId) throw new Error(`seeded person ${i} is not ${person.id}`);
        const address = addressAtInstall(app, installActivity(person, serviceUrl));
        const reference = JSON.parse(address) as Parameters<TeamsAddressBook['remember']>[2];
        const stored = await addresses.remember(BENCH_TENANT, person.aadObjectId, reference);
        await store.participants.update(seeded.participantId, { address: stored });
      }
      store.db.exec('COMMIT');
    } catch (error) {
      if (store.db.inTransaction) store.db.exec('ROLLBACK');
      throw error;
    }
  }
}
