import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { UserFacingError } from '../../app/errors.js';
import type { MentoringService } from '../../app/mentoring.js';
import type { CoachingService } from '../../app/service.js';
import { CHARTER_PAGES, charterPageForm } from '../../core/charter.js';
import type { FormDefinition, RawFormValues } from '../../core/forms.js';
import {
  CURATOR_FORMS,
  type CuratorAction,
  changeRequestForm,
  curatorAlertHandledMessage,
  type MilestoneAnswer,
  milestoneConfirmedMessage,
  milestoneNoteForm,
} from '../../core/mentoring.js';
import type { ActionName, Message } from '../../core/messages.js';
import type { Identity, Participant } from '../../core/participant.js';
import type { Logger } from '../../logger.js';
import { renderModal } from './render.js';

type ViewResponse =
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'push' | 'update'; view: unknown }
  | { response_action: 'clear' };

type Handled = { errors?: Record<string, string>; after?: () => Promise<void>; response?: ViewResponse };

export interface SlackKit {
  client: WebClient;
  log: Logger;
  service: CoachingService;
  mentoring: MentoringService;
  kick: () => void;
  identityOf(teamId: string, userId: string): Identity;
  tell(channel: string | undefined, user: string, text: string): Promise<void>;
  explain(error: unknown): string;
  update(channel: string | undefined, ts: string | undefined, message: Message): Promise<void>;
  openForm(
    triggerId: string | undefined,
    form: FormDefinition,
    opts: Parameters<typeof renderModal>[1],
  ): Promise<void>;
  submitForm(
    body: unknown,
    ack: unknown,
    handle: (identity: Identity, values: RawFormValues, metadata: string) => Promise<Handled>,
    form: FormDefinition,
  ): Promise<void>;
}

export interface ActionContext {
  identity: Identity;
  ref: string;
  value: string | undefined;
  channel: string | undefined;
  ts: string | undefined;
  triggerId: string | undefined;
}

const charterMeta = z.object({
  p: z.string().min(1),
  g: z
    .number()
    .int()
    .min(0)
    .max(CHARTER_PAGES.length - 1),
});
const versionMeta = z.object({
  p: z.string().min(1),
  v: z.number().int().min(1),
  c: z.string().optional(),
  t: z.string().optional(),
});
const milestoneMeta = z.object({ m: z.string().min(1) });
const alertMeta = z.object({
  a: z.string().min(1),
  x: z.enum(['rematch', 'checkin', 'snooze', 'close']),
  c: z.string().optional(),
  t: z.string().optional(),
});

