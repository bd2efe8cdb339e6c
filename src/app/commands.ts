/** The words people type after /coach in Slack, or as a message to the bot in Teams. */
export const COMMANDS = [
  'help',
  'start',
  'status',
  'pause',
  'resume',
  'snooze',
  'checkin',
  'optout',
  'forget-me',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export type ParsedCommand =
  | { name: Exclude<CommandName, 'snooze'> }
  | { name: 'snooze'; days: number }
  | { name: 'unknown'; word: string }
  | { name: 'invalid'; message: string };

export function parseCommand(text: string): ParsedCommand {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [word = 'help', ...rest] = words;
  const name =
    word === 'check-in'
      ? 'checkin'
      : word === 'opt-out'
        ? 'optout'
        : word === 'forgetme'
          ? 'forget-me'
          : word;
  if (!(COMMANDS as readonly string[]).includes(name)) return { name: 'unknown', word };
  if (name === 'snooze') {
    const days = rest.length === 0 ? 7 : Number(rest[0]);
    if (!Number.isInteger(days) || days < 1 || days > 60) {
      return { name: 'invalid', message: 'Snooze takes a number of days from 1 to 60, e.g. `snooze 7`.' };
    }
    return { name: 'snooze', days };
  }
  return { name: name as Exclude<CommandName, 'snooze'> };
}

export function helpText(prefix: string): string {
  return [
    `*Coaching commands* (${prefix.trim() || 'type them to me'}):`,
    `• \`${prefix}start\` — set up (or edit) your behavior experiment`,
    `• \`${prefix}status\` — your experiment, next message and checkpoint answers`,
    `• \`${prefix}checkin\` — answer the current checkpoint now`,
    `• \`${prefix}pause\` / \`${prefix}resume\` — pause or resume your experiment`,
    `• \`${prefix}snooze 7\` — no messages for a number of days, then they resume by themselves`,
    `• \`${prefix}optout\` — stop all coaching messages`,
    `• \`${prefix}forget-me\` — erase what I keep about you (your notes, experiment and charter texts); anonymous totals stay`,
  ].join('\n');
}
