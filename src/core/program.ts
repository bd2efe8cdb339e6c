import { z } from 'zod';
import { en } from './catalog/en.js';
import {
  ADDRESSES,
  type Address,
  canonicalLocale,
  DEFAULT_LOCALE,
  type MessageKey,
  translator,
} from './catalog/index.js';
import { engagementSettingsSchema } from './engagement.js';
import { evaluationSettingsSchema } from './evaluation.js';
import { matchingSettingsSchema } from './matching.js';
import { roiSettingsSchema } from './roi.js';
import {
  type Availability,
  localTimeSchema,
  quietHoursSchema,
  timeZoneSchema,
  type Weekday,
  weekdayListSchema,
  weekdayNumber,
} from './time.js';

/** The catalog keys of the built-in nudges, sent when a program gives no templates of its own. */
const BUILT_IN_NUDGES = [
  'nudge.builtIn.first',
  'nudge.builtIn.second',
  'nudge.builtIn.third',
] as const satisfies readonly MessageKey[];

/** The built-in nudges in English: the program file's default `templates`. */
export const DEFAULT_NUDGE_TEMPLATES: readonly string[] = BUILT_IN_NUDGES.map((key) => en[key]);

/** True when a program's templates are the built-in ones (it gave none, or exactly those). */
function builtInTemplates(templates: readonly string[]): boolean {
  return (
    templates.length === DEFAULT_NUDGE_TEMPLATES.length &&
    templates.every((template, i) => template === DEFAULT_NUDGE_TEMPLATES[i])
  );
}

/**
 * The built-in nudges in a reader's language, as templates: `{behavior}` stays a placeholder, filled in when a
 * nudge is sent, as in a program's own templates; addressed as the program says.
 */
export function builtInNudgeTemplates(locale: string, address: Address = 'formal'): string[] {
  const t = translator({ locale: canonicalLocale(locale) ?? DEFAULT_LOCALE, timeZone: 'UTC', address });
  return BUILT_IN_NUDGES.map((key) => t(key, { behavior: '{behavior}' }));
}

/** Everything an admin sets for one coaching program. Defaults follow the program design notes. */
export const programSettingsSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a short slug: lowercase letters, digits and dashes'),
    title: z.string().min(1).max(120).optional(),
    timezone: timeZoneSchema.default('UTC'),
    /** The program's language (BCP 47, e.g. `de` or `pt-BR`): for people whose own language is not known. */
    language: z
      .string()
      .max(35)
      .refine((tag) => canonicalLocale(tag) !== null, 'must be a language tag such as de or pt-BR')
      .optional(),
    /**
     * How the bot addresses people: `formal` ("Sie", "vous": the usual second person at work) or `informal`
     * ("du", "tu"). Only languages with an informal catalog overlay (German, French) read differently.
     */
    address: z.enum(ADDRESSES, { error: 'must be formal or informal' }).default('formal'),
    lengthWeeks: z
      .number()
      .int()
      .min(8, 'must be at least 8 weeks')
      .max(16, 'must be at most 16 weeks')
      .default(13),
    checkpointDays: z
      .array(z.number().int().min(1))
      .min(1)
      .default([30, 60, 90])
      .refine((days) => days.slice(1).every((d, i) => d > (days[i] ?? 0)), 'must be in increasing order'),
    checkpointTime: localTimeSchema.default('10:00'),
    nudges: z
      .object({
        weekdays: weekdayListSchema.default(['tue', 'thu']),
        time: localTimeSchema.default('09:30'),
        templates: z
          .array(z.string().min(1).max(500))
          .min(1)
          .default([...DEFAULT_NUDGE_TEMPLATES]),
        /**
         * Nudges for particular behaviors: the first entry with a keyword found in a leader's behavior
         * (case-insensitive) supplies that leader's templates; everyone else gets `templates`.
         */
        library: z
          .array(
            z.object({
              behavior: z.string().min(1).max(80),
              keywords: z.array(z.string().trim().min(2).max(40)).min(1),
              templates: z.array(z.string().min(1).max(500)).min(1),
            }),
          )
          .default([]),
        /**
         * The same nudges in other languages, by language tag (`de`, `pt-BR`): general templates, and library
         * entries named by their `behavior`, with keywords in that language if wanted. A person whose language
         * has none gets the program's own.
         */
        languages: z
          .record(
            z
              .string()
              .refine((tag) => canonicalLocale(tag) !== null, 'must be a language tag such as de or pt-BR'),
            z.object({
              templates: z.array(z.string().min(1).max(500)).min(1).optional(),
              library: z
                .array(
                  z.object({
                    behavior: z.string().min(1).max(80),
                    keywords: z.array(z.string().trim().min(2).max(40)).default([]),
                    templates: z.array(z.string().min(1).max(500)).min(1),
                  }),
                )
                .default([]),
            }),
          )
          .default({}),
      })
      .prefault({}),
    workingDays: weekdayListSchema.default(['mon', 'tue', 'wed', 'thu', 'fri']),
    quietHours: quietHoursSchema.default({ start: '19:00', end: '08:00' }),
    weeklyBudget: z.number().int().min(1).max(20).default(3),
    reminders: z
      .object({
        afterHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 14)
          .default(48),
        count: z.number().int().min(0).max(3).default(1),
        missedAfterHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 14)
          .default(48),
      })
      .prefault({}),
    catchUpGraceHours: z.number().min(0).max(48).default(4),
    /** Mentoring: when the mentor is reminded before a milestone's due date, and the engagement score. */
    milestoneReminderDaysBefore: z.number().int().min(0).max(30).default(3),
    engagement: engagementSettingsSchema,
    /** Matching proposals for curators: hard constraints and the weights of the fit score. */
    matching: matchingSettingsSchema,
    /** How long typed notes and raw interaction events are kept, and how long aggregates are kept. */
    retention: z
      .object({
        freeTextDays: z.number().int().min(1).max(3650).default(90),
        aggregateMonths: z.number().int().min(1).max(120).default(12),
      })
      .prefault({}),
    /**
     * The web console. `adminsSeeIndividuals`: whether program admins see this program's people one by one (pairs
     * by name, the pseudonymous row export); by default they see aggregates with small groups suppressed, and only
     * curators see individual pairs.
     */
    console: z
      .object({
        adminsSeeIndividuals: z.boolean({ error: 'must be true or false' }).default(false),
      })
      .prefault({}),
    /** ROI assumptions for the outcome report (optional). */
    roi: roiSettingsSchema.optional(),
    /** The pilot's decision rule, fixed at launch (optional): see src/core/evaluation.ts. */
    evaluation: evaluationSettingsSchema.optional(),
  })
  .superRefine((program, ctx) => {
    const lastDay = program.lengthWeeks * 7;
    program.checkpointDays.forEach((day, index) => {
      if (day > lastDay) {
        ctx.addIssue({
          code: 'custom',
          path: ['checkpointDays', index],
          message: `day ${day} falls after the ${program.lengthWeeks}-week window (last day ${lastDay})`,
        });
      }
    });
    checkEvaluationDays(program, ctx);
    for (const [tag, nudges] of Object.entries(program.nudges.languages)) {
      nudges.library.forEach((entry, index) => {
        if (!program.nudges.library.some((e) => e.behavior === entry.behavior))
          ctx.addIssue({
            code: 'custom',
            path: ['nudges', 'languages', tag, 'library', index, 'behavior'],
            message: `"${entry.behavior}" is not a behavior of the nudge library`,
          });
      });
    }
  });

