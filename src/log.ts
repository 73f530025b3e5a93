// Structured JSON logs. Secrets never reach a log line: API keys are logged by name only.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, redact: { paths: ['secret', '*.secret', 'authorization', '*.authorization', 'headers.authorization'], censor: '[redacted]' } });
}
