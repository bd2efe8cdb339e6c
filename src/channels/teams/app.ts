import type { IncomingMessage, ServerResponse } from 'node:http';
import { ActivityTypes, TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { helpText, parseCommand } from '../../app/commands.js';
import { NotAllowedError, UserFacingError } from '../../app/errors.js';
import type { MentoringService } from '../../app/mentoring.js';
import type { ChannelState, Recipient } from '../../app/ports.js';
import type { PrivacyService } from '../../app/privacy.js';
import type { CoachingService, ProfileUpdate, StatusView } from '../../app/service.js';
import { experimentControls, statusLines } from '../../app/status.js';
import { DAY } from '../../core/clock.js';
import {
  checkinForm,
  experimentForm,
  nudgeAnsweredMessage,
  surveyAnsweredMessage,
  surveyDetailsForm,
} from '../../core/coaching.js';
import type { RawFormValues } from '../../core/forms.js';
import type { Block, Message } from '../../core/messages.js';
import type { Identity, Participant } from '../../core/participant.js';
import { localDateKey } from '../../core/time.js';
import type { Logger } from '../../logger.js';
import {
  executeInvokeSchema,
  type InboundActivity,
  inboundActivitySchema,
  includesBot,
  personOf,
  referenceOf,
  scopeOf,
  tenantOf,
  timezoneOf,
  typedText,
} from './activity.js';
import {
  createTeamsAdapter,
  createTeamsRequestListener,
  type TeamsAuthSettings,
  type TeamsCloudAdapter,
  type TeamsCredentialsFactory,
} from './adapter.js';
import { isChannelId, TeamsAddressBook } from './addresses.js';
import { createTeamsMentoring, type TeamsMentoring } from './mentoring.js';
import {
  type AdaptiveCard,
  CARD_CONTENT_TYPE,
  type CardActionName,
  type CardData,
  cardAttachment,
  parseCardData,
  renderFormCard,
  renderMessageCard,
  teamsMarkdown,
} from './render.js';
import { TeamsSender } from './sender.js';
import { ConnectorAttempts } from './transport.js';

export interface TeamsChannelOptions {
  auth: TeamsAuthSettings;
  timeoutMs: number;
  messagesPerSecond: number;
  /** TEAMS_CURATOR_CHANNEL: the channel id that receives curator alerts, if configured. */
  curatorChannel?: string;
  /** The program a claimed curator channel is filed under (DEFAULT_PROGRAM, else the only one). */
  defaultProgram?: string;
  service: CoachingService;
  mentoring: MentoringService;
  /** Where the channel keeps conversation references and curator channel claims. */
  state: ChannelState;
  /** Erasure on request ("forget-me"). */
  privacy?: PrivacyService;
  logger: Logger;
  /** Asks the dispatcher to send what was just queued. */
  kick: () => void;
  /** Test only: makes the bot's outbound tokens (production uses botbuilder's from MicrosoftAppPassword). */
  credentialsFactory?: TeamsCredentialsFactory;
  bodyLimitBytes?: number;
}

export interface TeamsChannel {
  adapter: TeamsCloudAdapter;
  sender: TeamsSender;
  /** The handler for POST /api/messages. */
  requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  start(): Promise<void>;
  /** Where curator alerts for a tenant go: TEAMS_CURATOR_CHANNEL, else the channel a curator claimed. */
  curatorChannelFor(tenantId: string): Identity | null;
}

/** What an action on a card turns into: a new card in its place, or a short notice with the card unchanged. */
export type ActionReply = { card: AdaptiveCard; final?: boolean } | { notice: string };

export interface CardActionContext {
  context: TurnContext;
  activity: InboundActivity;
  identity: Identity;
  tenantId: string;
  data: CardData;
  inputs: RawFormValues;
}

const GENERIC_FAILURE = 'Something went wrong on our side; nothing was saved. Please try again in a minute.';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

const versionSchema = z.coerce.number().int().min(0);

function nameOf(p: Participant | null, fallback: string): string {
  return p?.displayName ?? p?.email ?? fallback;
}

function textMessage(text: string, extra: Block[] = []): Message {
  return { text, blocks: [{ type: 'text', text }, ...extra] };
}

/** The Teams channel: CloudAdapter on POST /api/messages, Adaptive Card rendering, proactive delivery. */
export function createTeamsChannel(options: TeamsChannelOptions): TeamsChannel {
  const { service, mentoring, kick } = options;
  const store = service.store;
  const log = options.logger.child({ channel: 'teams' });
  const attempts = new ConnectorAttempts();
  const addresses = new TeamsAddressBook(options.state);
  const adapter = createTeamsAdapter({
    auth: options.auth,
    timeoutMs: options.timeoutMs,
    attempts,
    logger: log,
    ...(options.credentialsFactory ? { credentialsFactory: options.credentialsFactory } : {}),
  });

  const curatorChannelFor = (tenantId: string): Identity | null => {
    const channel = options.curatorChannel ?? addresses.claimedChannel(tenantId);
    return channel ? { platform: 'teams', workspaceId: tenantId, userId: channel } : null;
  };

  /** Curators hear about people Teams refuses (blocked or removed the app), through their channel. */
  async function tellCuratorsUnreachable(recipient: Recipient, reason: string): Promise<void> {
    if (isChannelId(recipient.userId)) return;
    const target = curatorChannelFor(recipient.workspaceId);
    const person = await store.participants.get(recipient.participantId);
    if (!target || !person || person.consent !== 'accepted') return;
    const channel = await store.participants.ensureChannel(target, person.programId, service.clock.now());
    const day = localDateKey(service.clock.now(), 'UTC');
    await service.notify(
      channel,
      `unreachable:${person.id}:${day}`,
      `*${nameOf(person, 'A participant')}* can no longer be reached in Teams (${reason}). Their coaching messages are stopped until they message the bot again.`,
    );
  }

  const sender = new TeamsSender({
    adapter,
    appId: options.auth.appId,
    addresses,
    attempts,
    logger: log,
    messagesPerSecond: options.messagesPerSecond,
    onUnreachable: tellCuratorsUnreachable,
  });

  // ---- helpers -----------------------------------------------------------------------------------------

  function explain(error: unknown): string {
    if (error instanceof UserFacingError) return error.message;
    log.error({ err: (error as Error).message, stack: (error as Error).stack }, 'Teams handler failed');
    return GENERIC_FAILURE;
  }

  async function reply(context: TurnContext, content: string | AdaptiveCard): Promise<void> {
    if (typeof content === 'string') {
      await context.sendActivity({
        type: ActivityTypes.Message,
        text: teamsMarkdown(content),
        textFormat: 'markdown',
      });
    } else {
      await context.sendActivity({ type: ActivityTypes.Message, attachments: [cardAttachment(content)] });
    }
  }

  /** Saves where this person or channel can be reached, before anything is queued for them. */
  async function rememberAddress(
    context: TurnContext,
    activity: InboundActivity,
    tenantId: string,
    id: string,
  ): Promise<string | null> {
    const reference = referenceOf(context, activity);
    return reference ? addresses.remember(tenantId, id, reference) : null;
  }

  async function refreshParticipant(identity: Identity, address: string | null): Promise<Participant | null> {
    const participant = await store.participants.findByIdentity(identity);
    if (!participant) return null;
    if ((address && participant.address !== address) || !participant.reachable) {
      // Hearing from them proves the bot can reach them again (after a block, an uninstall or a move).
      const updated = await store.participants.update(participant.id, {
        ...(address ? { address } : {}),
        reachable: true,
      });
      return updated;
    }
    return participant;
  }

  /**
   * A consent request that never arrived (the person had not installed the app yet, or had blocked it)
   * is queued again, the same message under a new key, once they are back: at most once a day, and only
   * while no consent request of theirs is waiting or delivered.
   */
  async function resendConsentIfLost(participant: Participant): Promise<void> {
    if (participant.consent !== 'pending') return;
    const requests = (await store.outbox.list({ participantId: participant.id })).filter(
      (r) => r.kind === 'consent',
    );
    if (
      requests.length === 0 ||
      requests.some((r) => r.status === 'pending' || r.status === 'sending' || r.status === 'sent')
    ) {
      return;
    }
    const now = service.clock.now();
    const earlier = requests[0]!;
    const inserted = await store.outbox.enqueue(
      {
        key: `consent:${participant.id}:resend:${localDateKey(now, 'UTC')}`,
        participantId: participant.id,
        kind: 'consent',
        budgeted: false,
        budgetWeek: earlier.budgetWeek,
        message: earlier.message,
        dueAt: now,
        expiresAt: now + 7 * DAY,
      },
      now,
    );
    if (inserted) kick();
  }

  /** Enrolls on first contact (consent pending, consent request queued); true when that happened. */
  async function firstContact(identity: Identity): Promise<boolean> {
    const { created } = await service.ensureParticipant(identity);
    if (created) kick();
    return created;
  }

  async function updateTimezone(participant: Participant, activity: InboundActivity): Promise<Participant> {
    const zone = timezoneOf(activity);
    if (participant.consent !== 'accepted' || !zone || zone === participant.timezone) return participant;
    return service.updateProfile(participant, { timezone: zone });
  }

  // ---- cards -------------------------------------------------------------------------------------------

  function statusCard(view: StatusView | null, notice?: string): AdaptiveCard {
    const blocks: Block[] = [{ type: 'text', text: '*Your coaching experiment*' }];
    if (notice) blocks.push({ type: 'context', text: notice });
    if (!view) {
      blocks.push({
        type: 'text',
        text: "You're not enrolled in a coaching program yet. Send me a message to get started.",
      });
      return renderMessageCard({ text: 'Your coaching experiment', blocks });
    }
    blocks.push({ type: 'text', text: statusLines(view).join('\n\n') });
    const actions = experimentControls(view);
    if (actions.length > 0) blocks.push({ type: 'divider' }, { type: 'actions', actions });
    return renderMessageCard({ text: 'Your coaching experiment', blocks });
  }

  async function statusOf(identity: Identity): Promise<StatusView | null> {
    const participant = await store.participants.findByIdentity(identity);
    return participant ? service.statusOf(participant) : null;
  }

  async function experimentFormCard(
    identity: Identity,
    raw?: RawFormValues,
    errors?: Record<string, string>,
  ): Promise<AdaptiveCard> {
    const participant = (await store.participants.findByIdentity(identity))!;
    const current = await store.experiments.current(participant.id);
    const running = current && (current.status === 'active' || current.status === 'paused') ? current : null;
    const initial = raw ?? (await service.experimentFormDefaults(identity));
    return renderFormCard(experimentForm, {
      // The version the form was opened on: a submit from a stale copy records nothing.
      submit: { a: 'form.experiment', r: participant.id, v: String(running?.version ?? 0) },
      initial,
      ...(errors ? { errors } : {}),
      ...(running ? { submitLabel: 'Save changes' } : {}),
    });
  }

  function surveyDetailsCard(
    surveyId: string,
    lead: string,
    kpiName: string,
    kpiUnit: string,
    raw?: RawFormValues,
    errors?: Record<string, string>,
  ): AdaptiveCard {
    return renderFormCard(surveyDetailsForm, {
      submit: { a: 'form.survey', r: surveyId },
      intro: [
        { type: 'text', text: lead },
        { type: 'context', text: `*${kpiName}* today, in ${kpiUnit}` },
      ],
      ...(raw ? { initial: raw } : {}),
      ...(errors ? { errors } : {}),
    });
  }

  async function checkinCard(
    identity: Identity,
    raw?: RawFormValues,
    errors?: Record<string, string>,
  ): Promise<AdaptiveCard | null> {
    const current = await service.currentSurvey(identity);
    if (!current) return null;
    return renderFormCard(checkinForm, {
      submit: { a: 'form.checkin', r: current.survey.id },
      intro: [
        {
          type: 'text',
          text: `Day ${current.survey.checkpointDay} checkpoint for *${current.experiment.behavior}*`,
        },
      ],
      ...(raw ? { initial: raw } : {}),
      ...(errors ? { errors } : {}),
    });
  }

  // ---- consent -----------------------------------------------------------------------------------------

  const CONSENT_ACCEPTED: Message = {
    text: 'Thank you — you are in.',
    blocks: [
      { type: 'text', text: 'Thank you — you are in. Next: pick one behavior to experiment with.' },
      {
        type: 'actions',
        actions: [{ action: 'experiment.start', ref: 'me', label: 'Start my experiment', style: 'primary' }],
      },
    ],
  };
  const CONSENT_DECLINED = textMessage(
    'Understood — I will not message you about coaching. Nothing else about you is kept.',
  );

  /** Only after consent: the time zone from the Teams client, name and email from the conversation roster. */
  async function lookUpProfile(context: TurnContext, activity: InboundActivity): Promise<ProfileUpdate> {
    const timezone = timezoneOf(activity);
    const profile: ProfileUpdate = {
      ...(timezone ? { timezone } : {}),
      displayName: activity.from.name ?? null,
    };
    try {
      const member = await TeamsInfo.getMember(context, activity.from.id);
      profile.displayName = member.name ?? profile.displayName ?? null;
      profile.email = member.email ?? member.userPrincipalName ?? null;
    } catch (error) {
      log.info(
        { err: (error as Error).message },
        'Teams roster lookup failed; keeping the name from the activity',
      );
    }
    return profile;
  }

  // ---- card actions ------------------------------------------------------------------------------------

  async function ownExperiment(identity: Identity, experimentId: string): Promise<void> {
    const experiment = await store.experiments.get(experimentId);
    const me = await store.participants.findByIdentity(identity);
    if (!experiment || !me || experiment.participantId !== me.id) throw new NotAllowedError();
  }

  async function handleCoachingAction(ctx: CardActionContext): Promise<ActionReply | null> {
    const { identity, data, inputs, context, activity } = ctx;
    const name: CardActionName = data.a;
    switch (name) {
      case 'consent.accept':
      case 'consent.decline': {
        const accept = name === 'consent.accept';
        const before = await store.participants.findByIdentity(identity);
        if (!before || before.id !== data.r) throw new NotAllowedError();
        if (before.consent !== 'pending') {
          // Decided already (another device, a second click): show where things stand, record nothing.
          return {
            card: renderMessageCard(before.consent === 'accepted' ? CONSENT_ACCEPTED : CONSENT_DECLINED),
            final: true,
          };
        }
        const profile = accept ? await lookUpProfile(context, activity) : {};
        await service.decideConsent(identity, data.r, accept, profile);
        return { card: renderMessageCard(accept ? CONSENT_ACCEPTED : CONSENT_DECLINED), final: true };
      }
      case 'experiment.start':
        return { card: await experimentFormCard(identity) };
      case 'form.experiment': {
        const participant = await store.participants.findByIdentity(identity);
        if (!participant || participant.id !== data.r) throw new NotAllowedError();
        const current = await store.experiments.current(participant.id);
        const running =
          current && (current.status === 'active' || current.status === 'paused') ? current : null;
        const openedOn = versionSchema.safeParse(data.v);
        if (!openedOn.success || openedOn.data !== (running?.version ?? 0)) {
          return {
            card: renderMessageCard(
              textMessage(
                running
                  ? `This form was already saved: *${running.behavior}* is at version ${running.version}. Type **start** to edit it again.`
                  : 'This form is out of date. Type **start** to open a fresh one.',
              ),
            ),
            final: true,
          };
        }
        const result = await service.saveExperiment(identity, inputs);
        if (!result.ok) return { card: await experimentFormCard(identity, inputs, result.errors) };
        const experiment = result.value;
        const status = await service.statusOf((await store.participants.findByIdentity(identity))!);
        const next = status.nextMessage ? ` Your first message comes ${status.nextMessage.local}.` : '';
        const text =
          experiment.version === 1
            ? `Your experiment is set: *${experiment.behavior}*, ${experiment.startDate} to ${experiment.endDate}.${next}`
            : `Your experiment is updated (version ${experiment.version}).${next}`;
        return {
          card: renderMessageCard(
            textMessage(text, [
              { type: 'context', text: 'Type **status** any time to see it, or **start** to edit it.' },
            ]),
          ),
          final: true,
        };
      }
      case 'experiment.pause':
      case 'experiment.resume':
      case 'experiment.snooze': {
        await ownExperiment(identity, data.r);
        if (name === 'experiment.pause') await service.pause(identity);
        else if (name === 'experiment.resume') await service.resume(identity);
        else await service.snooze(identity, 7);
        return {
          card: statusCard(
            await statusOf(identity),
            name === 'experiment.snooze' ? 'Snoozed for a week.' : undefined,
          ),
          final: true,
        };
      }
      case 'nudge.did':
      case 'nudge.skip':
      case 'nudge.snooze': {
        const answer = name === 'nudge.did' ? 'did' : name === 'nudge.skip' ? 'skip' : 'snooze';
        const result = await service.answerNudge(identity, data.r, data.v ?? '', answer);
        if (!result.recorded) return { notice: 'You already answered this one.' };
        const experiment = await store.experiments.get(data.r);
        const until = result.snoozedUntil;
        return {
          card: renderMessageCard(
            nudgeAnsweredMessage(experiment?.behavior ?? 'Your experiment', answer, until),
          ),
          final: true,
        };
      }
      case 'survey.practice': {
        const { survey, experiment } = await service.answerPractice(identity, data.r, data.v);
        const lead = `Day ${survey.checkpointDay} checkpoint: practice ${survey.practice}/5 saved. One more step:`;
        return {
          card: surveyDetailsCard(survey.id, lead, experiment.kpiName, experiment.kpiUnit),
          final: true,
        };
      }
      case 'survey.details': {
        const survey = await store.surveys.get(data.r);
        const me = await store.participants.findByIdentity(identity);
        if (!survey || !me || survey.participantId !== me.id) throw new NotAllowedError();
        const experiment = await store.experiments.get(survey.experimentId);
        return {
          card: surveyDetailsCard(
            survey.id,
            `Day ${survey.checkpointDay} checkpoint`,
            experiment?.kpiName ?? 'KPI',
            experiment?.kpiUnit ?? '',
          ),
        };
      }
      case 'form.survey': {
        const result = await service.answerSurveyDetails(identity, data.r, inputs);
        if (!result.ok) {
          const survey = (await store.surveys.get(data.r))!;
          const experiment = await store.experiments.get(survey.experimentId);
          return {
            card: surveyDetailsCard(
              survey.id,
              `Day ${survey.checkpointDay} checkpoint`,
              experiment?.kpiName ?? 'KPI',
              experiment?.kpiUnit ?? '',
              inputs,
              result.errors,
            ),
          };
        }
        return {
          card: renderMessageCard(surveyAnsweredMessage(result.value.experiment, result.value.survey)),
          final: true,
        };
      }
      case 'form.checkin': {
        const result = await service.answerCheckin(identity, data.r, inputs);
        if (!result.ok)
          return {
            card:
              (await checkinCard(identity, inputs, result.errors)) ??
              renderMessageCard(textMessage('This checkpoint has closed.')),
          };
        return {
          card: renderMessageCard(surveyAnsweredMessage(result.value.experiment, result.value.survey)),
          final: true,
        };
      }
      default:
        return null;
    }
  }

  const teamsMentoring: TeamsMentoring = createTeamsMentoring({
    service,
    mentoring,
    addresses,
    log,
    kick,
    reply,
    curatorChannelFor,
    configuredCuratorChannel: options.curatorChannel,
    defaultProgram: options.defaultProgram,
  });

  async function handleCardAction(ctx: CardActionContext): Promise<ActionReply> {
    try {
      const handled = (await handleCoachingAction(ctx)) ?? (await teamsMentoring.handleAction(ctx));
      return handled ?? { notice: 'That button is not valid any more.' };
    } catch (error) {
      return { notice: explain(error) };
    }
  }

  async function updateCard(
    context: TurnContext,
    activityId: string | undefined,
    adaptiveCard: AdaptiveCard,
  ): Promise<void> {
    if (!activityId) return;
    try {
      await context.updateActivity({
        id: activityId,
        type: ActivityTypes.Message,
        attachments: [cardAttachment(adaptiveCard)],
      });
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not update the card');
    }
  }

  async function invokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
  }

  /** Action.Execute: the answer replaces the card for the person who clicked; final states update the message for everyone. */
  async function onExecute(context: TurnContext, activity: InboundActivity, tenantId: string): Promise<void> {
    const invoke = executeInvokeSchema.safeParse(activity.value);
    const parsed = invoke.success ? parseCardData(invoke.data.action.data) : null;
    if (!invoke.success || !parsed || invoke.data.action.verb !== parsed.data.a) {
      log.warn({ issues: invoke.success ? 'card data' : invoke.error.issues.length }, 'card action rejected');
      await invokeResponse(context, 200, {
        statusCode: 200,
        type: MESSAGE_RESPONSE,
        value: 'That button is not valid any more.',
      });
      return;
    }
    const identity = personOf(activity, tenantId);
    await touchSender(context, activity, tenantId, identity);
    const result = await handleCardAction({
      context,
      activity,
      identity,
      tenantId,
      data: parsed.data,
      inputs: parsed.inputs,
    });
    if ('notice' in result) {
      await invokeResponse(context, 200, { statusCode: 200, type: MESSAGE_RESPONSE, value: result.notice });
      return;
    }
    if (result.final) await updateCard(context, activity.replyToId, result.card);
    await invokeResponse(context, 200, { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card });
  }

  /** Action.Submit (older clients): the same actions, answered by updating the card's message. */
  async function onSubmit(context: TurnContext, activity: InboundActivity, tenantId: string): Promise<void> {
    const parsed = parseCardData(activity.value);
    if (!parsed) {
      await reply(context, 'That button is not valid any more.');
      return;
    }
    const identity = personOf(activity, tenantId);
    await touchSender(context, activity, tenantId, identity);
    const result = await handleCardAction({
      context,
      activity,
      identity,
      tenantId,
      data: parsed.data,
      inputs: parsed.inputs,
    });
    if ('notice' in result) await reply(context, result.notice);
    else if (activity.replyToId) await updateCard(context, activity.replyToId, result.card);
    else await reply(context, result.card);
  }

  /** Every personal activity refreshes where the person can be reached. */
  async function touchSender(
    context: TurnContext,
    activity: InboundActivity,
    tenantId: string,
    identity: Identity,
  ): Promise<void> {
    if (scopeOf(activity) !== 'personal') return;
    const address = await rememberAddress(context, activity, tenantId, identity.userId);
    await refreshParticipant(identity, address);
  }

  // ---- typed messages ------------------------------------------------------------------------------------

  async function answerTyped(context: TurnContext, identity: Identity, text: string): Promise<void> {
    if (text.toLowerCase() === 'claim') {
      await reply(
        context,
        'Claiming works in a team channel: add me to the channel where curators want alerts and type **claim** there (mention me).',
      );
      return;
    }
    const command = parseCommand(text);
    switch (command.name) {
      case 'help':
        await reply(context, helpText(''));
        return;
      case 'start':
        await reply(context, await experimentFormCard(identity));
        return;
      case 'checkin': {
        const form = await checkinCard(identity);
        await reply(context, form ?? 'No checkpoint is open right now. I will message you at the next one.');
        return;
      }
      case 'status':
        await reply(context, statusCard(await service.status(identity).catch(() => null)));
        return;
      case 'pause':
        await service.pause(identity);
        await reply(context, 'Paused. No nudges or surveys until you type **resume**.');
        return;
      case 'resume':
        await service.resume(identity);
        await reply(context, 'Resumed. Your next message is planned; type **status** to see it.');
        return;
      case 'snooze': {
        const until = await service.snooze(identity, command.days);
        await reply(
          context,
          `Snoozed for ${command.days} day${command.days === 1 ? '' : 's'}, until ${until}. Messages resume by themselves.`,
        );
        return;
      }
      case 'optout':
        await service.optOut(identity);
        await reply(
          context,
          'Done: you will get no more coaching messages. Your consent choice is recorded.',
        );
        return;
      case 'forget-me':
        if (!options.privacy) {
          await reply(context, 'Erasure is not available here; ask your program admin.');
          return;
        }
        await options.privacy.forgetMe(identity);
        await reply(
          context,
          'Done: I erased your personal data and everything you typed (notes, experiment and charter texts). Only anonymous totals remain. You will not hear from me again unless you write to me.',
        );
        return;
      case 'invalid':
        await reply(context, command.message);
        return;
      case 'unknown':
        await reply(context, `I don't know "${command.word}".\n\n${helpText('')}`);
        return;
    }
  }

  async function onPersonalMessage(
    context: TurnContext,
    activity: InboundActivity,
    tenantId: string,
  ): Promise<void> {
    const identity = personOf(activity, tenantId);
    const address = await rememberAddress(context, activity, tenantId, identity.userId);
    const text = typedText(activity);
    try {
      if (await firstContact(identity)) {
        await refreshParticipant(identity, address);
        await reply(
          context,
          "Welcome! I've sent you a short note about what I keep and who sees it. Accept it there, then try again.",
        );
        return;
      }
      let participant = (await refreshParticipant(identity, address))!;
      await resendConsentIfLost(participant);
      await service.touch(participant);
      participant = await updateTimezone(participant, activity);
      const charterReply = await mentoring.answerCharterChat(identity, text);
      if (charterReply === '') return;
      if (charterReply !== null) {
        await reply(context, charterReply);
        return;
      }
      await answerTyped(context, identity, text);
    } catch (error) {
      await reply(context, explain(error));
    }
  }

  // ---- installs ------------------------------------------------------------------------------------------

  async function onPersonalInstall(
    context: TurnContext,
    activity: InboundActivity,
    tenantId: string,
  ): Promise<void> {
    const identity = personOf(activity, tenantId);
    const address = await rememberAddress(context, activity, tenantId, identity.userId);
    const existing = await store.participants.findByIdentity(identity);
    const first = activity.from.name?.split(' ')[0];
    if (existing) {
      const participant = (await refreshParticipant(identity, address))!;
      await reply(
        context,
        participant.consent === 'pending'
          ? `Hi${first ? ` ${first}` : ''}! I'm your coaching companion. You'll find a short note on what I keep and who sees it; once you accept, we can start.`
          : `Welcome back${first ? `, ${first}` : ''}! Type **status** to see where you are, or **help** for what I understand.`,
      );
      await resendConsentIfLost(participant);
      return;
    }
    await reply(
      context,
      `Hi${first ? ` ${first}` : ''}! I'm your coaching companion. First, a short note on what I keep and who sees it; once you accept, you can set up your experiment. Type **help** any time.`,
    );
    try {
      await firstContact(identity);
      await refreshParticipant(identity, address);
    } catch (error) {
      await reply(context, explain(error));
    }
  }

  async function onPersonalRemoved(identity: Identity): Promise<void> {
    const participant = await store.participants.findByIdentity(identity);
    if (participant?.reachable) {
      await store.participants.update(participant.id, { reachable: false });
      log.info({ participantId: participant.id }, 'the Teams app was removed; person marked unreachable');
    }
  }

  // ---- the turn ------------------------------------------------------------------------------------------

  async function logic(context: TurnContext): Promise<void> {
    const parsed = inboundActivitySchema.safeParse(context.activity);
    if (!parsed.success) {
      log.warn(
        { issues: parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5) },
        'Teams activity ignored: unexpected shape',
      );
      if (context.activity.type === ActivityTypes.Invoke)
        await invokeResponse(context, 400, { error: 'unexpected activity' });
      return;
    }
    const activity = parsed.data;
    const tenantId = tenantOf(activity);
    if (!tenantId) {
      log.warn({ type: activity.type }, 'Teams activity ignored: no tenant');
      if (activity.type === ActivityTypes.Invoke) await invokeResponse(context, 400, { error: 'no tenant' });
      return;
    }
    const now = service.clock.now();
    if (
      activity.id &&
      !(await store.inbound.firstSeen(`teams:${activity.conversation.id}:${activity.id}`, now))
    ) {
      log.info({ type: activity.type }, 'duplicate Teams activity ignored');
      if (activity.type === ActivityTypes.Invoke) {
        await invokeResponse(context, 200, {
          statusCode: 200,
          type: MESSAGE_RESPONSE,
          value: 'Already done.',
        });
      }
      return;
    }
    await addresses.rememberTenant(tenantId, {
      serviceUrl: activity.serviceUrl,
      botId: activity.recipient.id,
    });
    const scope = scopeOf(activity);
    switch (activity.type) {
      case ActivityTypes.ConversationUpdate:
        if (includesBot(activity, activity.membersAdded)) {
          if (scope === 'personal') await onPersonalInstall(context, activity, tenantId);
          else await teamsMentoring.onChannelInstall(context, activity, tenantId);
        } else if (includesBot(activity, activity.membersRemoved)) {
          if (scope === 'personal') await onPersonalRemoved(personOf(activity, tenantId));
          else await teamsMentoring.onChannelRemoved(activity, tenantId);
        }
        return;
      case ActivityTypes.InstallationUpdate:
        if (scope === 'personal') {
          if (activity.action?.startsWith('remove')) await onPersonalRemoved(personOf(activity, tenantId));
          else await touchSender(context, activity, tenantId, personOf(activity, tenantId));
        }
        return;
      case ActivityTypes.Invoke:
        if (activity.name === 'adaptiveCard/action') await onExecute(context, activity, tenantId);
        // Any other invoke is not something this bot offers: a client error, not a 501 from the adapter.
        else
          await invokeResponse(context, 400, { error: `unsupported invoke ${activity.name ?? '(no name)'}` });
        return;
      case ActivityTypes.Message:
        if (activity.value !== undefined && !typedText(activity)) {
          await onSubmit(context, activity, tenantId);
          return;
        }
        if (scope === 'personal') await onPersonalMessage(context, activity, tenantId);
        else if (scope === 'channel') await teamsMentoring.onChannelMessage(context, activity, tenantId);
        else
          await reply(
            context,
            'I work in a 1:1 chat with you, and in team channels for curators. Message me directly to get started.',
          );
        return;
      default:
        return;
    }
  }

  return {
    adapter,
    sender,
    requestListener: createTeamsRequestListener({
      adapter,
      logic,
      authRequired: Boolean(options.auth.appId),
      logger: log,
      ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
    }),
    start: () => addresses.load(),
    curatorChannelFor,
  };
}
