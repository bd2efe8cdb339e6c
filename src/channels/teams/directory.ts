import { type ConversationReference, TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ChannelState } from '../../app/ports.js';
import type { DirectoryLookup, DirectoryProgress } from '../../app/roster.js';
import type { Identity } from '../../core/participant.js';
import type { Logger } from '../../logger.js';
import {
  createTeamsAdapter,
  type TeamsAuthSettings,
  type TeamsCloudAdapter,
  type TeamsCredentialsFactory,
} from './adapter.js';
import { type KnownMember, type KnownTeam, TeamsAddressBook } from './addresses.js';
import { ConversationPacer } from './sender.js';
import { ConnectorAttempts, ConnectorHttpError, ConnectorNetworkError } from './transport.js';

/** One page of a team's members, checked at the edge: only what matching and reaching a person need. */
const memberPageSchema = z.object({
  members: z.array(
    z
      .object({
        id: z.string().min(1),
        aadObjectId: z.string().min(1).optional(),
        email: z.string().nullish(),
        userPrincipalName: z.string().nullish(),
      })
      .loose(),
  ),
  continuationToken: z.string().nullish(),
});

/** People whose Teams user ids `keep` writes in one transaction (two channel-state values each). */
const KEEP_BATCH = 1000;

/** Statuses Microsoft documents as safe to retry with backoff (besides 429, which says how long to wait). */
const RETRIED = new Set([412, 502, 503, 504]);

export interface TeamsDirectoryOptions {
  adapter: TeamsCloudAdapter;
  /** The bot's Microsoft App ID; empty in local development mode. */
  appId: string;
  addresses: TeamsAddressBook;
  /** Members per page: Teams serves 50 to 500. */
  pageSize?: number;
  /** How often one page is asked again after a 429 or a passing failure. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Paces the reads of one team, which count against the per-conversation limits like sends do. */
  pacer?: ConversationPacer;
  /** Jitter in [0, 1) for the backoff of failures that name no wait. */
  random?: () => number;
}

