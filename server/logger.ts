import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs. Tokens and document content are never logged. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
