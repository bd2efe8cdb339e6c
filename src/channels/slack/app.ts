import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { helpText, parseCommand } from '../../app/commands.js';
import { NotAllowedError, UserFacingError } from '../../app/errors.js';
import type { MentoringService } from '../../app/mentoring.js';
import type { PrivacyService } from '../../app/privacy.js';
import type { CoachingService } from '../../app/service.js';
import { statusLines } from '../../app/status.js';
import { CHARTER_PAGES, charterPageForm } from '../../core/charter.js';
import {
  checkinForm,
  experimentForm,
  nudgeAnsweredMessage,
  surveyAnsweredMessage,
  surveyDetailsForm,
} from '../../core/coaching.js';
import type { FormDefinition, RawFormValues } from '../../core/forms.js';
import { CURATOR_FORMS, changeRequestForm, milestoneNoteForm } from '../../core/mentoring.js';
import type { ActionName, Message } from '../../core/messages.js';
import type { Identity } from '../../core/participant.js';
import type { Logger } from '../../logger.js';
import { renderHome } from './home.js';
import { registerMentoring } from './mentoring.js';
import {
  ACTION_ID_PATTERN,
  buttonValueSchema,
  decodeActionId,
  readModalValues,
  renderMessage,
  renderModal,
} from './render.js';
import { slackLibraryLogger } from './sender.js';

export interface SlackAppOptions {
  botToken: string;
  signingSecret?: string;
  /** Socket Mode when set. */
  appToken?: string;
  apiUrl: string;
  service: CoachingService;
  mentoring?: MentoringService;
  privacy?: PrivacyService;
  logger: Logger;
  /** Asks the dispatcher to send what was just queued. */
  kick: () => void;
  /** Known at start-up to skip Bolt's auth.test call. */
  botId?: string;
  botUserId?: string;
  bodyLimitBytes?: number;
}

export interface SlackChannel {
  app: App;
  client: WebClient;
  /** The HTTP handler for POST /slack/events (HTTP mode only). */
  requestListener:
    | ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void)
    | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Whether a user is a member of a Slack user group (for the curator role). */
  isInUsergroup(usergroupId: string, userId: string): Promise<boolean>;
}

// ---- payload shapes, checked at the edge -------------------------------------------------------------

const commandSchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  team_id: z.string().min(1),
  trigger_id: z.string().optional(),
  channel_id: z.string().optional(),
});

const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullish(),
  trigger_id: z.string().optional(),
  container: z
    .object({
      type: z.string().optional(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string(), text: z.string().optional() }).optional(),
  actions: z
    .array(
      z.object({ action_id: z.string().regex(ACTION_ID_PATTERN), value: z.string().max(2000).optional() }),
    )
    .length(1),
});

const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullish(),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().max(3000).default(''),
    state: z.unknown(),
  }),
});

const surveyMetadataSchema = z.object({
  s: z.string().min(1),
  c: z.string().optional(),
  t: z.string().optional(),
});

const imMessageSchema = z.object({
  type: z.literal('message'),
  channel_type: z.literal('im'),
  user: z.string().min(1),
  text: z.string().default(''),
  ts: z.string(),
  channel: z.string(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
});

const homeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().optional(),
});

