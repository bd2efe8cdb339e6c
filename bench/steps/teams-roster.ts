/**
 * A roster import of many rows resolved by the Teams directory, as `coachloop roster import` runs it: the file
 * read as a stream, emails matched against the paged member list of a team the bot is installed in, served by
 * the connector simulator in its own process (a directory answering locally, without Teams' pacing), the found
 * people's Teams user ids kept, then the people planned and written in one transaction. Peak RSS is this process's.
 */

import { join } from 'node:path';
import { channelStateFor } from '../../src/app/channel-state.js';
import { TeamsAddressBook } from '../../src/channels/teams/addresses.js';
import { createTeamsDirectory } from '../../src/channels/teams/directory.js';
import { ConversationPacer } from '../../src/channels/teams/sender.js';
import { systemClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/logger.js';
import { openStoreAt } from '../../src/store/index.js';
import { childMain, type StepOptions } from '../lib/common.js';
import { timedRosterImport, trackPeakRss, writeBenchRoster } from '../lib/roster-file.js';
import { startServiceProcess } from '../lib/service-process.js';
import type { TeamsDirectorySimStats } from '../lib/teams-directory-sim-child.js';

interface Input extends StepOptions {
  rows: number;
}

export interface TeamsRosterOutput {
  rows: number;
  teamMembers: number;
  fileBytes: number;
  ms: number;
  rssAtStartBytes: number;
  peakRssBytes: number;
  pagedMemberReads: number;
  peopleCreated: number;
}

const TENANT = 'bench-tenant';
const TEAM = '19:bench-team@thread.tacv2';

childMain<Input, TeamsRosterOutput>(async (input) => {
  const rss = trackPeakRss();
  const file = join(input.tmpRoot, 'teams-roster.csv');
  const fileBytes = await writeBenchRoster(file, input.rows, (i) => `member-${i}@bench.example`);
  // Every roster row is a member of the one team, listed in roster order: the whole list is read.
  const sim = await startServiceProcess<{ serviceUrl: string }>(
    'lib/teams-directory-sim-child.ts',
    { members: input.rows, teamId: TEAM },
    'connector simulator',
  );
  const store = await openStoreAt(join(input.tmpRoot, 'teams-roster.db'));
  try {
    const state = channelStateFor(store, 'teams', systemClock);
    // The bot was added to the team: what the install leaves in the channel's state.
    await new TeamsAddressBook(state).rememberTeam({
      tenantId: TENANT,
      teamId: TEAM,
      serviceUrl: sim.ready.serviceUrl,
      botId: '28:bench-bot',
    });
    const directory = createTeamsDirectory({
      auth: { appId: '', appType: 'MultiTenant' },
      timeoutMs: 10_000,
      state,
      logger: silentLogger,
      // Pacing off, as the Slack step's directory: the simulator answers at once and refuses nothing.
      pacer: new ConversationPacer([]),
    });
    const { ms, outcome } = await timedRosterImport({
      store,
      programName: 'bench-teams-roster',
      file,
      rows: input.rows,
      directory,
      beforeImport: () => sim.call('cpuStart'),
    });
    const stats = await sim.call<TeamsDirectorySimStats>('stats');
    return {
      rows: input.rows,
      teamMembers: input.rows,
      fileBytes,
      ms,
      rssAtStartBytes: rss.atStart,
      peakRssBytes: rss.peak(),
      pagedMemberReads: stats.pagedMemberReads,
      peopleCreated: outcome.counts?.peopleCreated ?? 0,
    };
  } finally {
    rss.stop();
    await store.close();
    await sim.close();
  }
});
