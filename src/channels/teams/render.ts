import { z } from 'zod';
import type { FormDefinition, FormField, RawFormValues } from '../../core/forms.js';
import { ACTION_NAMES, type Action, type Block, type Message } from '../../core/messages.js';

/**
 * Adaptive Cards for Teams, from the channel-neutral message and form model. Teams renders cards up to
 * version 1.5; every card here declares 1.5 and uses only 1.5 elements (the tests hold each card the bot
 * sends against the adaptivecards 1.5 parser). Buttons are Action.Execute (Universal Actions): Teams
 * answers with an `adaptiveCard/action` invoke and the bot's answer replaces the card.
 */

export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

/** Limits kept well inside what Teams accepts (a whole message must stay under about 28 KB). */
export const TEAMS_LIMITS = {
  textBlock: 4000,
  buttonTitle: 60,
  choiceTitle: 120,
  choices: 100,
  placeholder: 150,
  summary: 200,
  ref: 200,
} as const;

/** Submit actions of Teams forms (a form is a card here, not a modal); the rest are the core's buttons. */
export const FORM_SUBMITS = [
  'form.experiment',
  'form.survey',
  'form.checkin',
  'form.charter',
  'form.changes',
  'form.note',
  'form.alert',
  'alert.cancel',
] as const;
export type FormSubmit = (typeof FORM_SUBMITS)[number];
export type CardActionName = (typeof ACTION_NAMES)[number] | FormSubmit;

const CARD_ACTION_NAMES: readonly string[] = [...ACTION_NAMES, ...FORM_SUBMITS];
/** Keys the card data itself uses; a form field may not take them, or its input would overwrite them. */
const RESERVED_KEYS = new Set(['a', 'r', 'v']);

/** What a button or a form carries: which action, which object, which choice. Never proof of permission. */
export interface CardData {
  a: CardActionName;
  r: string;
  v?: string;
}

/** Card data as it comes back from Teams: the button's data merged with the card's input values. */
export const cardDataSchema = z
  .object({
    a: z.string().refine((a) => CARD_ACTION_NAMES.includes(a), 'unknown action'),
    r: z.string().min(1).max(TEAMS_LIMITS.ref),
    v: z.string().max(TEAMS_LIMITS.ref).optional(),
  })
  .catchall(z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]));

export type ParsedCardData = { data: CardData; inputs: RawFormValues };

export function parseCardData(raw: unknown): ParsedCardData | null {
  const parsed = cardDataSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { a, r, v, ...rest } = parsed.data;
  const inputs: RawFormValues = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value === null || value === undefined) continue;
    inputs[key] = String(value);
  }
  return { data: { a: a as CardActionName, r, ...(v === undefined ? {} : { v }) }, inputs };
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The core's tiny markup (*bold*, _italic_) and its command hints, in the markdown subset Teams renders:
 * **bold**, _italic_; "/coach start" becomes **start**, since in Teams people type the word to the bot.
 */
export function teamsMarkdown(text: string): string {
  return text
    .replace(/`\/coach ([^`]+)`/g, '**$1**')
    .replace(/\/coach ([a-z][\w-]*(?: \d+)?)/g, '**$1**')
    .replace(/`([^`\n]+)`/g, '**$1**')
    .replace(/(^|[^*\w])\*([^\s*](?:[^*\n]*?[^\s*])?)\*(?=[^*\w]|$)/g, '$1**$2**');
}

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: clip(teamsMarkdown(text), TEAMS_LIMITS.textBlock), wrap: true, ...extra };
}

function executeAction(
  action: Pick<Action, 'label' | 'style'>,
  data: CardData,
  extra: CardElement = {},
): CardElement {
  return {
    type: 'Action.Execute',
    title: clip(action.label, TEAMS_LIMITS.buttonTitle),
    verb: data.a,
    data,
    ...(action.style === 'primary'
      ? { style: 'positive' }
      : action.style === 'danger'
        ? { style: 'destructive' }
        : {}),
    ...extra,
  };
}

export function actionData(action: Action): CardData {
  return {
    a: action.action,
    r: clip(action.ref, TEAMS_LIMITS.ref),
    ...(action.value === undefined ? {} : { v: action.value }),
  };
}

/** The card elements of message blocks, in order. */
export function renderBlocks(blocks: readonly Block[]): CardElement[] {
  const out: CardElement[] = [];
  let separate = false;
  const push = (element: CardElement) => {
    out.push(separate ? { ...element, separator: true, spacing: 'Medium' } : element);
    separate = false;
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'text':
        push(textBlock(block.text));
        break;
      case 'fields':
        push({
          type: 'Container',
          items: block.fields.flatMap((f, i) => [
            textBlock(f.label, { weight: 'Bolder', ...(i > 0 ? { spacing: 'Medium' } : {}) }),
            textBlock(f.value, { spacing: 'None' }),
          ]),
        });
        break;
      case 'actions':
        if (block.actions.length > 0) {
          push({
            type: 'ActionSet',
            actions: block.actions.map((a) => executeAction(a, actionData(a), { associatedInputs: 'none' })),
          });
        }
        break;
      case 'context':
        push(textBlock(block.text, { isSubtle: true, size: 'Small' }));
        break;
      case 'divider':
        separate = true;
        break;
    }
  }
  return out;
}