const userInfoSchema = z.object({
  user: z.object({
    tz: z.string().optional(),
    real_name: z.string().optional(),
    profile: z.object({ email: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

/** Every modal this app opens; a submission of any other callback id is acknowledged and ignored. */
const KNOWN_FORMS: readonly FormDefinition[] = [
  experimentForm,
  surveyDetailsForm,
  checkinForm,
  ...CHARTER_PAGES.map((_, page) => charterPageForm(page)),
  changeRequestForm,
  milestoneNoteForm,
  ...Object.values(CURATOR_FORMS),
];

const usergroupSchema = z.object({ users: z.array(z.string()).default([]) });

const GENERIC_FAILURE = 'Something went wrong on our side; nothing was saved. Please try again in a minute.';

/** Bolt's own messages: only warnings and errors pass (its debug output can carry request payloads). */
function boltLogger(logger: Logger): BoltLogger {
  return slackLibraryLogger(logger, 'bolt');
}

export function createSlackChannel(options: SlackAppOptions): SlackChannel {
  const { service, logger, kick } = options;
  const clientOptions = { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 }, timeout: 10_000 };
  const receiver = options.appToken
    ? null
    : new HTTPReceiver({
        signingSecret: options.signingSecret ?? '',
        endpoints: '/slack/events',
        logger: boltLogger(logger),
        bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
        unhandledRequestTimeoutMillis: 3001,
      });
  const app = new App({
    token: options.botToken,
    logger: boltLogger(logger),
    logLevel: LogLevel.WARN,
    clientOptions,
    ...(options.botId && options.botUserId ? { botId: options.botId, botUserId: options.botUserId } : {}),
    ...(receiver ? { receiver } : { socketMode: true, appToken: options.appToken }),
  });
  const client = app.client;

  const log = logger.child({ channel: 'slack' });

  const identityOf = (teamId: string, userId: string): Identity => ({
    platform: 'slack',
    workspaceId: teamId,
    userId,
  });

  async function tell(channel: string | undefined, user: string, text: string): Promise<void> {
    if (!channel) return;
    try {
      await client.chat.postEphemeral({ channel, user, text });
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not post an ephemeral reply');
    }
  }

  function explain(error: unknown): string {
    if (error instanceof UserFacingError) return error.message;
    log.error({ err: (error as Error).message, stack: (error as Error).stack }, 'handler failed');
    return GENERIC_FAILURE;
  }

  async function publishHome(identity: Identity, notice?: string): Promise<void> {
    const participant = await service.store.participants.findByIdentity(identity);
    const view = participant ? await service.statusOf(participant) : null;
    try {
      await client.views.publish({
        user_id: identity.userId,
        view: renderHome(view, notice) as never,
      });
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not publish the home tab');
    }
  }

  async function update(
    channel: string | undefined,
    ts: string | undefined,
    message: Message,
  ): Promise<void> {
    if (!channel || !ts) return;
    const rendered = renderMessage(message);
    try {
      await client.chat.update({ channel, ts, text: rendered.text, blocks: rendered.blocks as never });
    } catch (error) {
      // The answer is already recorded; a message that cannot be updated (deleted, too old) changes nothing.
      log.warn({ err: (error as Error).message }, 'could not update the answered message');
    }
  }

  async function openForm(
    triggerId: string | undefined,
    form: FormDefinition,
    opts: Parameters<typeof renderModal>[1],
  ): Promise<void> {
    if (!triggerId) throw new UserFacingError('Slack did not send a way to open the form; please try again.');
    await client.views.open({ trigger_id: triggerId, view: renderModal(form, opts) as never });
  }

  /** First contact: enroll with consent pending and send the consent request; true when that happened. */
  async function firstContact(identity: Identity): Promise<boolean> {
    const { created } = await service.ensureParticipant(identity);
    if (created) kick();
    return created;
  }

  // ---- Events: dedupe every delivery by event_id before anything else runs --------------------------
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (
      typeof eventId === 'string' &&
      !(await service.store.inbound.firstSeen(`slack:${eventId}`, service.clock.now()))
    ) {
      log.info({ eventId }, 'duplicate event delivery ignored');
      return;
    }
    await next();
  });

  app.event('app_home_opened', async ({ event, body }) => {
    const parsed = homeOpenedSchema.safeParse(event);
    const teamId = (body as { team_id?: string }).team_id;
    if (!parsed.success || !teamId || parsed.data.tab === 'messages') return;
    const identity = identityOf(teamId, parsed.data.user);
    try {
      await firstContact(identity);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
    }
    await publishHome(identity);
  });

  app.event('message', async ({ event, body }) => {
    const parsed = imMessageSchema.safeParse(event);
    const teamId = (body as { team_id?: string }).team_id;
    if (!parsed.success || !teamId || parsed.data.bot_id || parsed.data.subtype) return;
    const identity = identityOf(teamId, parsed.data.user);
    try {
      if (await firstContact(identity)) return;
      const participant = (await service.store.participants.findByIdentity(identity))!;
      await service.touch(participant);
      const charterReply = options.mentoring
        ? await options.mentoring.answerCharterChat(identity, parsed.data.text)
        : null;
      if (charterReply === '') return;
      const reply = charterReply ?? (await answerTyped(identity, parsed.data.text));
      await service.notify(participant, `dm:${parsed.data.ts}`, reply, { reply: true });
      kick();
    } catch (error) {
      log.warn({ err: explain(error) }, 'direct message not handled');
    }
  });

  /** Typed commands in a DM give the same answers as /coach, minus the ones that need a form. */
  async function answerTyped(identity: Identity, text: string): Promise<string> {
    const command = parseCommand(text);
    switch (command.name) {
      case 'start':
      case 'checkin':
        return `Use \`/coach ${command.name}\` or the buttons on my Home tab: that opens a short form.`;
      case 'unknown':
        return helpText('/coach ');
      default:
        return runTextCommand(identity, command);
    }
  }

  async function runTextCommand(
    identity: Identity,
    command: ReturnType<typeof parseCommand>,
  ): Promise<string> {
    switch (command.name) {
      case 'help':
        return helpText('/coach ');
      case 'status':
        return statusLines(await service.status(identity)).join('\n');
      case 'pause':
        await service.pause(identity);
        return 'Paused. No nudges or surveys until you `/coach resume`.';
      case 'resume':
        await service.resume(identity);
        return 'Resumed. Your next message is planned; see `/coach status`.';
      case 'snooze': {
        const until = await service.snooze(identity, command.days);
        return `Snoozed for ${command.days} day${command.days === 1 ? '' : 's'}, until ${until}. Messages resume by themselves.`;
      }
      case 'optout':
        await service.optOut(identity);
        return 'Done: you will get no more coaching messages. Your consent choice is recorded.';
      case 'forget-me':
        if (!options.privacy) return 'Erasure is not available here; ask your program admin.';
        await options.privacy.forgetMe(identity);
        return 'Done: I erased your personal data and everything you typed (notes, experiment and charter texts). Only anonymous totals remain. You will not hear from me again unless you write to me.';
      case 'invalid':
        return command.message;
      case 'unknown':
        return `I don't know "${command.word}".\n${helpText('/coach ')}`;
      default:
        return helpText('/coach ');
    }
  }

  // ---- /coach -----------------------------------------------------------------------------------------
  app.command('/coach', async ({ command, ack }) => {
    const parsed = commandSchema.safeParse(command);
    if (!parsed.success) {
      await ack({ response_type: 'ephemeral', text: 'That request was not understood.' });
      return;
    }
    const { user_id: userId, team_id: teamId, text, trigger_id: triggerId } = parsed.data;
    const identity = identityOf(teamId, userId);
    const sub = parseCommand(text);
    try {
      if (mentoringSlack && /^pair\b/i.test(text.trim())) {
        await ack({ response_type: 'ephemeral', text: await mentoringSlack.pairCommand(identity, text) });
        return;
      }
      if (await firstContact(identity)) {
        await ack({
          response_type: 'ephemeral',
          text: "Welcome! I've sent you a direct message about what I keep and who sees it. Accept it there, then try again.",
        });
        return;
      }
      const participant = (await service.store.participants.findByIdentity(identity))!;
      await service.touch(participant);
      if (sub.name === 'start') {
        const initial = await service.experimentFormDefaults(identity);
        await ack();
        await openForm(triggerId, experimentForm, {
          initial,
          ...(initial.behavior ? { submitLabel: 'Save changes' } : {}),
        });
        return;
      }
      if (sub.name === 'checkin') {
        const current = await service.currentSurvey(identity);
        if (!current) {
          await ack({
            response_type: 'ephemeral',
            text: 'No checkpoint is open right now. I will message you at the next one.',
          });
          return;
        }
        await ack();
        await openForm(triggerId, checkinForm, {
          privateMetadata: JSON.stringify({ s: current.survey.id }),
          intro: `Day ${current.survey.checkpointDay} checkpoint for *${current.experiment.behavior}*`,
        });
        return;
      }
      const reply =
        sub.name === 'unknown'
          ? `I don't know "${sub.word}".\n${helpText('/coach ')}`
          : await runTextCommand(identity, sub);
      await ack({ response_type: 'ephemeral', text: reply });
    } catch (error) {
      await ack({ response_type: 'ephemeral', text: explain(error) }).catch(() => undefined);
    }
  });

  // ---- Buttons --------------------------------------------------------------------------------------
  app.action(ACTION_ID_PATTERN, async ({ body, ack }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.length }, 'block action payload rejected');
      return;
    }
    const payload = parsed.data;
    const teamId = payload.team?.id ?? payload.user.team_id;
    const action = payload.actions[0]!;
    const name = decodeActionId(action.action_id);
    const value = buttonValueSchema.safeParse(JSON.parse(action.value ?? '{}'));
    const channel = payload.container?.channel_id ?? payload.channel?.id;
    const ts = payload.container?.message_ts ?? payload.message?.ts;
    if (!teamId || !name || !value.success) {
      await tell(channel, payload.user.id, 'That button is not valid any more.');
      return;
    }
    const identity = identityOf(teamId, payload.user.id);
    const context = {
      identity,
      ref: value.data.r,
      value: value.data.v,
      channel,
      ts,
      triggerId: payload.trigger_id,
      fromHome: payload.container?.type === 'view',
    };
    try {
      await handleAction(name, context);
    } catch (error) {
      const text = explain(error);
      if (context.fromHome) await publishHome(identity, text);
      else await tell(channel, payload.user.id, text);
    }
  });

  type ActionContext = {
    identity: Identity;
    ref: string;
    value: string | undefined;
    channel: string | undefined;
    ts: string | undefined;
    triggerId: string | undefined;
    fromHome: boolean;
  };

  async function handleAction(name: ActionName, ctx: ActionContext): Promise<void> {
    const { identity } = ctx;
    switch (name) {
      case 'consent.accept':
      case 'consent.decline': {
        const accept = name === 'consent.accept';
        const before = await service.store.participants.findByIdentity(identity);
        if (!before || before.id !== ctx.ref) throw new NotAllowedError();
        // Only after consent: look up the person's time zone and email.
        const profile = accept ? await lookUpProfile(identity.userId) : {};
        await service.decideConsent(identity, ctx.ref, accept, profile);
        await update(ctx.channel, ctx.ts, {
          text: accept ? 'Thank you — you are in.' : 'Understood — I will not message you about coaching.',
          blocks: accept
            ? [
                { type: 'text', text: 'Thank you — you are in. Next: pick one behavior to experiment with.' },
                {
                  type: 'actions',
                  actions: [
                    {
                      action: 'experiment.start',
                      ref: ctx.ref,
                      label: 'Start my experiment',
                      style: 'primary',
                    },
                  ],
                },
              ]
            : [
                {
                  type: 'text',
                  text: 'Understood — I will not message you about coaching. Nothing else about you is kept.',
                },
              ],
        });
        await publishHome(identity);
        return;
      }
      case 'experiment.start': {
        const initial = await service.experimentFormDefaults(identity);
        await openForm(ctx.triggerId, experimentForm, {
          initial,
          ...(initial.behavior ? { submitLabel: 'Save changes' } : {}),
        });
        return;
      }
      case 'experiment.pause':
      case 'experiment.resume':
      case 'experiment.snooze': {
        const current = await service.store.experiments.get(ctx.ref);
        const me = await service.store.participants.findByIdentity(identity);
        if (!current || !me || current.participantId !== me.id) throw new NotAllowedError();
        if (name === 'experiment.pause') await service.pause(identity);
        else if (name === 'experiment.resume') await service.resume(identity);
        else await service.snooze(identity, 7);
        await publishHome(identity, name === 'experiment.snooze' ? 'Snoozed for a week.' : undefined);
        return;
      }
      case 'nudge.did':
      case 'nudge.skip':
      case 'nudge.snooze': {
        const answer = name === 'nudge.did' ? 'did' : name === 'nudge.skip' ? 'skip' : 'snooze';
        const result = await service.answerNudge(identity, ctx.ref, ctx.value ?? '', answer);
        const experiment = await service.store.experiments.get(ctx.ref);
        const until = result.snoozedUntil;
        if (result.recorded)
          await update(
            ctx.channel,
            ctx.ts,
            nudgeAnsweredMessage(experiment?.behavior ?? 'Your experiment', answer, until),
          );
        return;
      }
      case 'survey.practice': {
        const { survey, experiment } = await service.answerPractice(identity, ctx.ref, ctx.value);
        await update(ctx.channel, ctx.ts, {
          text: `Day ${survey.checkpointDay} checkpoint: practice ${survey.practice}/5 saved.`,
          blocks: [
            {
              type: 'text',
              text: `Day ${survey.checkpointDay} checkpoint: practice ${survey.practice}/5 saved. One more step:`,
            },
            {
              type: 'actions',
              actions: [
                {
                  action: 'survey.details',
                  ref: survey.id,
                  label: `Add ${experiment.kpiName}`,
                  style: 'primary',
                },
              ],
            },
          ],
        });
        await openSurveyDetails(ctx, survey.id, experiment.kpiName, experiment.kpiUnit);
        return;
      }
      case 'survey.details': {
        const current = await service.store.surveys.get(ctx.ref);
        const me = await service.store.participants.findByIdentity(identity);
        if (!current || !me || current.participantId !== me.id) throw new NotAllowedError();
        const experiment = await service.store.experiments.get(current.experimentId);
        await openSurveyDetails(ctx, current.id, experiment?.kpiName ?? 'KPI', experiment?.kpiUnit ?? '');
        return;
      }
      default:
        if (mentoringSlack && (await mentoringSlack.handleAction(name, ctx))) return;
        throw new UserFacingError('That button is not valid any more.');
    }
  }

  async function openSurveyDetails(
    ctx: ActionContext,
    surveyId: string,
    kpiName: string,
    kpiUnit: string,
  ): Promise<void> {
    const metadata = JSON.stringify({
      s: surveyId,
      ...(ctx.channel ? { c: ctx.channel } : {}),
      ...(ctx.ts ? { t: ctx.ts } : {}),
    });
    await openForm(ctx.triggerId, surveyDetailsForm, {
      privateMetadata: metadata,
      intro: `*${kpiName}* today, in ${kpiUnit}`,
    });
  }

  async function lookUpProfile(
    userId: string,
  ): Promise<{ timezone?: string; email?: string | null; displayName?: string | null }> {
    try {
      const info = userInfoSchema.parse(await client.users.info({ user: userId }));
      return {
        ...(info.user.tz ? { timezone: info.user.tz } : {}),
        email: info.user.profile?.email ?? null,
        displayName: info.user.real_name ?? info.user.profile?.real_name ?? null,
      };
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'users.info failed; using the program time zone');
      return {};
    }
  }

  // ---- Modals -------------------------------------------------------------------------------------------
  type ViewAck = (
    response?:
      | { response_action: 'errors'; errors: Record<string, string> }
      | { response_action: 'push' | 'update'; view: unknown }
      | { response_action: 'clear' },
  ) => Promise<void>;

  async function submitForm(
    body: unknown,
    ack: ViewAck,
    handle: (
      identity: Identity,
      values: RawFormValues,
      metadata: string,
    ) => Promise<{
      errors?: Record<string, string>;
      after?: () => Promise<void>;
      response?: Parameters<ViewAck>[0];
    }>,
    form: FormDefinition,
  ): Promise<void> {
    const parsed = viewSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      await ack({
        response_action: 'errors',
        errors: { [form.fields[0]?.id ?? 'form']: 'That form could not be read; please reopen it.' },
      });
      return;
    }
    const teamId = parsed.data.team?.id ?? parsed.data.user.team_id;
    let values: RawFormValues;
    try {
      values = readModalValues(form, parsed.data.view.state);
    } catch {
      await ack({
        response_action: 'errors',
        errors: { [form.fields[0]?.id ?? 'form']: 'That form could not be read; please reopen it.' },
      });
      return;
    }
    if (!teamId) return ack();
    const identity = identityOf(teamId, parsed.data.user.id);
    try {
      const result = await handle(identity, values, parsed.data.view.private_metadata);
      if (result.errors) {
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      await ack(result.response);
      await result.after?.();
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { [form.fields[0]?.id ?? 'form']: explain(error) },
      }).catch(() => undefined);
    }
  }

  app.view('form:experiment', async ({ body, ack }) => {
    await submitForm(
      body,
      ack as ViewAck,
      async (identity, values) => {
        const result = await service.saveExperiment(identity, values);
        if (!result.ok) return { errors: result.errors };
        const experiment = result.value;
        return {
          after: async () => {
            const participant = (await service.store.participants.findByIdentity(identity))!;
            const status = await service.statusOf(participant);
            const next = status.nextMessage ? ` Your first message comes ${status.nextMessage.local}.` : '';
            await service.notify(
              participant,
              `experiment:${experiment.id}:v${experiment.version}`,
              experiment.version === 1
                ? `Your experiment is set: *${experiment.behavior}*, ${experiment.startDate} to ${experiment.endDate}.${next}`
                : `Your experiment is updated (version ${experiment.version}).${next}`,
              { reply: true },
            );
            kick();
            await publishHome(identity);
          },
        };
      },
      experimentForm,
    );
  });

  async function finishSurvey(
    identity: Identity,
    metadata: string,
    record: (surveyId: string) => Promise<{ errors?: Record<string, string> } | null>,
  ) {
    const meta = surveyMetadataSchema.safeParse(safeJson(metadata));
    if (!meta.success) throw new UserFacingError('That form is out of date; please reopen it.');
    const failed = await record(meta.data.s);
    if (failed?.errors) return { errors: failed.errors };
    return {
      after: async () => {
        const survey = await service.store.surveys.get(meta.data.s);
        const experiment = survey ? await service.store.experiments.get(survey.experimentId) : null;
        if (survey && experiment)
          await update(meta.data.c, meta.data.t, surveyAnsweredMessage(experiment, survey));
        await publishHome(identity);
      },
    };
  }

  app.view('form:survey', async ({ body, ack }) => {
    await submitForm(
      body,
      ack as ViewAck,
      (identity, values, metadata) =>
        finishSurvey(identity, metadata, async (surveyId) => {
          const result = await service.answerSurveyDetails(identity, surveyId, values);
          return result.ok ? null : { errors: result.errors };
        }),
      surveyDetailsForm,
    );
  });

  app.view('form:checkin', async ({ body, ack }) => {
    await submitForm(
      body,
      ack as ViewAck,
      (identity, values, metadata) =>
        finishSurvey(identity, metadata, async (surveyId) => {
          const result = await service.answerCheckin(identity, surveyId, values);
          return result.ok ? null : { errors: result.errors };
        }),
      checkinForm,
    );
  });

  const mentoringSlack = options.mentoring
    ? registerMentoring(app, {
        client,
        log,
        service,
        mentoring: options.mentoring,
        kick,
        identityOf,
        tell,
        explain,
        update,
        openForm,
        submitForm: (body, ack, handle, form) => submitForm(body, ack as ViewAck, handle, form),
      })
    : null;

  // Anything else that is signed but not ours: acknowledge at once and do nothing, instead of leaving
  // Slack waiting for three seconds.
  app.action(/^(?!cl:[a-z]+\.[a-z]+:\d+$)/, async ({ ack }) => {
    await ack();
  });
  app.view(new RegExp(`^(?!(${KNOWN_FORMS.map((f) => `form:${f.id}`).join('|')})$)`), async ({ ack }) => {
    await ack();
  });

  app.error(async (error) => {
    log.error({ err: error.message }, 'unhandled Slack error');
  });

  return {
    app,
    client,
    requestListener: receiver ? receiver.requestListener : null,
    start: async () => {
      if (!receiver) await app.start();
    },
    stop: async () => {
      if (!receiver) await app.stop();
    },
    isInUsergroup: async (usergroupId, userId) => {
      try {
        const result = usergroupSchema.parse(await client.usergroups.users.list({ usergroup: usergroupId }));
        return result.users.includes(userId);
      } catch (error) {
        log.warn({ err: (error as Error).message }, 'could not read the curator user group');
        return false;
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
