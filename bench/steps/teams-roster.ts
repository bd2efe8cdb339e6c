/**
 * A roster import of many rows resolved by the Teams directory, as `coachloop roster import` runs it: the file
 * read as a stream, emails matched against the paged member list of a team the bot is installed in, served by
 * the connector simulator in its own process (a directory answering locally, without Teams' pacing), the found
 * people's Teams user ids kept, then the people planned and written in one transaction. Peak RSS is this process's.
 */

import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { channelStateFor } from '../../src/app/channel-state.js';
import { importRoster } from '../../src/app/roster.js';
import { TeamsAddressBook } from '../../src/channels/teams/addresses.js';
import { createTeamsDirectory } from '../../src/channels/teams/directory.js';
import { ConversationPacer } from '../../src/channels/teams/sender.js';
import { systemClock } from '../../src/core/clock.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { silentLogger } from '../../src/logger.js';
import { openStoreAt } from '../../src/store/index.js';
import { childMain, log, type StepOptions } from '../lib/common.js';
import { trackPeakRss, writeBenchRoster } from '../lib/roster-file.js';
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
    const now = Date.UTC(2026, 2, 2, 9);
    const program = (
      await store.programs.upsert(
        parseProgramSettings({ name: 'bench-teams-roster', timezone: 'Europe/Berlin' }),
        now,
      )
    ).record;
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
    log(`teams roster: importing ${input.rows.toLocaleString('en-US')} rows`);
    await sim.call('cpuStart');
    const started = performance.now();
    const outcome = await importRoster({
      store,
      program,
      csv: createReadStream(file),
      lookups: [directory],
      now,
    });
    const ms = performance.now() - started;
    if (!outcome.ok) throw new Error(`roster import failed: ${outcome.problems.slice(0, 3).join('; ')}`);
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