/** A team's member list could not be read: the import stops, names the team, and says what to do. */
export class TeamListError extends Error {
  constructor(team: KnownTeam, cause: unknown) {
    const refused =
      cause instanceof ConnectorHttpError && (cause.status === 403 || cause.status === 404)
        ? ' (the app may have been removed from it: add it to the team again)'
        : '';
    super(
      `could not read the members of the Teams team ${team.teamId}${refused}: ${(cause as Error)?.message ?? String(cause)}`,
    );
    this.name = 'TeamListError';
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves roster emails to Teams people from the member lists of the teams the bot is installed in (paged, 50
 * to 500 members a page), matching an email against a member's email or user principal name, case-insensitively.
 * Found people are identified as everywhere else in coachloop, by tenant and Microsoft Entra object id. What the
 * listing shows of anyone else is let go page by page; of the people found, only their Teams user id is kept,
 * and only once the import is written (`keep`), so that the consent request can open a 1:1 with them.
 */
export function teamsDirectory(options: TeamsDirectoryOptions): DirectoryLookup {
  const { adapter, appId, addresses } = options;
  const sleep = options.sleep ?? wait;
  const retries = options.retries ?? 5;
  const pageSize = Math.min(500, Math.max(50, options.pageSize ?? 500));
  const pacer = options.pacer ?? new ConversationPacer();
  const random = options.random ?? Math.random;
  /** Teams user ids (`29:…`) of the people found, by tenant and object id, until `keep` or the next listing. */
  let teamsIds = new Map<string, string>();

  /** One page, through botbuilder's TeamsInfo in a proactive turn on the team's conversation. */
  const readPage = async (team: KnownTeam, token: string | undefined) => {
    const reference = {
      channelId: 'msteams',
      serviceUrl: team.serviceUrl,
      conversation: { id: team.teamId, tenantId: team.tenantId, conversationType: 'channel', isGroup: true },
      bot: { id: team.botId },
    } as unknown as Partial<ConversationReference>;
    let page: unknown;
    // The turn pipeline would hand a failure to onTurnError: caught in there, thrown out here.
    let failure: { error: unknown } | null = null;
    await adapter.continueConversationAsync(appId, reference, async (context: TurnContext) => {
      try {
        page = await TeamsInfo.getPagedTeamMembers(context, team.teamId, pageSize, token);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw (failure as { error: unknown }).error;
    return memberPageSchema.parse(page);
  };

  /** A page, paced per team, asked again after a 429 (as long as Retry-After says) or a passing failure. */
  const pageWithRetries = async (team: KnownTeam, token: string | undefined) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await pacer.run(team.teamId, () => readPage(team, token));
      } catch (error) {
        const passing =
          (error instanceof ConnectorHttpError && (error.status === 429 || RETRIED.has(error.status))) ||
          error instanceof ConnectorNetworkError;
        if (!passing || attempt >= retries) throw new TeamListError(team, error);
        if (error instanceof ConnectorHttpError && error.status === 429)
          await sleep(Math.max(1000, error.retryAfterMs ?? 1000));
        else await sleep(1000 * 2 ** attempt * (1 + random()));
      }
    }
  };

  return {
    platform: 'teams',
    // Teams has no look-up by email: only a team's member list says who is who.
    lookupByEmail: async () => null,
    lookupMany: async (emails, progress?: DirectoryProgress) => {
      const found = new Map<string, Identity>();
      teamsIds = new Map();
      let calls = 0;
      let membersRead = 0;
      for (const team of await addresses.teams()) {
        let token: string | undefined;
        do {
          const page = await pageWithRetries(team, token);
          calls += 1;
          membersRead += page.members.length;
          for (const member of page.members) {
            // Bots (`28:…`) and accounts without an Entra object id are nobody a roster names.
            if (!member.aadObjectId || member.id.startsWith('28:')) continue;
            const email = [member.email, member.userPrincipalName]
              .map((address) => address?.trim().toLowerCase())
              .find((address) => address && emails.has(address) && !found.has(address));
            if (!email) continue;
            found.set(email, { platform: 'teams', workspaceId: team.tenantId, userId: member.aadObjectId });
            teamsIds.set(`${team.tenantId}\n${member.aadObjectId}`, member.id);
          }
          progress?.({ platform: 'teams', calls, membersRead, found: found.size, wanted: emails.size });
          token = page.continuationToken || undefined;
          // Everyone on the roster found: the rest of the list is not needed.
        } while (token && found.size < emails.size);
        if (found.size === emails.size) break;
      }
      return found;
    },
    keep: async (people) => {
      // Written a batch at a time, one transaction each, per tenant: not one write per person.
      const batches = new Map<string, { aadObjectId: string; member: KnownMember }[]>();
      for (const person of people) {
        const id = teamsIds.get(`${person.workspaceId}\n${person.userId}`);
        if (!id) continue;
        const batch = batches.get(person.workspaceId) ?? [];
        batches.set(person.workspaceId, batch);
        batch.push({ aadObjectId: person.userId, member: { id } });
        if (batch.length >= KEEP_BATCH) {
          await addresses.rememberMembers(person.workspaceId, batch);
          batches.delete(person.workspaceId);
        }
      }
      for (const [tenantId, batch] of batches) await addresses.rememberMembers(tenantId, batch);
      teamsIds = new Map();
    },
  };
}

/**
 * The Teams directory as the roster command uses it, outside the server: its own adapter (signed in as the bot,
 * connector calls that never retry by themselves) and the channel's state, where installs left the teams.
 */
export function createTeamsDirectory(
  options: {
    auth: TeamsAuthSettings;
    timeoutMs: number;
    state: ChannelState;
    logger: Logger;
    credentialsFactory?: TeamsCredentialsFactory;
  } & Pick<TeamsDirectoryOptions, 'pageSize' | 'retries' | 'sleep' | 'pacer'>,
): DirectoryLookup {
  const adapter = createTeamsAdapter({
    auth: options.auth,
    timeoutMs: options.timeoutMs,
    attempts: new ConnectorAttempts(),
    logger: options.logger,
    ...(options.credentialsFactory ? { credentialsFactory: options.credentialsFactory } : {}),
  });
  return teamsDirectory({
    adapter,
    appId: options.auth.appId,
    addresses: new TeamsAddressBook(options.state),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.pacer ? { pacer: options.pacer } : {}),
  });
}
