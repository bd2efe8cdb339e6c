import { z } from 'zod';
import type { RawFormValues } from '../../core/forms.js';
import {
  ACTION_NAMES,
  type Action,
  type ActionName,
  type Block,
  clip,
  type FieldView,
  type FormView,
  INSTANT_TOKEN,
  instantFallback,
  type Message,
} from '../../core/messages.js';

/** Block Kit limits that Slack enforces; the renderer keeps every message and view inside them. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  viewTitle: 24,
  privateMetadata: 3000,
  blockId: 255,
  optionText: 75,
  options: 100,
  contextText: 3000,
  fallbackText: 4000,
} as const;

export type SlackBlock = Record<string, unknown>;

/** Instants in Slack's own date formatting, so every reader sees their local time. */
export function slackMarkup(text: string): string {
  return text.replace(INSTANT_TOKEN, (_, ms: string) => {
    const seconds = Math.floor(Number(ms) / 1000);
    return `<!date^${seconds}^{date_short_pretty} {time}|${instantFallback(`<time:${ms}>`)}>`;
  });
}

const plain = (text: string, max: number) => ({ type: 'plain_text', text: clip(text, max), emoji: true });

export const ACTION_ID_PREFIX = 'cl:';
export const ACTION_ID_PATTERN = /^cl:[a-z]+\.[a-z]+:\d+$/;

/** What a button carries: which object and which choice. Parsed with zod when it comes back. */
export const buttonValueSchema = z.object({
  r: z.string().min(1).max(200),
  v: z.string().max(200).optional(),
});

export function encodeActionId(action: ActionName, index: number): string {
  return `${ACTION_ID_PREFIX}${action}:${index}`;
}

export function decodeActionId(actionId: string): ActionName | null {
  if (!ACTION_ID_PATTERN.test(actionId)) return null;
  const name = actionId.slice(ACTION_ID_PREFIX.length, actionId.lastIndexOf(':'));
  return (ACTION_NAMES as readonly string[]).includes(name) ? (name as ActionName) : null;
}

function renderButton(action: Action, index: number): SlackBlock {
  const value = JSON.stringify(
    action.value === undefined ? { r: action.ref } : { r: action.ref, v: action.value },
  );
  if (value.length > SLACK_LIMITS.buttonValue) throw new RangeError('button value too long for Slack');
  return {
    type: 'button',
    action_id: encodeActionId(action.action, index),
    text: plain(action.label, SLACK_LIMITS.buttonText),
    value,
    ...(action.style ? { style: action.style } : {}),
  };
}

export function renderBlocks(
  blocks: readonly Block[],
  maxBlocks: number = SLACK_LIMITS.messageBlocks,
): SlackBlock[] {
  const out: SlackBlock[] = [];
  blocks.forEach((block, index) => {
    switch (block.type) {
      case 'text':
        out.push({
          type: 'section',
          text: { type: 'mrkdwn', text: clip(slackMarkup(block.text), SLACK_LIMITS.sectionText) },
        });
        break;
      case 'fields':
        for (let i = 0; i < block.fields.length; i += SLACK_LIMITS.fields) {
          out.push({
            type: 'section',
            fields: block.fields.slice(i, i + SLACK_LIMITS.fields).map((f) => ({
              type: 'mrkdwn',
              text: clip(slackMarkup(`*${f.label}*\n${f.value}`), SLACK_LIMITS.fieldText),
            })),
          });
        }
        break;
      case 'actions':
        for (let i = 0; i < block.actions.length; i += SLACK_LIMITS.actionsElements) {
          out.push({
            type: 'actions',
            block_id: `actions-${index}-${i}`,
            elements: block.actions
              .slice(i, i + SLACK_LIMITS.actionsElements)
              .map((a, j) => renderButton(a, i + j)),
          });
        }
        break;
      case 'context':
        out.push({
          type: 'context',
          elements: [{ type: 'mrkdwn', text: clip(slackMarkup(block.text), SLACK_LIMITS.contextText) }],
        });
        break;
      case 'divider':
        out.push({ type: 'divider' });
        break;
    }
  });
  return out.slice(0, maxBlocks);
}

export function renderMessage(message: Message): { text: string; blocks: SlackBlock[] } {
  return {
    text: clip(instantFallback(message.text), SLACK_LIMITS.fallbackText),
    blocks: renderBlocks(message.blocks),
  };
}

/** The App Home tab: the status surface, inside the Home tab's limits. */
export function renderHome(message: Message): SlackBlock {
  const [title, ...rest] = message.blocks;
  const header =
    title?.type === 'text'
      ? [{ type: 'header', text: plain(title.text.replace(/^\*(.*)\*$/, '$1'), 150) }]
      : renderBlocks(title ? [title] : []);
  return { type: 'home', blocks: [...header, ...renderBlocks(rest, SLACK_LIMITS.viewBlocks - 1)] };
}

