import type { Text } from '../core/catalog/index.js';
import { text } from '../core/catalog/index.js';
import type { Clock } from '../core/clock.js';
import type { Identity, Platform } from '../core/participant.js';
import { localDateKey } from '../core/time.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { ProgramRecord, Store } from '../store/types.js';
import { type CuratorDirectory, nameOf } from './mentoring.js';
import type { CoachingService } from './service.js';

export interface CuratorPolicy {
  /** People named as curators, `<platform>:<user id>` (`CURATORS`; a bare id means Slack). */
  listed: readonly string[];
  /** A channel set in the configuration per platform (`CURATOR_CHANNEL`, `TEAMS_CURATOR_CHANNEL`). */
  configuredChannels: Partial<Record<Platform, string>>;
  /** A platform's own group of curators (a Slack user group), asked on every action. */
  memberOfCuratorGroup?: Partial<Record<Platform, (userId: string) => Promise<boolean>>>;
  /** The program a claimed channel is filed under (DEFAULT_PROGRAM, else the first). */
  defaultProgram?: string;
}

const claimKey = (workspaceId: string) => `curator_channel:${workspaceId}`;

/**
 * Who the curators are and where their alerts go, for every platform: a channel from the configuration, or
 * one a curator claimed from inside it. Curators also hear, in that channel, about people their platform
 * refuses to reach.
 */
export class Curators implements CuratorDirectory {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #policy: CuratorPolicy;
  readonly #listed: Set<string>;
  readonly #logger: Logger;

  constructor(options: { store: Store; clock: Clock; policy: CuratorPolicy; logger?: Logger }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#policy = options.policy;
    this.#listed = new Set(options.policy.listed.map((e) => (e.includes(':') ? e : `slack:${e}`)));
    this.#logger = options.logger ?? silentLogger;
  }

  async isCurator(identity: Identity): Promise<boolean> {
    if (this.#listed.has(`${identity.platform}:${identity.userId}`)) return true;
    const person = await this.#store.participants.findByIdentity(identity);
    if (person?.roles.includes('curator')) return true;
    const group = this.#policy.memberOfCuratorGroup?.[identity.platform];
    return group ? group(identity.userId) : false;
  }

  async channelFor(platform: Platform, workspaceId: string): Promise<Identity | null> {
    const channel =
      this.#policy.configuredChannels[platform] ??
      (await this.#store.channelState.get(platform, claimKey(workspaceId)));
    return channel ? { platform, workspaceId, userId: channel } : null;
  }

  /** Whether alerts go to a channel set in the configuration (then no claim can move them). */
  configured(platform: Platform): boolean {
    return this.#policy.configuredChannels[platform] !== undefined;
  }

  async #program(): Promise<ProgramRecord | null> {
    if (this.#policy.defaultProgram) return this.#store.programs.getByName(this.#policy.defaultProgram);
    return (await this.#store.programs.list())[0] ?? null;
  }

  /** Makes a channel a delivery target (it gets curator alerts through the outbox like anyone else). */
  async registerChannel(channel: Identity, address?: string): Promise<void> {
    const program = await this.#program();
    if (!program) return;
    const target = await this.#store.participants.ensureChannel(channel, program.id, this.#clock.now());
    const moved = address !== undefined && target.address !== address;
    if (moved || !target.reachable)
      await this.#store.participants.update(target.id, { ...(moved ? { address } : {}), reachable: true });
  }

  /** The bot was added to a channel: is it the curators' one? */
  async isCuratorChannel(channel: Identity): Promise<boolean> {
    return (await this.channelFor(channel.platform, channel.workspaceId))?.userId === channel.userId;
  }

  /** The bot was removed from a channel it posts to: nothing more goes there. */
  async channelRemoved(channel: Identity): Promise<void> {
    const target = await this.#store.participants.findByIdentity(channel);
    if (target?.reachable) {
      await this.#store.participants.update(target.id, { reachable: false });
      this.#logger.warn({ participantId: target.id }, 'the bot was removed from a channel it posts to');
    }
  }

  /** A curator makes the channel they are in the place for curator alerts. */
  async claim(actor: Identity, channel: Identity, address?: string): Promise<Text> {
    if (!(await this.isCurator(actor)))
      return text('channel.claimNotCurator', { platform: actor.platform, user: actor.userId });
    const configured = this.#policy.configuredChannels[channel.platform];
    if (configured !== undefined && configured !== channel.userId) return text('channel.claimConfigured');
    await this.registerChannel(channel, address);
    if (configured === undefined)
      await this.#store.channelState.set(
        channel.platform,
        claimKey(channel.workspaceId),
        channel.userId,
        null,
        this.#clock.now(),
      );
    const curator = await this.#store.participants.findByIdentity(actor);
    await this.#store.audit.append({
      at: this.#clock.now(),
      actor: curator?.id ?? `${actor.platform}:${actor.userId}`,
      action: 'curator_channel.claimed',
      subject: channel.userId,
      detail: { platform: channel.platform, workspaceId: channel.workspaceId },
    });
    this.#logger.info({ platform: channel.platform }, 'curator channel claimed');
    return text('channel.claimed', { channel: channel.userId });
  }

  /** Curators hear, through their channel, about a person their platform refuses to reach (blocked, removed). */
  async tellUnreachable(coaching: CoachingService, participantId: string, reason: string): Promise<void> {
    const person = await this.#store.participants.get(participantId);
    if (person?.kind !== 'person' || person.consent !== 'accepted') return;
    const target = await this.channelFor(person.platform, person.workspaceId);
    if (!target) return;
    const channel = await this.#store.participants.ensureChannel(target, person.programId, this.#clock.now());
    const day = localDateKey(this.#clock.now(), 'UTC');
    await coaching.notify(channel, `unreachable:${person.id}:${day}`, (t) =>
      t('alert.unreachablePerson', {
        person: nameOf(t, person, 'alert.aParticipant'),
        platform: person.platform,
        reason,
      }),
    );
  }
}
