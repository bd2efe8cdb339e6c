import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Paths that never reach the log: credentials and anything a person typed. Callers log ids and counts,
 * and these paths catch the slips.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'note',
  '*.note',
  'text',
  '*.text',
  'message.text',
  'message.blocks',
  'values',
  '*.values',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'coachloop' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
