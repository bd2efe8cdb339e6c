/**
 * A roster import of many rows, as `coachloop roster import` runs it: the file read as a stream, emails resolved
 * by the Slack directory (one paged users.list) against the simulator in its own process (a directory answering
 * locally, without Slack's pacing), the people planned and written in one transaction. Peak RSS is this process's.
 */

import { join } from 'node:path';
import { slackDirectory } from '../../src/channels/slack/directory.js';
import { createSlackClient } from '../../src/channels/slack/sender.js';
import { openStoreAt } from '../../src/store/index.js';
import { childMain, type StepOptions, userIdOf } from '../lib/common.js';
import { timedRosterImport, trackPeakRss, writeBenchRoster } from '../lib/roster-file.js';
import { startSimProcess } from '../lib/sim-client.js';

interface Input extends StepOptions {
  rows: number;
}

export interface RosterOutput {
  rows: number;
  fileBytes: number;
  ms: number;
  rssAtStartBytes: number;
  peakRssBytes: number;
  usersListCalls: number;
  lookupByEmailCalls: number;
  peopleCreated: number;
}

childMain<Input, RosterOutput>(async (input) => {
  const rss = trackPeakRss();
  const file = join(input.tmpRoot, 'roster.csv');
  const fileBytes = await writeBenchRoster(
    file,
    input.rows,
    (i) => `${userIdOf(i).toLowerCase()}@bench.example`,
  );
  const sim = await startSimProcess({ users: input.rows, emails: true });
  const store = await openStoreAt(join(input.tmpRoot, 'roster.db'));
  try {
    const directory = slackDirectory(
      createSlackClient({ token: sim.token, apiUrl: sim.apiUrl }),
      sim.teamId,
      {
        paced: false,
      },
    );
    const { ms, outcome } = await timedRosterImport({
      store,
      programName: 'bench-roster',
      file,
      rows: input.rows,
      directory,
      beforeImport: () => sim.cpuStart(),
    });
    const stats = await sim.stats();
    return {
      rows: input.rows,
      fileBytes,
      ms,
      rssAtStartBytes: rss.atStart,
      peakRssBytes: rss.peak(),
      usersListCalls: stats.callsByMethod['users.list'] ?? 0,
      lookupByEmailCalls: stats.callsByMethod['users.lookupByEmail'] ?? 0,
      peopleCreated: outcome.counts?.peopleCreated ?? 0,
    };
  } finally {
    rss.stop();
    await store.close();
    await sim.close();
  }
});
