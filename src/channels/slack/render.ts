import { z } from 'zod';
import type { FormDefinition, RawFormValues } from '../../core/forms.js';
import { ACTION_NAMES, type Action, type ActionName, type Block, type Message } from '../../core/messages.js';

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

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
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
          text: { type: 'mrkdwn', text: clip(block.text, SLACK_LIMITS.sectionText) },
        });
        break;
      case 'fields':
        for (let i = 0; i < block.fields.length; i += SLACK_LIMITS.fields) {
          out.push({
            type: 'section',
            fields: block.fields.slice(i, i + SLACK_LIMITS.fields).map((f) => ({
              type: 'mrkdwn',
              text: clip(`*${f.label}*\n${f.value}`, SLACK_LIMITS.fieldText),
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
          elements: [{ type: 'mrkdwn', text: clip(block.text, SLACK_LIMITS.contextText) }],
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
  return { text: clip(message.text, SLACK_LIMITS.fallbackText), blocks: renderBlocks(message.blocks) };
}

/** The block id of a form field's input: the field id, so inline errors land on the right field. */
export const INPUT_ACTION_ID = 'value';

export function renderModal(
  form: FormDefinition,
  options: {
    privateMetadata?: string;
    initial?: RawFormValues;
    title?: string;
    submitLabel?: string;
    intro?: string;
  } = {},
): SlackBlock {
  const metadata = options.privateMetadata ?? '';
  if (metadata.length > SLACK_LIMITS.privateMetadata)
    throw new RangeError('private_metadata too long for Slack');
  const blocks: SlackBlock[] = [];
  if (options.intro)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(options.intro, SLACK_LIMITS.sectionText) },
    });
  for (const field of form.fields) {
    const initial = options.initial?.[field.id];
    let element: SlackBlock;
    switch (field.type) {
      case 'text':
      case 'multiline':
        element = {
          type: 'plain_text_input',
          action_id: INPUT_ACTION_ID,
          multiline: field.type === 'multiline',
          ...(field.maxLength ? { max_length: field.maxLength } : {}),
          ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
          ...(initial ? { initial_value: initial } : {}),
        };
        break;
      case 'number':
        element = {
          type: 'number_input',
          action_id: INPUT_ACTION_ID,
          is_decimal_allowed: true,
          ...(initial ? { initial_value: initial } : {}),
        };
        break;
      case 'date':
        element = {
          type: 'datepicker',
          action_id: INPUT_ACTION_ID,
          ...(initial ? { initial_date: initial } : {}),
        };
        break;
      case 'person':
        element = {
          type: 'users_select',
          action_id: INPUT_ACTION_ID,
          ...(initial ? { initial_user: initial } : {}),
        };
        break;
      case 'select': {
        const options = (field.options ?? []).slice(0, SLACK_LIMITS.options).map((o) => ({
          text: plain(o.label, SLACK_LIMITS.optionText),
          value: clip(o.value, SLACK_LIMITS.optionText),
        }));
        const initialOption = options.find((o) => o.value === initial);
        element = {
          type: 'static_select',
          action_id: INPUT_ACTION_ID,
          options,
          ...(initialOption ? { initial_option: initialOption } : {}),
        };
        break;
      }
    }
    blocks.push({
      type: 'input',
      block_id: field.id,
      label: plain(field.label, 2000),
      optional: Boolean(field.optional),
      element,
      ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
    });
  }
  return {
    type: 'modal',
    callback_id: `form:${form.id}`,
    title: plain(options.title ?? form.title, SLACK_LIMITS.viewTitle),
    submit: plain(options.submitLabel ?? form.submitLabel, SLACK_LIMITS.viewTitle),
    close: plain('Cancel', SLACK_LIMITS.viewTitle),
    private_metadata: metadata,
    blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks),
  };
}

const inputStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_user: z.string().nullish(),
});

export const viewStateSchema = z.object({
  values: z.record(z.string(), z.record(z.string(), inputStateSchema)),
});

/** Reads a submitted modal back into raw form values keyed by field id. */
export function readModalValues(form: FormDefinition, state: unknown): RawFormValues {
  const parsed = viewStateSchema.parse(state);
  const values: RawFormValues = {};
  for (const field of form.fields) {
    const input = parsed.values[field.id]?.[INPUT_ACTION_ID];
    if (!input) continue;
    values[field.id] =
      input.value ?? input.selected_date ?? input.selected_option?.value ?? input.selected_user ?? undefined;
  }
  return values;
}
