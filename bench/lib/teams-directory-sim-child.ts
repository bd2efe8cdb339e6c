/**
 * The Bot Framework connector simulator in its own process, with one team of `members` people whose paged
 * member list a roster import reads (no rate limits: a directory answering locally). Member n has the Teams
 * user id `29:1member-n`, an Entra object id, and the email and user principal name `member-n@bench.example`.
 * Input (argv[2], JSON): { members, teamId }. Talks to the parent over IPC: `cpuStart`, `stats`, `close`.
 */
import { startConnectorSimulator } from '../../test/simulators/botframework.js';
import { cpuMs } from './common.js';

interface Input {
  members: number;
  teamId: string;
}

export interface TeamsDirectorySimStats {
  /** Reads of the team's paged member list since the last cpuStart. */
  pagedMemberReads: number;
  requests: number;
  cpuMs: number;
  rssBytes: number;
}

process.on('disconnect', () => process.exit(1));
const input = JSON.parse(process.argv[2] ?? '{}') as Input;
const members = Array.from({ length: input.members }, (_, i) => ({
  id: `29:1member-${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Member ${i}`,
  email: `member-${i}@bench.example`,
  userPrincipalName: `member-${i}@bench.example`,
}));
const sim = await startConnectorSimulator({ members: { [input.teamId]: members } });
let since = process.cpuUsage();

process.on('message', (raw) => {
  const message = raw as { id: number; cmd: string };
  const reply = (value: unknown) => process.send?.({ type: 'reply', id: message.id, value });
  switch (message.cmd) {
    case 'cpuStart':
      since = process.cpuUsage();
      sim.reset();
      reply(null);
      return;
    case 'stats':
      reply({
        pagedMemberReads: sim.requests.filter((r) => r.path.endsWith('/pagedmembers')).length,
        requests: sim.stats.requests,
        cpuMs: cpuMs(since),
        rssBytes: process.memoryUsage().rss,
      } satisfies TeamsDirectorySimStats);
      return;
    case 'close':
      void sim.close().then(() => {
        reply(null);
        setTimeout(() => process.exit(0), 20);
      });
      return;
  }
});
process.send?.({ type: 'ready', serviceUrl: sim.serviceUrl });