export function card(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    body: body.length > 0 ? body : [textBlock(' ')],
    ...(actions && actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function renderMessageCard(message: Message): AdaptiveCard {
  return card(renderBlocks(message.blocks));
}

/** Whether a message is plain text (sent as a chat message rather than a card). */
export function isPlainText(message: Message): boolean {
  return message.blocks.every((b) => b.type === 'text' || b.type === 'context' || b.type === 'divider');
}

/** A plain-text message in Teams markdown. */
export function renderMessageText(message: Message): string {
  const parts = message.blocks.flatMap((b) =>
    b.type === 'text' ? [b.text] : b.type === 'context' ? [`_${b.text}_`] : [],
  );
  return teamsMarkdown(parts.length > 0 ? parts.join('\n\n') : message.text);
}

export interface FormCardOptions {
  /** What the submit button carries (the inputs are merged into it by Teams). */
  submit: CardData;
  initial?: RawFormValues;
  errors?: Record<string, string>;
  /** Message blocks shown above the inputs. */
  intro?: readonly Block[];
  title?: string;
  submitLabel?: string;
  /** Choices for `person` fields: people the bot knows, value = their Microsoft Entra object id. */
  people?: readonly { value: string; label: string }[];
  /** An optional second button that discards the form (no inputs sent). */
  cancel?: { label: string; data: CardData };
}

const REQUIRED_MESSAGE = 'Please fill this in.';

function inputFor(
  field: FormField,
  initial: string | undefined,
  people: FormCardOptions['people'],
): CardElement {
  const base: CardElement = {
    id: field.id,
    label: field.label,
    ...(field.optional ? {} : { isRequired: true, errorMessage: REQUIRED_MESSAGE }),
  };
  const placeholder = field.placeholder ?? field.hint;
  const withPlaceholder = placeholder ? { placeholder: clip(placeholder, TEAMS_LIMITS.placeholder) } : {};
  switch (field.type) {
    case 'text':
    case 'multiline':
      return {
        type: 'Input.Text',
        ...base,
        ...withPlaceholder,
        ...(field.type === 'multiline' ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(initial ? { value: initial } : {}),
      };
    case 'number': {
      const value = initial === undefined || initial.trim() === '' ? Number.NaN : Number(initial);
      return {
        type: 'Input.Number',
        ...base,
        ...withPlaceholder,
        ...(Number.isFinite(value) ? { value } : {}),
      };
    }
    case 'date':
      return {
        type: 'Input.Date',
        ...base,
        ...(initial && /^\d{4}-\d{2}-\d{2}$/.test(initial) ? { value: initial } : {}),
      };
    case 'select': {
      const choices = (field.options ?? [])
        .slice(0, TEAMS_LIMITS.choices)
        .map((o) => ({ title: clip(o.label, TEAMS_LIMITS.choiceTitle), value: o.value }));
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'compact',
        choices,
        ...(initial && choices.some((c) => c.value === initial) ? { value: initial } : {}),
      };
    }
    case 'person': {
      const choices = (people ?? [])
        .slice(0, TEAMS_LIMITS.choices)
        .map((p) => ({ title: clip(p.label, TEAMS_LIMITS.choiceTitle), value: p.value }));
      if (choices.length === 0) throw new RangeError(`no people to choose from for ${field.id}`);
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'filtered',
        choices,
        ...(initial && choices.some((c) => c.value === initial) ? { value: initial } : {}),
      };
    }
  }
}

/**
 * A form as a card: one input per field (ids are the field ids, so values come back keyed like the form),
 * each error in red right under its field, and a submit button that carries `submit`.
 */
export function renderFormCard(form: FormDefinition, options: FormCardOptions): AdaptiveCard {
  const errors = options.errors ?? {};
  const fieldIds = new Set(form.fields.map((f) => f.id));
  const body: CardElement[] = [textBlock(options.title ?? form.title, { size: 'Medium', weight: 'Bolder' })];
  body.push(...renderBlocks(options.intro ?? []));
  const loose = Object.entries(errors).filter(([id]) => !fieldIds.has(id));
  for (const [, message] of loose) body.push(textBlock(message, { color: 'Attention' }));
  for (const field of form.fields) {
    if (RESERVED_KEYS.has(field.id))
      throw new RangeError(`form field id "${field.id}" is reserved for card data`);
    body.push(inputFor(field, options.initial?.[field.id], options.people));
    const error = errors[field.id];
    if (error) body.push(textBlock(error, { color: 'Attention', size: 'Small', spacing: 'None' }));
  }
  const actions = [
    executeAction({ label: options.submitLabel ?? form.submitLabel, style: 'primary' }, options.submit),
  ];
  if (options.cancel)
    actions.push(
      executeAction({ label: options.cancel.label }, options.cancel.data, { associatedInputs: 'none' }),
    );
  return card(body, actions);
}

/** The attachment botbuilder sends for a card. */
export function cardAttachment(adaptiveCard: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: CARD_CONTENT_TYPE, content: adaptiveCard };
}