/** The block id of a form field's input: the field id, so inline errors land on the right field. */
export const INPUT_ACTION_ID = 'value';

/** What a modal carries back on submit: the flow's state, and the message it was opened from. */
export const modalMetadataSchema = z.object({
  s: z.string().max(2000),
  o: z.string().max(300).optional(),
});

function inputElement(field: FieldView): SlackBlock {
  const initial = field.initial;
  switch (field.type) {
    case 'text':
    case 'multiline':
      return {
        type: 'plain_text_input',
        action_id: INPUT_ACTION_ID,
        multiline: field.type === 'multiline',
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
        ...(initial ? { initial_value: initial } : {}),
      };
    case 'number':
      return {
        type: 'number_input',
        action_id: INPUT_ACTION_ID,
        is_decimal_allowed: true,
        ...(initial && Number.isFinite(Number(initial)) ? { initial_value: initial } : {}),
      };
    case 'date':
      return {
        type: 'datepicker',
        action_id: INPUT_ACTION_ID,
        ...(initial && /^\d{4}-\d{2}-\d{2}$/.test(initial) ? { initial_date: initial } : {}),
      };
    case 'person':
      return {
        type: 'users_select',
        action_id: INPUT_ACTION_ID,
        ...(initial ? { initial_user: initial } : {}),
      };
    case 'select': {
      const options = (field.options ?? []).slice(0, SLACK_LIMITS.options).map((o) => ({
        text: plain(o.label, SLACK_LIMITS.optionText),
        value: clip(o.value, SLACK_LIMITS.optionText),
      }));
      const initialOption = options.find((o) => o.value === initial);
      return {
        type: 'static_select',
        action_id: INPUT_ACTION_ID,
        options,
        ...(initialOption ? { initial_option: initialOption } : {}),
      };
    }
  }
}

/** A form as a modal: one input block per field (block id = field id), errors come back with the ack. */
export function renderModal(form: FormView, origin?: string): SlackBlock {
  const metadata = JSON.stringify({ s: form.state, ...(origin ? { o: origin } : {}) });
  if (metadata.length > SLACK_LIMITS.privateMetadata)
    throw new RangeError('private_metadata too long for Slack');
  const intro = renderBlocks(
    form.errors.length > 0 ? [...form.intro, { type: 'text', text: form.errors.join('\n') }] : form.intro,
  );
  const inputs = form.fields.map((field) => ({
    type: 'input',
    block_id: field.id,
    label: plain(field.label, 2000),
    optional: field.optional,
    element: inputElement(field),
    ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
  }));
  return {
    type: 'modal',
    callback_id: `form:${form.formId}`,
    title: plain(form.title, SLACK_LIMITS.viewTitle),
    submit: plain(form.submitLabel, SLACK_LIMITS.viewTitle),
    close: plain(form.cancelLabel, SLACK_LIMITS.viewTitle),
    private_metadata: metadata,
    blocks: [...intro.slice(0, SLACK_LIMITS.viewBlocks - inputs.length), ...inputs].slice(
      0,
      SLACK_LIMITS.viewBlocks,
    ),
  };
}

/** Inline errors for a modal's ack: every field error on its block, anything else on the first input. */
export function modalErrors(form: FormView): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of form.fields) if (field.error) errors[field.id] = clip(field.error, 2000);
  const first = form.fields[0]?.id;
  if (first && form.errors.length > 0) errors[first] ??= clip(form.errors.join(' '), 2000);
  return errors;
}

const inputStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_user: z.string().nullish(),
});

export const viewStateSchema = z.object({
  values: z.record(z.string().max(255), z.record(z.string().max(255), inputStateSchema)),
});

/** The people picked with Slack's user picker in a submitted modal, named by Slack's own mention. */
export function pickedUsers(state: unknown): Record<string, string> {
  const parsed = viewStateSchema.parse(state);
  const people: Record<string, string> = {};
  for (const inputs of Object.values(parsed.values)) {
    const user = inputs[INPUT_ACTION_ID]?.selected_user;
    if (user && /^[UW][A-Z0-9]+$/.test(user)) people[user] = `<@${user}>`;
  }
  return people;
}

/** Reads a submitted modal back into raw form values keyed by field (block) id. */
export function readModalValues(state: unknown): RawFormValues {
  const parsed = viewStateSchema.parse(state);
  const values: RawFormValues = {};
  for (const [blockId, inputs] of Object.entries(parsed.values)) {
    const input = inputs[INPUT_ACTION_ID];
    if (!input) continue;
    values[blockId] =
      input.value ?? input.selected_date ?? input.selected_option?.value ?? input.selected_user ?? undefined;
  }
  return values;
}
