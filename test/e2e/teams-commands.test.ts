import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/app/conversation/commands.js';
import {
  cardText,
  channelPlace,
  startTeamsHarness,
  type TeamsHarness,
  teamsUser,
} from '../support/teams-harness.js';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'manifests', 'teams', 'manifest.json'), 'utf8'),
) as {
  bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
};
const listed = (scope: string) =>
  manifest.bots[0]!.commandLists.find((l) => l.scopes.includes(scope))!.commands.map((c) => c.title);

describe('The Teams manifest lists exactly the commands the bot answers', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ start: '2026-03-02T08:00:00Z' });
  });
  afterEach(async () => {
    const problems = h.cardProblems();
    await h.close();
    expect(problems).toEqual([]);
  });

  it('every personal command in the manifest gets a real answer (and every command the bot knows is listed)', async () => {
    const personal = listed('personal');
    // A Teams command menu holds at most ten commands: `language` is left out of it (the status card offers
    // the languages) but still answers when typed, so it is said here too.
    const typedOnly = ['language'];
    expect([...personal].sort()).toEqual(COMMANDS.filter((c) => !typedOnly.includes(c)).sort());
    const ada = teamsUser('Ada Lovelace', 'Europe/Berlin');
    await h.install(ada);
    await h.click(ada, await h.waitForCard(ada.conversationId, 'Before anything starts'), 'consent.accept');
    // forget-me erases everything, optout stops everything: keep them last.
    const ordered = [
      ...personal.filter((c) => c !== 'optout' && c !== 'forget-me'),
      ...typedOnly,
      'optout',
      'forget-me',
    ];
    for (const command of ordered) {
      const before = h.messages(ada.conversationId).length;
      await h.say(ada, command);
      const replies = h.messages(ada.conversationId).slice(before);
      expect(replies.length, `a reply to "${command}"`).toBeGreaterThan(0);
      const text = replies.map((m) => m.text ?? cardText(m.card)).join('\n');
      expect(text, command).not.toContain("I don't know");
      expect(text, command).not.toContain('went wrong');
    }
    // forget-me did erase: the person's record no longer carries their Teams identity.
    expect(await h.app.store.participants.findByIdentity(h.identity(ada))).toBeNull();
    // …and the Teams address book forgot where to find them.
    expect(
      await h.app.store.channelState.get(
        'teams',
        `reference:${h.identity(ada).workspaceId}:${ada.aadObjectId}`,
      ),
    ).toBeNull();
  });

  it('every team command in the manifest gets a real answer in a channel', async () => {
    const team = listed('team');
    const place = channelPlace('Leads');
    const eve = teamsUser('Eve Member');
    const generic = 'In a team channel I understand';
    for (const command of team) {
      await h.sayInChannel(place, eve, command);
      const reply = String(h.sim.activities.at(-1)?.activity.text);
      expect(reply, command).not.toContain(generic);
    }
    await h.sayInChannel(place, eve, 'status');
    expect(String(h.sim.activities.at(-1)?.activity.text)).toContain(generic);
  });
});
