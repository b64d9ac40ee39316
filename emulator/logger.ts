/** Logger and the script's console: both record into `fake.logs`. */
import type { FakeContext, LogRecord } from './context';

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  if (v instanceof Error || Object.prototype.toString.call(v) === '[object Error]')
    return String((v as Error).stack ?? v);
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Formats like Logger.log(format, ...values): %s / %d placeholders, else values joined by spaces. */
export function formatLogMessage(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sdifoO]/.test(first)) {
    let i = 0;
    const out = first.replace(/%[sdifoO]/g, (m) => (i < rest.length ? show(rest[i++]) : m));
    return [out, ...rest.slice(i).map(show)].join(' ');
  }
  return args.map(show).join(' ');
}

export class LoggerImpl {
  constructor(private readonly ctx: FakeContext) {}

  log(...args: unknown[]): this {
    this.ctx.logs.push({ source: 'Logger', level: 'info', message: formatLogMessage(args) });
    return this;
  }

  clear(): void {
    for (let i = this.ctx.logs.length - 1; i >= 0; i--)
      if (this.ctx.logs[i].source === 'Logger') this.ctx.logs.splice(i, 1);
  }

  getLog(): string {
    return this.ctx.logs
      .filter((l) => l.source === 'Logger')
      .map((l) => l.message)
      .join('\n');
  }
}

/** A console for the script's global scope (not a counted service). */
export function makeConsole(ctx: FakeContext): Record<string, (...args: unknown[]) => void> {
  const make =
    (level: string) =>
    (...args: unknown[]): void => {
      const rec: LogRecord = { source: 'console', level, message: formatLogMessage(args) };
      ctx.logs.push(rec);
      if (ctx.options.echoConsole) {
        (console as unknown as Record<string, (...a: unknown[]) => void>)[level === 'log' ? 'log' : level]?.(...args);
      }
    };
  return { log: make('log'), info: make('info'), warn: make('warn'), error: make('error'), debug: make('debug') };
}
