/**
 * A bare platform client posting messages in a loop, in a process of its own, as the yardstick for the
 * dispatcher's CPU per message: the same messages to the same simulator with the same concurrency, and nothing
 * else — no outbox, no pacing, no store.
 *  slack: `@slack/web-api`'s WebClient with its defaults, `chat.postMessage` to each person's DM.
 *  teams: botframework-connector's ConnectorClient with its defaults (no credentials, as the bot in local
 *         development mode), `conversations.sendToConversation` to each person's 1:1 conversation.
 * Input (argv[2], JSON): see Input. Result: CPU (user + system) of this process over the measured sends only.
 */
import { childMain, cpuMs } from './common.js';

export interface BareInput {
  platform: 'slack' | 'teams';
  /** Slack: the Web API URL; Teams: the connector's serviceUrl. */
  url: string;
  /** Slack: the bot token. */
  token?: string;
  /** Slack: chat.postMessage arguments without `channel` (the dispatcher's rendering of the same message). */
  slackArgs?: Record<string, unknown>;
  /** Teams: the activity without its conversation (the dispatcher's rendering of the same message). */
  activity?: Record<string, unknown>;
  /** Who gets message i: Slack channel ids or Teams conversation ids, built from `prefix` + i padded to 7. */
  targetPrefix: string;
  messages: number;
  /** Sent (to other people) before the measured ones, so JIT warm-up is not counted. */
  warmup: number;
  concurrency: number;
}

export interface BareOutput {
  client: string;
  messages: number;
  cpuMs: number;
  userCpuMs: number;
  systemCpuMs: number;
  wallMs: number;
}

type Post = (target: string) => Promise<void>;

async function poster(input: BareInput): Promise<{ client: string; post: Post }> {
  if (input.platform === 'slack') {
    const { WebClient } = await import('@slack/web-api');
    const client = new WebClient(input.token, { slackApiUrl: input.url });
    const args = input.slackArgs ?? {};
    return {
      client: '@slack/web-api WebClient (defaults), chat.postMessage',
      post: async (channel) => {
        const answer = await client.chat.postMessage({ ...args, channel } as never);
        if (!answer.ok || typeof answer.ts !== 'string') throw new Error('chat.postMessage failed');
      },
    };
  }
  const { ConnectorClient, MicrosoftAppCredentials } = await import('botframework-connector');
  const client = new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: input.url });
  const activity = input.activity ?? {};
  return {
    client: 'botframework-connector ConnectorClient (defaults), conversations.sendToConversation',
    post: async (conversationId) => {
      const answer = await client.conversations.sendToConversation(conversationId, {
        ...activity,
        conversation: { id: conversationId },
      } as never);
      if (typeof answer.id !== 'string') throw new Error('sendToConversation answered no id');
    },
  };
}

/** Posts to targets from..to-1 with `concurrency` sends in flight. */
async function loop(post: Post, input: BareInput, from: number, to: number): Promise<void> {
  let next = from;
  const worker = async () => {
    while (next < to) {
      const i = next;
      next += 1;
      await post(`${input.targetPrefix}${String(i).padStart(7, '0')}`);
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
}

childMain<BareInput, BareOutput>(async (input) => {
  const { client, post } = await poster(input);
  // The warm-up goes to the people after the measured ones, as the dispatcher's does.
  await loop(post, input, input.messages, input.messages + input.warmup);
  const before = process.cpuUsage();
  const t0 = performance.now();
  await loop(post, input, 0, input.messages);
  const wallMs = performance.now() - t0;
  const total = cpuMs(before);
  const delta = process.cpuUsage(before);
  return {
    client,
    messages: input.messages,
    cpuMs: total,
    userCpuMs: delta.user / 1000,
    systemCpuMs: delta.system / 1000,
    wallMs,
  };
});