function parseMeta<T>(schema: z.ZodType<T>, raw: string): T {
  let json: unknown = null;
  try {
    json = JSON.parse(raw);
  } catch {
    json = null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new UserFacingError('That form is out of date; please open it again.');
  return parsed.data;
}

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

function nameOf(p: Participant | null, fallback: string): string {
  return p?.displayName ?? p?.email ?? fallback;
}

/** Slack rendering of the mentoring loop: charter forms and chat, the mentor's review, milestones, curator alerts. */
export function registerMentoring(app: App, kit: SlackKit) {
  const { mentoring, service } = kit;

  async function pairCommand(identity: Identity, text: string): Promise<string> {
    const ids = [...text.matchAll(MENTION)].map((m) => m[1]!);
    if (ids.length !== 2) return 'Usage: `/coach pair @mentor @mentee` (mention both people).';
    try {
      const pair = await mentoring.createPair(
        identity,
        kit.identityOf(identity.workspaceId, ids[0]!),
        kit.identityOf(identity.workspaceId, ids[1]!),
      );
      kit.kick();
      const intro =
        pair.introSentAt === null
          ? ' Introductions go out as soon as both have accepted the consent message.'
          : '';
      return `Paired <@${ids[0]}> (mentor) with <@${ids[1]}> (mentee).${intro}`;
    } catch (error) {
      return kit.explain(error);
    }
  }

  async function openCharterPage(ctx: ActionContext) {
    const { page, form, initial } = await mentoring.charterForm(ctx.identity, ctx.ref);
    await kit.openForm(ctx.triggerId, form, {
      initial,
      privateMetadata: JSON.stringify({ p: ctx.ref, g: page }),
    });
  }

  const MILESTONE_ACTIONS: Partial<Record<ActionName, MilestoneAnswer>> = {
    'milestone.met': 'met',
    'milestone.partly': 'partly',
    'milestone.notyet': 'not_yet',
  };

  async function handleAction(name: ActionName, ctx: ActionContext): Promise<boolean> {
    switch (name) {
      case 'charter.form':
        await openCharterPage(ctx);
        return true;
      case 'charter.chat': {
        const question = await mentoring.startCharterChat(ctx.identity, ctx.ref);
        const me = (await service.store.participants.findByIdentity(ctx.identity))!;
        await service.notify(me, `charter_chat:${ctx.ref}:${service.clock.now()}`, question, { reply: true });
        kit.kick();
        return true;
      }
      case 'charter.confirm': {
        const version = Number(ctx.value);
        const confirmed = await mentoring.confirmCharter(ctx.identity, ctx.ref, version);
        await kit.update(ctx.channel, ctx.ts, {
          text: `You confirmed the charter (version ${confirmed.version}). It is active now.`,
          blocks: [
            {
              type: 'text',
              text: `You confirmed the charter (version ${confirmed.version}). It is active now.`,
            },
          ],
        });
        kit.kick();
        return true;
      }
      case 'charter.changes':
        await mentoring.changeRequestFormFor(ctx.identity, ctx.ref, Number(ctx.value));
        await kit.openForm(ctx.triggerId, changeRequestForm, {
          privateMetadata: JSON.stringify({
            p: ctx.ref,
            v: Number(ctx.value),
            ...(ctx.channel ? { c: ctx.channel } : {}),
            ...(ctx.ts ? { t: ctx.ts } : {}),
          }),
        });
        return true;
      case 'milestone.note':
        await mentoring.milestoneNoteFormFor(ctx.identity, ctx.ref);
        await kit.openForm(ctx.triggerId, milestoneNoteForm, {
          privateMetadata: JSON.stringify({ m: ctx.ref }),
        });
        return true;
      case 'alert.rematch':
      case 'alert.checkin':
      case 'alert.snooze':
      case 'alert.close': {
        const action = name.slice('alert.'.length) as CuratorAction;
        const form = await mentoring.curatorForm(ctx.identity, ctx.ref, action);
        await kit.openForm(ctx.triggerId, form, {
          privateMetadata: JSON.stringify({
            a: ctx.ref,
            x: action,
            ...(ctx.channel ? { c: ctx.channel } : {}),
            ...(ctx.ts ? { t: ctx.ts } : {}),
          }),
        });
        return true;
      }
      default: {
        const answer = MILESTONE_ACTIONS[name];
        if (!answer) return false;
        const { milestone } = await mentoring.confirmMilestone(ctx.identity, ctx.ref, answer);
        await kit.update(ctx.channel, ctx.ts, milestoneConfirmedMessage(milestone));
        kit.kick();
        return true;
      }
    }
  }

  for (const [page] of CHARTER_PAGES.entries()) {
    const form = charterPageForm(page);
    app.view(`form:${form.id}`, async ({ body, ack }) => {
      await kit.submitForm(
        body,
        ack,
        async (identity, values, metadata) => {
          const meta = parseMeta(charterMeta, metadata);
          if (meta.g !== page) throw new UserFacingError('That form is out of date; please open it again.');
          const step = await mentoring.saveCharterPage(identity, meta.p, page, values);
          if (!step.ok) return { errors: step.errors };
          if (step.next) {
            return {
              response: {
                response_action: 'push',
                view: renderModal(step.next, {
                  initial: step.initial,
                  privateMetadata: JSON.stringify({ p: meta.p, g: page + 1 }),
                }),
              },
            };
          }
          return { response: { response_action: 'clear' }, after: async () => kit.kick() };
        },
        form,
      );
    });
  }

  app.view(`form:${changeRequestForm.id}`, async ({ body, ack }) => {
    await kit.submitForm(
      body,
      ack,
      async (identity, values, metadata) => {
        const meta = parseMeta(versionMeta, metadata);
        const result = await mentoring.requestCharterChanges(identity, meta.p, meta.v, values);
        if (!result.ok) return { errors: result.errors };
        return {
          after: async () => {
            const text = `You asked for changes to version ${meta.v}. I've passed your comment on.`;
            await kit.update(meta.c, meta.t, { text, blocks: [{ type: 'text', text }] });
            kit.kick();
          },
        };
      },
      changeRequestForm,
    );
  });

  app.view(`form:${milestoneNoteForm.id}`, async ({ body, ack }) => {
    await kit.submitForm(
      body,
      ack,
      async (identity, values, metadata) => {
        const meta = parseMeta(milestoneMeta, metadata);
        const result = await mentoring.noteMilestone(identity, meta.m, values);
        if (!result.ok) return { errors: result.errors };
        return { after: async () => kit.kick() };
      },
      milestoneNoteForm,
    );
  });

  for (const [action, form] of Object.entries(CURATOR_FORMS) as [CuratorAction, FormDefinition][]) {
    app.view(`form:${form.id}`, async ({ body, ack }) => {
      await kit.submitForm(
        body,
        ack,
        async (identity, values, metadata) => {
          const meta = parseMeta(alertMeta, metadata);
          if (meta.x !== action) throw new UserFacingError('That form is out of date; please open it again.');
          const result = await mentoring.curatorAct(identity, meta.a, action, values);
          if (!result.ok) return { errors: result.errors };
          return {
            after: async () => {
              kit.kick();
              const view = await mentoring.alertView(meta.a);
              if (!view) return;
              const curator = await service.store.participants.findByIdentity(identity);
              const at = new Date(service.clock.now()).toISOString().replace('T', ' ').slice(0, 16);
              await kit.update(
                meta.c,
                meta.t,
                curatorAlertHandledMessage(
                  view.alert,
                  nameOf(view.mentor, 'mentor'),
                  nameOf(view.mentee, 'mentee'),
                  curator?.displayName ?? `<@${identity.userId}>`,
                  `${at} UTC`,
                  result.summary,
                ),
              );
            },
          };
        },
        form,
      );
    });
  }

  return { handleAction, pairCommand };
}
