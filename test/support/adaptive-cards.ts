/**
 * Adaptive Card checks for the version Teams renders (1.5), using the `adaptivecards` library.
 *
 * The package's `main` (lib/adaptivecards.js) is ES module source without file extensions and
 * fails to load in Node (`require('adaptivecards')` or `import 'adaptivecards'`); its UMD bundle
 * `adaptivecards/dist/adaptivecards.js` loads fine. The bundle's .d.ts is a set of ambient
 * `declare module` blocks rather than a module, so it is loaded with `createRequire` and typed
 * with the package's own declarations.
 *
 * Parsing with a `SerializationContext` targeting 1.5 reports elements and actions 1.5 does not
 * know (e.g. `Carousel`, a 1.6 element, shows up as an unknown element) and properties added
 * later (e.g. `labelPosition`, `role`); `validateProperties()` reports duplicate ids, empty
 * choice sets, required inputs without label or error message, a missing card type. The
 * library does not complain about a declared `version` above 1.5 or a missing one, so that is
 * checked here too. Rendering needs a browser and is not attempted.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/** The highest Adaptive Card version Teams renders. */
export const TEAMS_CARD_VERSION = '1.5';

export interface CardProblem {
  /** Name of the adaptivecards ValidationEvent (`UnknownElementType`, `UnsupportedProperty`, `DuplicateId`, …) or `Version`. */
  event: string;
  /** `parse`, `validation` or `version`. */
  phase: 'parse' | 'validation' | 'version';
  /** Where it happened: `Input.Text#name`, `Action.Submit`, … (empty when unknown). */
  where: string;
  message: string;
}

function describeSource(source: unknown): string {
  if (!source || typeof source !== 'object') return '';
  const obj = source as { getJsonTypeName?: () => string; id?: string };
  const type = typeof obj.getJsonTypeName === 'function' ? obj.getJsonTypeName() : '';
  return obj.id ? `${type}#${obj.id}` : type;
}

function parseVersion(value: unknown): [number, number] | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+)\.(\d+)$/.exec(value.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Every problem with `card` for Teams (Adaptive Cards 1.5), structured. Empty when valid. */
export function adaptiveCardProblems(card: object): CardProblem[] {
  const problems: CardProblem[] = [];
  const json = card as Record<string, unknown>;

  if (json.type === 'AdaptiveCard') {
    const version = parseVersion(json.version);
    if (json.version === undefined) {
      problems.push({
        event: 'Version',
        phase: 'version',
        where: 'AdaptiveCard',
        message: 'The card has no "version"; Teams needs one (use "1.5").',
      });
    } else if (!version) {
      problems.push({
        event: 'Version',
        phase: 'version',
        where: 'AdaptiveCard',
        message: `Invalid card version ${JSON.stringify(json.version)}.`,
      });
    } else if (version[0] > 1 || (version[0] === 1 && version[1] > 5)) {
      problems.push({
        event: 'Version',
        phase: 'version',
        where: 'AdaptiveCard',
        message: `Card version ${String(json.version)} is above ${TEAMS_CARD_VERSION}, the highest Teams renders.`,
      });
    }
  }

  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  adaptiveCard.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push({
      event: AC.ValidationEvent[event.event] ?? String(event.event),
      phase: 'parse',
      where: describeSource(event.source),
      message: explain(event.message),
    });
  }

  const results = adaptiveCard.validateProperties();
  for (const event of results.validationEvents) {
    problems.push({
      event: AC.ValidationEvent[event.event] ?? String(event.event),
      phase: 'validation',
      where: describeSource(event.source),
      message: event.message,
    });
  }
  return problems;
}

/** Elements and actions the library knows only from a later version: "unknown" in 1.5 says too little. */
function explain(message: string): string {
  const match = /^Unknown (element|action) type "([^"]+)"/.exec(message);
  if (!match) return message;
  const [, kind, typeName] = match as unknown as [string, 'element' | 'action', string];
  const registry = kind === 'element' ? AC.GlobalRegistry.elements : AC.GlobalRegistry.actions;
  const registration = registry.findByName(typeName);
  if (registration && registration.schemaVersion.compareTo(AC.Versions.v1_5) > 0) {
    return `${message} "${typeName}" needs Adaptive Cards ${registration.schemaVersion.toString()}; Teams renders up to ${TEAMS_CARD_VERSION}.`;
  }
  return message;
}

/**
 * Human-readable problems with `card` for Teams (Adaptive Cards 1.5): elements, actions and
 * properties 1.5 does not support, invalid values, duplicate ids and the other checks of
 * `validateProperties()`. An empty array means the card is fine.
 */
export function validateAdaptiveCard(card: object): string[] {
  return adaptiveCardProblems(card).map((p) => `${p.where ? `${p.where}: ` : ''}${p.message} [${p.event}]`);
}
