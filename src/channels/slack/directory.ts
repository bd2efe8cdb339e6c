import { ErrorCode, type WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { DirectoryLookup, DirectoryProgress } from '../../app/roster.js';
import type { Identity } from '../../core/participant.js';

const lookupResult = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional(), deleted: z.boolean().optional() }),
});

const listPage = z.object({
  members: z.array(
    z.object({
      id: z.string(),
      team_id: z.string().optional(),
      deleted: z.boolean().optional(),
      is_bot: z.boolean().optional(),
      profile: z.object({ email: z.string().optional() }).optional(),
    }),
  ),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

/**
 * Calls per minute Slack allows each method (its tiers), with the bursts it tolerates: `users.list` is Tier 2
 * (20+ per minute), `users.lookupByEmail` Tier 3 (50+ per minute).
 */
export const DIRECTORY_TIERS = {
  'users.list': { perMinute: 20, burst: 20 },
  'users.lookupByEmail': { perMinute: 50, burst: 50 },
} as const;
type TieredMethod = keyof typeof DIRECTORY_TIERS;

export interface SlackDirectoryOptions {
  /** From this many emails on, one paged `users.list` replaces a `users.lookupByEmail` per email. */
  bulkFrom?: number;
  /** Members per `users.list` page (Slack allows up to 1000). */
  pageSize?: number;
  /** Keep to Slack's tiers (default true); off for a local directory that has no limits. */
  paced?: boolean;
  /** How often one call is retried after a 429 (waiting the Retry-After Slack sends). */
  retries?: number;
  /** How long one `users.list` page may take (default 10 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds on a monotonic clock for the pacer (default `performance.now`). */
  now?: () => number;
}

/**
 * One `users.list` page, read over HTTP as the Web API client would send it (form-encoded, bearer token). Not
 * through the client: @slack/web-api copies and serializes every answer for a debug line even when debug logging
 * is off, which for a 1,000-member page costs more CPU and garbage than reading it. A 429 and a platform error
 * are thrown in the client's terms (code, retryAfter, data.error), so they are handled alike.
 */
async function readListPage(
  client: WebClient,
  page: { limit: number; cursor?: string },
  timeoutMs: number,
): Promise<unknown> {
  const response = await fetch(`${client.slackApiUrl}users.list`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
    },
    body: new URLSearchParams({ limit: String(page.limit), ...(page.cursor ? { cursor: page.cursor } : {}) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 429) {
    await response.body?.cancel();
    throw Object.assign(new Error('users.list: rate limited'), {
      code: ErrorCode.RateLimitedError,
      retryAfter: Number(response.headers.get('retry-after') ?? 1) || 1,
    });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`users.list: HTTP ${response.status}`);
  }
  const data = (await response.json()) as { ok?: unknown; error?: unknown };
  if (data.ok !== true)
    throw Object.assign(new Error(`users.list: ${String(data.error ?? 'unknown_error')}`), {
      code: ErrorCode.PlatformError,
      data,
    });
  return data;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A token bucket per method: bursts up to the tier's allowance, then one call per 60 s / perMinute. */
function pacer(paced: boolean, sleep: (ms: number) => Promise<void>, now: () => number) {
  const buckets = new Map<TieredMethod, { tokens: number; at: number }>();
  return async (method: TieredMethod) => {
    if (!paced) return;
    const tier = DIRECTORY_TIERS[method];
    const every = 60_000 / tier.perMinute;
    const bucket = buckets.get(method) ?? { tokens: tier.burst, at: now() };
    buckets.set(method, bucket);
    const refill = () => {
      const t = now();
      bucket.tokens = Math.min(tier.burst, bucket.tokens + (t - bucket.at) / every);
      bucket.at = t;
    };
    refill();
    if (bucket.tokens < 1) {
      await sleep((1 - bucket.tokens) * every);
      // The wait earned exactly the one call about to be made.
      bucket.tokens = 1;
      bucket.at = now();
    }
    bucket.tokens -= 1;
  };
}

/**
 * Resolves roster emails to Slack users (scopes users:read and users:read.email): a few emails one
 * `users.lookupByEmail` each, a large roster with one paged `users.list` over the whole workspace. Calls keep to
 * Slack's tiers and wait out a 429 as long as Slack asks.
 */
export function slackDirectory(
  client: WebClient,
  fallbackTeamId: string,
  options: SlackDirectoryOptions = {},
): DirectoryLookup {
  const sleep = options.sleep ?? wait;
  const pace = pacer(options.paced ?? true, sleep, options.now ?? (() => performance.now()));
  const retries = options.retries ?? 5;
  const call = async <T>(method: TieredMethod, work: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt += 1) {
      await pace(method);
      try {
        return await work();
      } catch (error) {
        const err = error as { code?: string; retryAfter?: number };
        if (err.code !== ErrorCode.RateLimitedError || attempt >= retries) throw error;
        await sleep(Math.max(1, err.retryAfter ?? 1) * 1000);
      }
    }
  };
  return {
    platform: 'slack',
    lookupByEmail: async (email) => {
      try {
        const found = lookupResult.parse(
          await call('users.lookupByEmail', () => client.users.lookupByEmail({ email })),
        );
        if (found.user.deleted) return null;
        return {
          platform: 'slack',
          workspaceId: found.user.team_id ?? fallbackTeamId,
          userId: found.user.id,
        };
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
        throw error;
      }
    },
    lookupMany: async (emails, progress?: DirectoryProgress) => {
      if (emails.size < (options.bulkFrom ?? 50)) return null;
      const found = new Map<string, Identity>();
      let cursor: string | undefined;
      let members = 0;
      let calls = 0;
      do {
        const page = listPage.parse(
          await call('users.list', () =>
            readListPage(
              client,
              { limit: options.pageSize ?? 1000, ...(cursor ? { cursor } : {}) },
              options.timeoutMs ?? 10_000,
            ),
          ),
        );
        calls += 1;
        members += page.members.length;
        for (const member of page.members) {
          const email = member.profile?.email?.toLowerCase();
          if (!email || member.deleted || member.is_bot || !emails.has(email)) continue;
          found.set(email, {
            platform: 'slack',
            workspaceId: member.team_id ?? fallbackTeamId,
            userId: member.id,
          });
        }
        progress?.({
          platform: 'slack',
          calls,
          membersRead: members,
          found: found.size,
          wanted: emails.size,
        });
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return found;
    },
  };
}
