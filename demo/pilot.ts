/**
 * A whole simulated pilot, no credentials and no network: the real bot (Bolt receiver, store, scheduler,
 * outbox dispatcher, Slack sender) runs against the local Slack Web API simulator. Only the clock and the
 * people are simulated; every message goes through the same code as in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { silentLogger } from '../src/logger.js';
import { startCoachloop } from '../src/main.js';
import { type StoredMessage, startSlackSimulator } from '../test/simulators/slack-api.js';
import { datePicker, numberInput, plainInput, SlackInbound, staticSelect } from '../test/support/slack-requests.js';

type Style = 'engaged' | 'busy' | 'quiet' | 'declines';
interface Person {
  id: string;
  name: string;
  tz: string;
  style: Style;
  behavior: string;
  kpi: { name: string; unit: string; baseline: number; target: number; direction: 'increase' | 'decrease' };
}

const PEOPLE: Person[] = [
  { id: 'U_ANA', name: 'Ana', tz: 'America/New_York', style: 'engaged', behavior: 'Ask before I tell in 1:1s', kpi: { name: 'Ideas raised by the team per week', unit: 'ideas', baseline: 3, target: 8, direction: 'increase' } },
  { id: 'U_JONAS', name: 'Jonas', tz: 'Europe/Berlin', style: 'busy', behavior: 'Give specific praise within a day', kpi: { name: 'Regretted attrition risk flags', unit: 'flags', baseline: 4, target: 1, direction: 'decrease' } },
  { id: 'U_MEI', name: 'Mei', tz: 'Asia/Tokyo', style: 'quiet', behavior: 'Delegate one decision a week', kpi: { name: 'Decisions escalated to me', unit: 'per week', baseline: 12, target: 6, direction: 'decrease' } },
  { id: 'U_SAM', name: 'Sam', tz: 'Europe/London', style: 'declines', behavior: '-', kpi: { name: '-', unit: '-', baseline: 0, target: 1, direction: 'increase' } },
];

/** A small seeded random source, so every run tells the same story. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Button = { action_id: string; value: string; text?: { text: string } };
const buttonsOf = (blocks: unknown): Button[] =>
  ((blocks as { elements?: Button[] }[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

async function main(): Promise<void> {
  const started = Date.now();
  const random = seeded(7);
  const dir = mkdtempSync(join(tmpdir(), 'coachloop-demo-'));
  const sim = await startSlackSimulator();
  for (const p of PEOPLE) sim.addUser({ id: p.id, name: p.name.toLowerCase(), realName: p.name, tz: p.tz, email: `${p.name.toLowerCase()}@example.com` });
  const clock = new ManualClock('2026-03-01T22:00:00Z');
  const signingSecret = 'demo-signing-secret';
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: join(dir, 'coachloop.db'),
    PROGRAMS_DIR: join(import.meta.dirname, '..', 'programs'),
    DEFAULT_PROGRAM: 'pilot',
    SLACK_BOT_TOKEN: sim.token,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: sim.apiUrl,
    LOG_LEVEL: 'silent',
  });
  const app = await startCoachloop(config, { clock, cron: false, logger: silentLogger, slackBotIds: { botId: sim.botId, botUserId: sim.botUserId } });
  const slack = new SlackInbound({ url: `${app.url}/slack/events`, signingSecret, teamId: sim.teamId, responseUrlBase: sim.responseUrlBase });
  const byChannel = new Map(PEOPLE.map((p) => [`D${p.id}`, p]));
  const seen = new Map<string, string>();
  const stamp = (p: Person) => DateTime.fromMillis(clock.now(), { zone: p.tz }).toFormat('ccc dd LLL HH:mm');
  const say = (p: Person, who: string, text: string) =>
    process.stdout.write(`${stamp(p).padEnd(16)} ${p.name.padEnd(6)} ${who} ${text.replace(/\s+/g, ' ').slice(0, 110)}\n`);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 15));

  process.stdout.write('coachloop demo: a 13-week pilot with four leaders, simulated clock, local Slack simulator\n\n');

  // Each person opens the app once: the bot asks for consent before it keeps anything.
  for (const p of PEOPLE) await slack.event({ type: 'app_home_opened', user: p.id, channel: `D${p.id}`, tab: 'home' });
  await settle();

  async function react(p: Person, message: StoredMessage): Promise<void> {
    const buttons = buttonsOf(message.blocks);
    const find = (prefix: string) => buttons.find((b) => b.action_id.startsWith(prefix));
    const click = async (button: Button | undefined, label: string) => {
      if (!button) return;
      say(p, '  →', `clicks "${label}"`);
      await slack.blockAction(p.id, button, { channelId: message.channel, messageTs: message.ts });
      await settle();
    };
    if (find('cl:consent.accept')) {
      if (p.style === 'declines') return click(find('cl:consent.decline'), 'Decline');
      await click(find('cl:consent.accept'), 'Accept');
      say(p, '  →', `fills in the experiment form: "${p.behavior}"`);
      await slack.viewSubmission(p.id, {
        callback_id: 'form:experiment',
        state: {
          values: {
            behavior: { value: plainInput(p.behavior) },
            hypothesis: { value: plainInput('If I keep this up, my team will feel the difference') },
            kpiName: { value: plainInput(p.kpi.name) },
            kpiUnit: { value: plainInput(p.kpi.unit) },
            kpiBaseline: { value: numberInput(String(p.kpi.baseline)) },
            kpiTarget: { value: numberInput(String(p.kpi.target)) },
            kpiDirection: { value: staticSelect(p.kpi.direction) },
            startDate: { value: datePicker('2026-03-02') },
            lengthWeeks: { value: staticSelect('13') },
          },
        },
      });
      await settle();
      return;
    }
    if (p.style === 'quiet') return;
    if (find('cl:nudge.did')) {
      const roll = random();
      if (p.style === 'busy' && roll < 0.5) return;
      return roll < 0.75 ? click(find('cl:nudge.did'), 'Did it') : click(find('cl:nudge.skip'), 'Not this week');
    }
    if (find('cl:survey.practice')) {
      const isReminder = message.text.startsWith('A gentle reminder');
      if (p.style === 'busy' && !isReminder) return; // busy people answer after the reminder
      const practice = Math.min(5, 2 + Math.floor(random() * 4));
      const trigger = slack.newTriggerId();
      say(p, '  →', `answers practice ${practice}/5`);
      await slack.blockAction(p.id, buttonsOf(message.blocks)[practice - 1]!, { channelId: message.channel, messageTs: message.ts, triggerId: trigger });
      await settle();
      const open = sim.callsTo('views.open').find((c) => c.args.trigger_id === trigger);
      const view = open?.args.view as { private_metadata: string } | undefined;
      if (!view) return;
      const day = Number(/Day (\d+)/.exec(message.text)?.[1] ?? 30);
      const progress = Math.min(1, day / 90 + random() * 0.2);
      const kpi = Math.round((p.kpi.baseline + (p.kpi.target - p.kpi.baseline) * progress) * 10) / 10;
      say(p, '  →', `reports ${p.kpi.name} = ${kpi} ${p.kpi.unit}`);
      await slack.viewSubmission(p.id, {
        callback_id: 'form:survey',
        private_metadata: view.private_metadata,
        state: { values: { kpiValue: { value: numberInput(String(kpi)) }, confidence: { value: staticSelect(String(3 + Math.floor(random() * 3))) }, note: { value: plainInput('') } } },
      });
      await settle();
    }
  }

  async function observe(): Promise<void> {
    for (const message of sim.messages()) {
      const p = byChannel.get(message.channel);
      if (!p) continue;
      const version = `${message.text}|${buttonsOf(message.blocks).length}`;
      if (seen.get(message.ts) === version) continue;
      const isNew = !seen.has(message.ts);
      seen.set(message.ts, version);
      if (!isNew) continue;
      say(p, 'bot:', message.text);
      await react(p, message);
    }
  }

  await observe();
  const end = new Date('2026-06-06T00:00:00Z').getTime();
  while (clock.now() < end) {
    clock.advance(15 * 60_000);
    await app.tick();
    await observe();
  }

  process.stdout.write('\nWhere everyone ended up\n');
  for (const p of PEOPLE) {
    const participant = await app.store.participants.findByIdentity({ platform: 'slack', workspaceId: sim.teamId, userId: p.id });
    if (!participant) continue;
    const view = await app.service.statusOf(participant);
    const rows = await app.store.outbox.list({ participantId: participant.id });
    const sent = rows.filter((r) => r.status === 'sent');
    const count = (kind: string) => sent.filter((r) => r.kind === kind).length;
    const surveys = view.surveys.map((s) => `d${s.checkpointDay} ${s.status}${s.kpiValue !== null ? ` (${s.kpiValue})` : ''}`).join(', ') || '-';
    process.stdout.write(
      `  ${p.name.padEnd(6)} consent ${participant.consent.padEnd(9)} nudges ${String(count('nudge')).padStart(2)}  surveys ${count('checkpoint')}  reminders ${count('checkpoint_reminder')}  checkpoints: ${surveys}\n`,
    );
  }
  const counts = await app.store.outbox.counts();
  process.stdout.write(`\nOutbox: ${JSON.stringify(counts)}; Slack API calls: ${sim.calls.length}; took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  await app.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
