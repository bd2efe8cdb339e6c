import { TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { NotAllowedError, UserFacingError } from '../../app/errors.js';
import type { MentoringService } from '../../app/mentoring.js';
import type { CoachingService } from '../../app/service.js';
import { CHARTER_PAGES, charterPageForm, charterSummary } from '../../core/charter.js';
import type { FormDefinition, RawFormValues } from '../../core/forms.js';
import {
  CURATOR_ACTIONS,
  type CuratorAction,
  changeRequestForm,
  curatorAlertHandledMessage,
  curatorAlertMessage,
  type MilestoneAnswer,
  milestoneConfirmedMessage,
  milestoneNoteForm,
} from '../../core/mentoring.js';
import type { Block, Message } from '../../core/messages.js';
import type { Identity, Participant } from '../../core/participant.js';
import type { Logger } from '../../logger.js';
import type { ProgramRecord } from '../../store/types.js';
import { channelIdOf, type InboundActivity, personOf, referenceOf, typedText } from './activity.js';
import type { TeamsAddressBook } from './addresses.js';
import type { ActionReply, CardActionContext } from './app.js';
import { type AdaptiveCard, type CardActionName, renderFormCard, renderMessageCard } from './render.js';

export interface TeamsMentoringKit {
  service: CoachingService;
  mentoring: MentoringService;
  addresses: TeamsAddressBook;
  log: Logger;
  kick: () => void;
  reply(context: TurnContext, content: string | AdaptiveCard): Promise<void>;
  curatorChannelFor(tenantId: string): Identity | null;
  configuredCuratorChannel: string | undefined;
  defaultProgram: string | undefined;
}

export interface TeamsMentoring {
  handleAction(ctx: CardActionContext): Promise<ActionReply | null>;
  onChannelInstall(context: TurnContext, activity: InboundActivity, tenantId: string): Promise<void>;
  onChannelRemoved(activity: InboundActivity, tenantId: string): Promise<void>;
  onChannelMessage(context: TurnContext, activity: InboundActivity, tenantId: string): Promise<void>;
}

const pageSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(CHARTER_PAGES.length - 1);
const versionSchema = z.coerce.number().int().min(1);
const curatorActionSchema = z.enum(CURATOR_ACTIONS);

const MILESTONE_ACTIONS: Partial<Record<CardActionName, MilestoneAnswer>> = {
  'milestone.met': 'met',
  'milestone.partly': 'partly',
  'milestone.notyet': 'not_yet',
};

const CHANNEL_HELP = [
  "I'm the coaching companion. In a team channel I do one thing: post curator alerts about mentor pairs whose engagement runs low, with buttons to re-match, check in, snooze or close (curators only).",
  '• **claim** — a curator makes this channel the place for curator alerts',
  '• **help** — this message',
  'For your own coaching, message me in a 1:1 chat.',
].join('\n\n');

function nameOf(p: Participant | null, fallback: string): string {
  return p?.displayName ?? p?.email ?? fallback;
}

function text(message: string, extra: Block[] = []): Message {
  return { text: message, blocks: [{ type: 'text', text: message }, ...extra] };
}

/** Teams rendering of the mentoring loop: charter pages and chat, the mentor's review, milestones, curator alerts. */
export function createTeamsMentoring(kit: TeamsMentoringKit): TeamsMentoring {
  const { mentoring, service, addresses, log } = kit;
  const store = service.store;

  // ---- charter -------------------------------------------------------------------------------------------

  function charterPageCard(
    pairId: string,
    page: number,
    form: FormDefinition,
    initial: RawFormValues,
    errors?: Record<string, string>,
  ): AdaptiveCard {
    return renderFormCard(form, {
      submit: { a: 'form.charter', r: pairId, v: String(page) },
      initial,
      ...(errors ? { errors } : {}),
      intro: [
        {
          type: 'context',
          text: 'Your answers are saved after every page; you can come back to it any time.',
        },
      ],
    });
  }

  async function saveCharterPage(ctx: CardActionContext): Promise<ActionReply> {
    const page = pageSchema.safeParse(ctx.data.v);
    if (!page.success) throw new UserFacingError('That form is out of date; please open it again.');
    const step = await mentoring.saveCharterPage(ctx.identity, ctx.data.r, page.data, ctx.inputs);
    if (!step.ok)
      return {
        card: charterPageCard(ctx.data.r, page.data, charterPageForm(page.data), ctx.inputs, step.errors),
      };
    if (step.next) return { card: charterPageCard(ctx.data.r, page.data + 1, step.next, step.initial) };
    kit.kick();
    return {
      card: renderMessageCard(
        text(
          'Your charter is on its way to your mentor. I will tell you when they confirm it or ask for changes.',
        ),
      ),
      final: true,
    };
  }

  async function reviewCard(
    pairId: string,
    version: number,
    raw?: RawFormValues,
    errors?: Record<string, string>,
  ): Promise<AdaptiveCard> {
    const charter = (await store.mentoring.charterVersions(pairId)).find((c) => c.version === version);
    return renderFormCard(changeRequestForm, {
      submit: { a: 'form.changes', r: pairId, v: String(version) },
      intro: charter ? [{ type: 'fields', fields: charterSummary(charter.charter) }] : [],
      ...(raw ? { initial: raw } : {}),
      ...(errors ? { errors } : {}),
    });
  }

  // ---- curator alerts --------------------------------------------------------------------------------------

  async function alertBlocks(
    alertId: string,
  ): Promise<{ blocks: Block[]; mentee: Participant; mentor: Participant } | null> {
    const view = await mentoring.alertView(alertId);
    if (!view) return null;
    const message = curatorAlertMessage(
      view.alert,
      nameOf(view.mentor, 'mentor'),
      nameOf(view.mentee, 'mentee'),
      view.threshold,
    );
    const blocks = message.blocks.filter((b) => b.type !== 'actions');
    const unreachable = [view.mentor, view.mentee]
      .filter((p) => !p.reachable)
      .map((p) => nameOf(p, 'someone'));
    if (unreachable.length > 0) {
      blocks.push({
        type: 'context',
        text: `⚠ ${unreachable.join(' and ')} cannot be reached on their chat platform (blocked or removed the app).`,
      });
    }
    return { blocks, mentee: view.mentee, mentor: view.mentor };
  }

  /** People in the team the alert was posted in, as re-match choices (their Entra object id as the value). */
  async function teamPeople(
    context: TurnContext,
    tenantId: string,
    exclude: Set<string>,
  ): Promise<{ value: string; label: string }[]> {
    const people = new Map<string, string>();
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 200, token);
      for (const member of page.members) {
        if (!member.aadObjectId || member.id.startsWith('28:') || exclude.has(member.aadObjectId)) continue;
        people.set(member.aadObjectId, member.name ?? member.email ?? member.aadObjectId);
        await addresses.rememberMember(tenantId, member.aadObjectId, { id: member.id });
      }
      token = page.continuationToken;
    } while (token && people.size < 500);
    return [...people]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  async function curatorFormCard(
    ctx: CardActionContext,
    alertId: string,
    action: CuratorAction,
    form: FormDefinition,
    raw?: RawFormValues,
    errors?: Record<string, string>,
  ): Promise<AdaptiveCard> {
    const alert = await alertBlocks(alertId);
    if (!alert) throw new NotAllowedError();
    let people: { value: string; label: string }[] | undefined;
    if (form.fields.some((f) => f.type === 'person')) {
      try {
        people = await teamPeople(
          ctx.context,
          ctx.tenantId,
          new Set([alert.mentor.userId, alert.mentee.userId]),
        );
      } catch (error) {
        log.warn({ err: (error as Error).message }, 'could not read the team roster');
        throw new UserFacingError(
          "I couldn't read this team's members just now; please try again in a minute.",
        );
      }
      if (people.length === 0)
        throw new UserFacingError(
          'Nobody else in this team can be picked as the new mentor. Add them to the team first.',
        );
    }
    return renderFormCard(form, {
      submit: { a: 'form.alert', r: alertId, v: action },
      intro: alert.blocks,
      ...(people ? { people } : {}),
      ...(raw ? { initial: raw } : {}),
      ...(errors ? { errors } : {}),
      cancel: { label: 'Back', data: { a: 'alert.cancel', r: alertId } },
    });
  }

  async function handledCard(
    alertId: string,
    curatorName: string,
    at: number,
    summary: string,
  ): Promise<AdaptiveCard | null> {
    const view = await mentoring.alertView(alertId);
    if (!view) return null;
    const stamp = `${new Date(at).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
    return renderMessageCard(
      curatorAlertHandledMessage(
        view.alert,
        nameOf(view.mentor, 'mentor'),
        nameOf(view.mentee, 'mentee'),
        curatorName,
        stamp,
        summary,
      ),
    );
  }

  async function curatorNameOf(ctx: CardActionContext): Promise<string> {
    const curator = await store.participants.findByIdentity(ctx.identity);
    return curator?.displayName ?? ctx.activity.from.name ?? 'A curator';
  }

  // ---- actions -------------------------------------------------------------------------------------------

  async function handleAction(ctx: CardActionContext): Promise<ActionReply | null> {
    const { identity, data } = ctx;
    switch (data.a) {
      case 'charter.form': {
        const { page, form, initial } = await mentoring.charterForm(identity, data.r);
        return { card: charterPageCard(data.r, page, form, initial) };
      }
      case 'form.charter':
        return saveCharterPage(ctx);
      case 'charter.chat': {
        const question = await mentoring.startCharterChat(identity, data.r);
        await kit.reply(ctx.context, question);
        return { notice: "Let's do it in the chat: I've asked the first question." };
      }
      case 'charter.confirm': {
        const version = versionSchema.safeParse(data.v);
        if (!version.success) throw new UserFacingError('That button is out of date.');
        const confirmed = await mentoring.confirmCharter(identity, data.r, version.data);
        kit.kick();
        return {
          card: renderMessageCard(
            text(`You confirmed the charter (version ${confirmed.version}). It is active now.`),
          ),
          final: true,
        };
      }
      case 'charter.changes': {
        const version = versionSchema.safeParse(data.v);
        if (!version.success) throw new UserFacingError('That button is out of date.');
        const current = await store.mentoring.currentCharter(data.r);
        const pair = await store.mentoring.getPair(data.r);
        const me = await store.participants.findByIdentity(identity);
        if (!pair || !me || pair.mentorId !== me.id) throw new NotAllowedError();
        if (!current || current.version !== version.data || current.status !== 'submitted') {
          throw new UserFacingError('This version is no longer waiting for you.');
        }
        return { card: await reviewCard(data.r, version.data) };
      }
      case 'form.changes': {
        const version = versionSchema.safeParse(data.v);
        if (!version.success) throw new UserFacingError('That form is out of date.');
        const result = await mentoring.requestCharterChanges(identity, data.r, version.data, ctx.inputs);
        if (!result.ok) return { card: await reviewCard(data.r, version.data, ctx.inputs, result.errors) };
        kit.kick();
        return {
          card: renderMessageCard(
            text(`You asked for changes to version ${version.data}. I've passed your comment on.`),
          ),
          final: true,
        };
      }
      case 'milestone.note':
        return {
          card: renderFormCard(milestoneNoteForm, {
            submit: { a: 'form.note', r: data.r },
            intro: await milestoneIntro(identity, data.r),
          }),
        };
      case 'form.note': {
        const result = await mentoring.noteMilestone(identity, data.r, ctx.inputs);
        if (!result.ok) {
          return {
            card: renderFormCard(milestoneNoteForm, {
              submit: { a: 'form.note', r: data.r },
              initial: ctx.inputs,
              errors: result.errors,
            }),
          };
        }
        kit.kick();
        const milestone = (await store.mentoring.getMilestone(data.r))!;
        return { card: renderMessageCard(milestoneConfirmedMessage(milestone)), final: true };
      }
      case 'alert.rematch':
      case 'alert.checkin':
      case 'alert.snooze':
      case 'alert.close': {
        const action = curatorActionSchema.parse(data.a.slice('alert.'.length));
        const form = await mentoring.curatorForm(identity, data.r, action);
        return { card: await curatorFormCard(ctx, data.r, action, form) };
      }
      case 'form.alert': {
        const action = curatorActionSchema.safeParse(data.v);
        if (!action.success) throw new UserFacingError('That form is out of date; please open it again.');
        const result = await mentoring.curatorAct(identity, data.r, action.data, ctx.inputs);
        if (!result.ok) {
          const form = await mentoring.curatorForm(identity, data.r, action.data).catch(() => null);
          if (!form) {
            const first = Object.values(result.errors)[0];
            return { notice: first ?? 'This alert was already handled.' };
          }
          return { card: await curatorFormCard(ctx, data.r, action.data, form, ctx.inputs, result.errors) };
        }
        kit.kick();
        const card = await handledCard(data.r, await curatorNameOf(ctx), service.clock.now(), result.summary);
        return card ? { card, final: true } : { notice: result.summary };
      }
      case 'alert.cancel': {
        if (!(await mentoring.curators.isCurator(identity)))
          throw new NotAllowedError('Only curators can do that.');
        const view = await mentoring.alertView(data.r);
        if (!view) throw new NotAllowedError();
        return {
          card: renderMessageCard(
            curatorAlertMessage(
              view.alert,
              nameOf(view.mentor, 'mentor'),
              nameOf(view.mentee, 'mentee'),
              view.threshold,
            ),
          ),
        };
      }
      default: {
        const answer = MILESTONE_ACTIONS[data.a];
        if (!answer) return null;
        const { milestone } = await mentoring.confirmMilestone(identity, data.r, answer);
        kit.kick();
        return { card: renderMessageCard(milestoneConfirmedMessage(milestone)), final: true };
      }
    }
  }

  async function milestoneIntro(identity: Identity, milestoneId: string): Promise<Block[]> {
    const milestone = await store.mentoring.getMilestone(milestoneId);
    const pair = milestone ? await store.mentoring.getPair(milestone.pairId) : null;
    const me = await store.participants.findByIdentity(identity);
    if (!milestone || !pair || !me || pair.mentorId !== me.id) throw new NotAllowedError();
    return [{ type: 'text', text: `Milestone "${milestone.description}", due ${milestone.dueDate}.` }];
  }

  // ---- the curator channel ----------------------------------------------------------------------------------

  async function programForChannel(): Promise<ProgramRecord | null> {
    if (kit.defaultProgram) return store.programs.getByName(kit.defaultProgram);
    const programs = await store.programs.list();
    return programs[0] ?? null;
  }

  /** Stores where the channel is and makes it a delivery target, so curator alerts find it. */
  async function registerCuratorChannel(
    context: TurnContext,
    activity: InboundActivity,
    tenantId: string,
    channelId: string,
  ): Promise<void> {
    const reference = referenceOf(context, activity);
    if (!reference) return;
    const address = await addresses.remember(tenantId, channelId, reference);
    const program = await programForChannel();
    if (!program) return;
    const target = await store.participants.ensureChannel(
      { platform: 'teams', workspaceId: tenantId, userId: channelId },
      program.id,
      service.clock.now(),
    );
    if (target.address !== address || !target.reachable)
      await store.participants.update(target.id, { address, reachable: true });
  }

  async function onChannelInstall(
    context: TurnContext,
    activity: InboundActivity,
    tenantId: string,
  ): Promise<void> {
    const channelId = channelIdOf(activity);
    const reference = referenceOf(context, activity);
    if (reference) await addresses.remember(tenantId, channelId, reference);
    const curatorChannel = kit.curatorChannelFor(tenantId);
    if (curatorChannel?.userId === channelId) {
      await registerCuratorChannel(context, activity, tenantId, channelId);
      await kit.reply(
        context,
        'Hi! Curator alerts about mentor pairs will come to this channel. Only curators can act on them.',
      );
      return;
    }
    await kit.reply(
      context,
      kit.configuredCuratorChannel
        ? "Hi! I'm the coaching companion. For your own coaching, message me in a 1:1 chat."
        : "Hi! I'm the coaching companion. A curator can mention me with **claim** in the channel that should receive curator alerts. For your own coaching, message me in a 1:1 chat.",
    );
  }

  async function onChannelRemoved(activity: InboundActivity, tenantId: string): Promise<void> {
    const channel = await store.participants.findByIdentity({
      platform: 'teams',
      workspaceId: tenantId,
      userId: channelIdOf(activity),
    });
    if (channel?.reachable) {
      await store.participants.update(channel.id, { reachable: false });
      log.warn({ participantId: channel.id }, 'the bot was removed from a Teams channel it posts to');
    }
  }

  async function claim(
    context: TurnContext,
    activity: InboundActivity,
    tenantId: string,
    identity: Identity,
  ): Promise<string> {
    if (!(await mentoring.curators.isCurator(identity))) {
      return `Only curators can claim a channel for curator alerts. Ask your program admin to add you to CURATORS as teams:${identity.userId}.`;
    }
    const channelId = channelIdOf(activity);
    if (kit.configuredCuratorChannel && kit.configuredCuratorChannel !== channelId) {
      return 'Curator alerts go to the channel named in TEAMS_CURATOR_CHANNEL; change that setting to move them here.';
    }
    await registerCuratorChannel(context, activity, tenantId, channelId);
    if (!kit.configuredCuratorChannel) await addresses.claim(tenantId, channelId);
    const curator = await store.participants.findByIdentity(identity);
    await store.audit.append({
      at: service.clock.now(),
      actor: curator?.id ?? `teams:${identity.userId}`,
      action: 'curator_channel.claimed',
      subject: channelId,
      detail: { tenantId },
    });
    log.info({ tenantId }, 'Teams curator channel claimed');
    return `Done: curator alerts for this organization now come to this channel (${channelId}).`;
  }

  async function onChannelMessage(
    context: TurnContext,
    activity: InboundActivity,
    tenantId: string,
  ): Promise<void> {
    const identity = personOf(activity, tenantId);
    const word = typedText(activity).toLowerCase().split(' ')[0] ?? '';
    try {
      if (word === 'claim') {
        await kit.reply(context, await claim(context, activity, tenantId, identity));
        return;
      }
      if (word === '' || word === 'help') {
        await kit.reply(context, CHANNEL_HELP);
        return;
      }
      await kit.reply(
        context,
        `In a team channel I understand **claim** and **help**. For your own coaching, message me in a 1:1 chat.`,
      );
    } catch (error) {
      log.error({ err: (error as Error).message }, 'Teams channel message failed');
      await kit.reply(
        context,
        'Something went wrong on our side; nothing was changed. Please try again in a minute.',
      );
    }
  }

  return { handleAction, onChannelInstall, onChannelRemoved, onChannelMessage };
}
