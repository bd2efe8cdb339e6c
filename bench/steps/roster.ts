/**
 * A roster import of many rows, as `coachloop roster import` runs it: the file read as a stream, emails resolved
 * by the Slack directory (one paged users.list) against the simulator in its own process (a directory answering
 * locally, without Slack's pacing), the people planned and written in one transaction. Peak RSS is this process's.
 */

import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { importRoster } from '../../src/app/roster.js';
import { slackDirectory } from '../../src/channels/slack/directory.js';
import { createSlackClient } from '../../src/channels/slack/sender.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { openStoreAt } from '../../src/store/index.js';
import { childMain, log, type StepOptions, userIdOf } from '../lib/common.js';
import { trackPeakRss, writeBenchRoster } from '../lib/roster-file.js';
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
    const now = Date.UTC(2026, 2, 2, 9);
    const program = (
      await store.programs.upsert(
        parseProgramSettings({ name: 'bench-roster', timezone: 'Europe/Berlin' }),
        now,
      )
    ).record;
    const directory = slackDirectory(
      createSlackClient({ token: sim.token, apiUrl: sim.apiUrl }),
      sim.teamId,
      {
        paced: false,
      },
    );
    log(`roster: importing ${input.rows.toLocaleString('en-US')} rows`);
    await sim.cpuStart();
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
