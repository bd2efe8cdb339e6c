import { z } from 'zod';
import type { RawFormValues } from '../../core/forms.js';
import {
  ACTION_NAMES,
  type Action,
  type Block,
  clip,
  type FieldView,
  type FormView,
  INSTANT_TOKEN,
  type Message,
} from '../../core/messages.js';

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

/**
 * What a card's buttons carry. A core button: `a` (the action), `r` (the object it is about), `v` (its
 * choice). A form's submit button: `a: 'submit'`, `f` (the form), `s` (the flow's continuation state);
 * Teams merges the inputs into it by their ids.
 */
export const SUBMIT = 'submit';
export type CardActionName = (typeof ACTION_NAMES)[number] | typeof SUBMIT;

const CARD_ACTION_NAMES: readonly string[] = [...ACTION_NAMES, SUBMIT];
/** Keys the card data itself uses; a form field may not take them, or its input would overwrite them. */
const RESERVED_KEYS = new Set(['a', 'r', 'v', 'f', 's', 'o']);

export interface CardData {
  a: CardActionName;
  r?: string;
  v?: string;
  f?: string;
  s?: string;
  /** For a form sent as a card of its own: the message it was opened from, whose answer it gives. */
  o?: string;
}

/** Card data as it comes back from Teams: the button's data merged with the card's input values. */
export const cardDataSchema = z
  .object({
    a: z.string().refine((a) => CARD_ACTION_NAMES.includes(a), 'unknown action'),
    r: z.string().min(1).max(TEAMS_LIMITS.ref).optional(),
    v: z.string().max(TEAMS_LIMITS.ref).optional(),
    f: z.string().min(1).max(100).optional(),
    s: z.string().max(2000).optional(),
    o: z.string().min(1).max(512).optional(),
  })
  .catchall(z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]));

export type ParsedCardData = { data: CardData; inputs: RawFormValues };

export function parseCardData(raw: unknown): ParsedCardData | null {
  const parsed = cardDataSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { a, r, v, f, s, o, ...rest } = parsed.data;
  if (a === SUBMIT ? f === undefined || s === undefined : r === undefined) return null;
  const inputs: RawFormValues = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value === null || value === undefined) continue;
    inputs[key] = String(value);
  }
  const data: CardData = {
    a: a as CardActionName,
    ...(r === undefined ? {} : { r }),
    ...(v === undefined ? {} : { v }),
    ...(f === undefined ? {} : { f }),
    ...(s === undefined ? {} : { s }),
    ...(o === undefined ? {} : { o }),
  };
  return { data, inputs };
}

/**
 * The core's tiny markup (*bold*, _italic_) and its command hints, in the markdown subset Teams renders:
 * **bold**, _italic_; "/coach start" becomes **start**, since in Teams people type the word to the bot.
 */
export function teamsMarkdown(text: string): string {
  return text
    .replace(INSTANT_TOKEN, (_, ms: string) => {
      // Adaptive Cards' DATE and TIME show the instant in each reader's own zone and locale.
      const iso = new Date(Number(ms)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;
    })
    .replace(/`\/coach ([^`]+)`/g, '**$1**')
    .replace(/\/coach ([a-z][\w-]*(?: \d+)?)/g, '**$1**')
    .replace(/`([^`\n]+)`/g, '**$1**')
    .replace(/(^|[^*\w])\*([^\s*](?:[^*\n]*?[^\s*])?)\*(?=[^*\w]|$)/g, '$1**$2**');
}

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: clip(teamsMarkdown(text), TEAMS_LIMITS.textBlock), wrap: true, ...extra };
}

/**
 * A button: Action.Execute (Universal Actions: Teams answers with an invoke and the answer replaces the
 * card), with an Action.Submit fallback for clients without Universal Actions, carrying the same data to
 * the same handler.
 */
function executeAction(
  action: Pick<Action, 'label' | 'style'>,
  data: CardData,
  extra: CardElement = {},
): CardElement {
  const title = clip(action.label, TEAMS_LIMITS.buttonTitle);
  const style =
    action.style === 'primary'
      ? { style: 'positive' }
      : action.style === 'danger'
        ? { style: 'destructive' }
        : {};
  return {
    type: 'Action.Execute',
    title,
    verb: data.a,
    data,
    ...style,
    ...extra,
    fallback: { type: 'Action.Submit', title, data, ...style, ...extra },
  };
}

export function actionData(action: Action): CardData {
  if (action.ref.length > TEAMS_LIMITS.ref) throw new RangeError('button reference too long for a card');
  return { a: action.action, r: action.ref, ...(action.value === undefined ? {} : { v: action.value }) };
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

/** People to choose from for a `person` field: value = their Microsoft Entra object id. */
export type PeopleChoices = readonly { value: string; label: string }[];

function inputFor(field: FieldView, required: string, people: PeopleChoices | undefined): CardElement {
  const base: CardElement = {
    id: field.id,
    label: field.label,
    ...(field.optional ? {} : { isRequired: true, errorMessage: required }),
  };
  const initial = field.initial;
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
    case 'select':
    case 'person': {
      const options = field.type === 'select' ? (field.options ?? []) : (people ?? []);
      const choices = options
        .slice(0, TEAMS_LIMITS.choices)
        .map((o) => ({ title: clip(o.label, TEAMS_LIMITS.choiceTitle), value: o.value }));
      if (choices.length === 0) throw new RangeError(`no choices for ${field.id}`);
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: field.type === 'person' ? 'filtered' : 'compact',
        choices,
        ...(initial && choices.some((c) => c.value === initial) ? { value: initial } : {}),
      };
    }
  }
}

/**
 * A form as a card: one input per field (ids are the field ids, so values come back keyed like the form),
 * each error in red right under its field, a submit button that carries the form and its state, and a
 * way back when the flow gives one.
 */
export function renderFormCard(
  form: FormView,
  options: { people?: PeopleChoices; lead?: readonly Block[]; origin?: string } = {},
): AdaptiveCard {
  const body: CardElement[] = [...renderBlocks(options.lead ?? [])];
  body.push(textBlock(form.title, { size: 'Medium', weight: 'Bolder' }));
  body.push(...renderBlocks(form.intro));
  for (const error of form.errors) body.push(textBlock(error, { color: 'Attention' }));
  for (const field of form.fields) {
    if (RESERVED_KEYS.has(field.id))
      throw new RangeError(`form field id "${field.id}" is reserved for card data`);
    body.push(inputFor(field, form.requiredText, options.people));
    if (field.error)
      body.push(textBlock(field.error, { color: 'Attention', size: 'Small', spacing: 'None' }));
  }
  const actions = [
    executeAction(
      { label: form.submitLabel, style: 'primary' },
      { a: SUBMIT, f: form.formId, s: form.state, ...(options.origin ? { o: options.origin } : {}) },
    ),
  ];
  if (form.back)
    actions.push(
      executeAction({ label: form.back.label }, actionData(form.back), { associatedInputs: 'none' }),
    );
  return card(body, actions);
}

/** The attachment botbuilder sends for a card. */
export function cardAttachment(adaptiveCard: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: CARD_CONTENT_TYPE, content: adaptiveCard };
}