/** The nudges of a program in one language: the program's own when that language has none. */
export function nudgesInLanguage(
  program: ProgramSettings,
  locale: string,
): {
  templates: readonly string[];
  library: readonly { behavior: string; keywords: readonly string[]; templates: readonly string[] }[];
} {
  const wanted = canonicalLocale(locale) ?? locale;
  const tags = Object.keys(program.nudges.languages);
  const tag =
    tags.find((t) => canonicalLocale(t) === wanted) ??
    tags.find((t) => (canonicalLocale(t) ?? t).split('-')[0] === wanted.split('-')[0]);
  const own = tag ? program.nudges.languages[tag] : undefined;
  // A program that gives no templates of its own gets the built-in ones in the person's language.
  const builtIn = builtInTemplates(program.nudges.templates);
  if (!own && !builtIn) return program.nudges;
  const general = builtIn ? builtInNudgeTemplates(locale, program.address) : program.nudges.templates;
  if (!own) return { ...program.nudges, templates: general };
  return {
    templates: own.templates ?? general,
    library: program.nudges.library.map((entry) => {
      const translated = own.library.find((e) => e.behavior === entry.behavior);
      return translated
        ? {
            behavior: entry.behavior,
            keywords: [...entry.keywords, ...translated.keywords],
            templates: translated.templates,
          }
        : entry;
    }),
  };
}

/**
 * Translations a program file lacks, as warnings: for every language it translates, the general templates
 * and each library entry. (A language it does not translate at all simply gets the program's own words.)
 */
export function missingTranslations(program: ProgramSettings): string[] {
  const warnings: string[] = [];
  for (const [tag, nudges] of Object.entries(program.nudges.languages)) {
    if (!nudges.templates) warnings.push(`nudges.languages.${tag}: no templates; the program's own are used`);
    for (const entry of program.nudges.library)
      if (!nudges.library.some((e) => e.behavior === entry.behavior))
        warnings.push(
          `nudges.languages.${tag}: no translation of the library entry "${entry.behavior}"; the program's own is used`,
        );
  }
  return warnings;
}

/** The decision rule reads checkpoint answers: every day it names must be one of the program's checkpoints. */
function checkEvaluationDays(
  program: { checkpointDays: number[]; evaluation?: z.output<typeof evaluationSettingsSchema> },
  ctx: z.RefinementCtx,
): void {
  const rule = program.evaluation;
  if (!rule) return;
  const outcomes = [
    { path: ['evaluation', 'primary', 'day'], day: rule.primary.day },
    ...rule.secondary.map((s, i) => ({ path: ['evaluation', 'secondary', i, 'day'], day: s.day })),
  ];
  for (const { path, day } of outcomes) {
    if (!program.checkpointDays.includes(day))
      ctx.addIssue({
        code: 'custom',
        path,
        message: `day ${day} is not a checkpoint day (${program.checkpointDays.join(', ')})`,
      });
  }
  if (rule.assignment.waitlistStart && rule.assignment.method !== 'staggered')
    ctx.addIssue({
      code: 'custom',
      path: ['evaluation', 'assignment', 'waitlistStart'],
      message: 'is only for the staggered method',
    });
}

export type ProgramSettingsInput = z.input<typeof programSettingsSchema>;
export type ProgramSettings = z.output<typeof programSettingsSchema>;

export function parseProgramSettings(input: unknown): ProgramSettings {
  return programSettingsSchema.parse(input);
}

/** Per-person overrides of the program's availability rules. */
export interface AvailabilityOverrides {
  timezone?: string | null;
  workingDays?: readonly Weekday[] | null;
  quietHours?: { start: string; end: string } | null;
}

export function effectiveAvailability(program: ProgramSettings, person: AvailabilityOverrides): Availability {
  return {
    timezone: person.timezone ?? program.timezone,
    workingDays: person.workingDays ?? program.workingDays.map(weekdayNumber),
    quietHours: person.quietHours ?? program.quietHours,
  };
}
