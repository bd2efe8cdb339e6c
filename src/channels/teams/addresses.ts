import { z } from 'zod';
import type { ChannelState } from '../../app/ports.js';

/**
 * Where Teams messages can go. A conversation reference (botbuilder's ConversationReference, as JSON) is
 * what proactive messages need; Teams hands one over with every inbound activity. It is stored as the
 * participant's `address`, and also in the channel's own state under the person's or channel's id, so
 * that a message queued before the participant row carries it (the consent request queued at install, a
 * channel target created later by the scheduler) still finds its way.
 */

export const conversationReferenceSchema = z.object({
  channelId: z.literal('msteams'),
  serviceUrl: z.url(),
  conversation: z
    .object({
      id: z.string().min(1),
      tenantId: z.string().optional(),
      conversationType: z.string().optional(),
      isGroup: z.boolean().optional(),
    })
    .loose(),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }).loose(),
  user: z
    .object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() })
    .loose()
    .optional(),
  locale: z.string().optional(),
});

export type StoredReference = z.output<typeof conversationReferenceSchema>;

export function parseReference(address: string | null | undefined): StoredReference | null {
  if (typeof address !== 'string' || !address.startsWith('{')) return null;
  try {
    const parsed = conversationReferenceSchema.safeParse(JSON.parse(address));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A Teams channel id (`19:…@thread.tacv2` / `@thread.skype`), as opposed to a person. */
export function isChannelId(id: string): boolean {
  return /^19:[^;]+@thread\.[a-z0-9]+$/i.test(id);
}

/** The channel a channel conversation belongs to: `19:…@thread.tacv2;messageid=…` → `19:…@thread.tacv2`. */
export function baseConversationId(id: string): string {
  return id.split(';')[0] ?? id;
}

const tenantFactsSchema = z.object({ serviceUrl: z.url(), botId: z.string().min(1) });
export type TenantFacts = z.output<typeof tenantFactsSchema>;

const memberSchema = z.object({ id: z.string().min(1) });
export type KnownMember = z.output<typeof memberSchema>;

/** A team the bot is installed in: where its member list is read (organization facts, not a person's). */
const knownTeamSchema = z.object({
  tenantId: z.string().min(1),
  teamId: z.string().min(1),
  serviceUrl: z.url(),
  botId: z.string().min(1),
});
export type KnownTeam = z.output<typeof knownTeamSchema>;

const REFERENCE = 'reference:';
/** One key holds every team the bot is in: a handful per organization, read whole by the roster import. */
const TEAMS = 'teams';
const TENANT = 'tenant:';
const MEMBER = 'member:';
const AAD = 'aad:';

function parseJson<T>(schema: z.ZodType<T>, raw: string | null): T | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class TeamsAddressBook {
  constructor(private readonly state: ChannelState) {}

  async remember(tenantId: string, id: string, reference: StoredReference): Promise<string> {
    const serialized = JSON.stringify(reference);
    if ((await this.state.get(`${REFERENCE}${tenantId}:${id}`)) !== serialized) {
      await this.state.set(`${REFERENCE}${tenantId}:${id}`, serialized, {
        workspaceId: tenantId,
        userId: id,
      });
      const teamsId = reference.user?.id;
      if (teamsId && teamsId !== id) await this.#rememberAad(tenantId, teamsId, id);
    }
    return serialized;
  }

  /** Which Entra object id a Teams user id (`29:…`) belongs to, for people the bot has seen or listed. */
  aadOf(tenantId: string, teamsId: string): Promise<string | null> {
    return this.state.get(`${AAD}${tenantId}:${teamsId}`);
  }

  async #rememberAad(tenantId: string, teamsId: string, aadObjectId: string): Promise<void> {
    if ((await this.aadOf(tenantId, teamsId)) !== aadObjectId)
      await this.state.set(`${AAD}${tenantId}:${teamsId}`, aadObjectId, {
        workspaceId: tenantId,
        userId: aadObjectId,
      });
  }

  async reference(tenantId: string, id: string): Promise<StoredReference | null> {
    return parseReference(await this.state.get(`${REFERENCE}${tenantId}:${id}`));
  }

  async rememberTenant(tenantId: string, facts: TenantFacts): Promise<void> {
    const serialized = JSON.stringify(facts);
    if ((await this.state.get(`${TENANT}${tenantId}`)) !== serialized)
      await this.state.set(`${TENANT}${tenantId}`, serialized);
  }

  async tenant(tenantId: string): Promise<TenantFacts | null> {
    return parseJson(tenantFactsSchema, await this.state.get(`${TENANT}${tenantId}`));
  }

  /** A person's Teams id (`29:…`) by their Microsoft Entra object id, learned from a team roster. */
  async rememberMember(tenantId: string, aadObjectId: string, member: KnownMember): Promise<void> {
    const serialized = JSON.stringify(member);
    if ((await this.state.get(`${MEMBER}${tenantId}:${aadObjectId}`)) !== serialized) {
      await this.state.set(`${MEMBER}${tenantId}:${aadObjectId}`, serialized, {
        workspaceId: tenantId,
        userId: aadObjectId,
      });
      await this.#rememberAad(tenantId, member.id, aadObjectId);
    }
  }

  /**
   * `rememberMember` for many people of one tenant (e.g. those a roster import found in a team's member list),
   * written in one transaction: both ways between object id and Teams user id, for each person.
   */
  async rememberMembers(
    tenantId: string,
    members: readonly { aadObjectId: string; member: KnownMember }[],
  ): Promise<void> {
    await this.state.setMany(
      members.flatMap(({ aadObjectId, member }) => {
        const owner = { workspaceId: tenantId, userId: aadObjectId };
        return [
          { key: `${MEMBER}${tenantId}:${aadObjectId}`, value: JSON.stringify(member), owner },
          { key: `${AAD}${tenantId}:${member.id}`, value: aadObjectId, owner },
        ];
      }),
    );
  }

  async member(tenantId: string, aadObjectId: string): Promise<KnownMember | null> {
    return parseJson(memberSchema, await this.state.get(`${MEMBER}${tenantId}:${aadObjectId}`));
  }

  /** The teams the bot is installed in, oldest install first. */
  async teams(): Promise<KnownTeam[]> {
    return parseJson(z.array(knownTeamSchema), await this.state.get(TEAMS)) ?? [];
  }

  /** The bot was added to a team (or the team's facts changed, e.g. its service URL). True when new. */
  async rememberTeam(team: KnownTeam): Promise<boolean> {
    const teams = await this.teams();
    const at = teams.findIndex((t) => t.tenantId === team.tenantId && t.teamId === team.teamId);
    if (at >= 0 && JSON.stringify(teams[at]) === JSON.stringify(team)) return false;
    if (at >= 0) teams[at] = team;
    else teams.push(team);
    await this.state.set(TEAMS, JSON.stringify(teams));
    return at < 0;
  }

  /** The bot was removed from a team: its members are not listed any more. */
  async forgetTeam(tenantId: string, teamId: string): Promise<boolean> {
    const teams = await this.teams();
    const kept = teams.filter((t) => !(t.tenantId === tenantId && t.teamId === teamId));
    if (kept.length === teams.length) return false;
    await this.state.set(TEAMS, JSON.stringify(kept));
    return true;
  }
}
