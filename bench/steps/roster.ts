/**
 * A roster import of many rows, as `coachloop roster import` runs it: the file read as a stream, emails resolved
 * by the Slack directory (one paged users.list) against the simulator in its own process (a directory answering
 * locally, without Slack's pacing), the people planned and written in one transaction. Peak RSS is this process's.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { importRoster } from '../../src/app/roster.js';
import { slackDirectory } from '../../src/channels/slack/directory.js';
import { createSlackClient } from '../../src/channels/slack/sender.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { openStoreAt } from '../../src/store/index.js';
import { childMain, log, type StepOptions, userIdOf } from '../lib/common.js';
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

const DEPARTMENTS = ['Sales', 'Operations', 'Finance', 'Engineering', 'People'];

childMain<Input, RosterOutput>(async (input) => {
  const rssAtStart = process.memoryUsage().rss;
  let peak = rssAtStart;
  const sampler = setInterval(() => {
    // The sampler cannot run while the import keeps the event loop busy: the kernel's high-water mark is the peak.
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  }, 20);
  const file = join(input.tmpRoot, 'roster.csv');
  const out = createWriteStream(file);
  out.write('email,role,department,level\n');
  let fileBytes = 0;
  for (let i = 0; i < input.rows; i += 1) {
    const line = `${userIdOf(i).toLowerCase()}@bench.example,leader,${DEPARTMENTS[i % DEPARTMENTS.length]},L${1 + (i % 3)}\n`;
    fileBytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
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
    // The sampler cannot run while the import keeps the event loop busy: the kernel's high-water mark is the peak.
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
    return {
      rows: input.rows,
      fileBytes,
      ms,
      rssAtStartBytes: rssAtStart,
      peakRssBytes: peak,
      usersListCalls: stats.callsByMethod['users.list'] ?? 0,
      lookupByEmailCalls: stats.callsByMethod['users.lookupByEmail'] ?? 0,
      peopleCreated: outcome.counts?.peopleCreated ?? 0,
    };
  } finally {
    clearInterval(sampler);
    await store.close();
    await sim.close();
  }
});
