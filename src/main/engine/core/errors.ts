import { BerthError } from '../../../shared/errors';
import { UNREACHABLE_REASONS, type UnreachableCode } from '../../../shared/types/engine';

interface EngineErrorLike {
  statusCode?: number;
  code?: string;
  reason?: string;
  message?: string;
  json?: { message?: string } | null;
}

const UNREACHABLE_CODES = new Set<string>(Object.keys(UNREACHABLE_REASONS));

/** The engine's own message, without dockerode's "(HTTP code 404) no such container - " prefix. */
export function engineMessage(err: EngineErrorLike): string {
  const fromJson = err.json && typeof err.json === 'object' ? err.json.message : undefined;
  const message = fromJson ?? (err.message ?? String(err)).replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '');
  // Full 64-hex ids make messages unreadable; the CLI's 12-character short id says the same.
  return message.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1').trim();
}

export function isEngineUnreachable(err: unknown): boolean {
  const e = err as EngineErrorLike;
  return typeof e?.code === 'string' && UNREACHABLE_CODES.has(e.code) && e.statusCode === undefined;
}

/** The socket error that made the engine unreachable, if that is what `err` is. */
export function unreachableCode(err: unknown): UnreachableCode | undefined {
  return isEngineUnreachable(err) ? ((err as EngineErrorLike).code as UnreachableCode) : undefined;
}

/**
 * Older engines (20.10) answer some state conflicts with a bare 500, e.g. unpause on a container
 * that is not paused. They are the user's conflict, not an internal failure.
 */
const STATE_CONFLICT = /\b(is not paused|is already paused|is not running|is paused|is restarting|is already in progress)\b/i;

export interface ErrorContext {
  /** What was being done, for the message: "start container web". */
  action?: string;
  /** The plain message for the engine's 304 (nothing to do), e.g. "Container web is already running." */
  notModified?: string;
}

/** Maps whatever the engine or dockerode threw to a BerthError with a plain message. */
export function toBerthError(err: unknown, context: ErrorContext = {}): BerthError {
  if (err instanceof BerthError) return err;
  const e = (err ?? {}) as EngineErrorLike;
  if (isEngineUnreachable(err)) {
    return new BerthError('ENGINE_UNAVAILABLE', `The Docker engine is not reachable (${UNREACHABLE_REASONS[e.code as UnreachableCode]}).`);
  }
  const status = e.statusCode;
  const engineText = engineMessage(e);
  const prefix = context.action ? `Could not ${context.action}: ` : '';
  switch (status) {
    case 304:
      return new BerthError('CONFLICT', context.notModified ?? `${prefix}nothing to do.`);
    case 400:
      return new BerthError('INVALID_INPUT', `${prefix}${engineText}`);
    case 404:
      return new BerthError('NOT_FOUND', `${prefix}${engineText}`);
    case 409:
      return new BerthError('CONFLICT', `${prefix}${engineText}`);
    case 500:
      if (STATE_CONFLICT.test(engineText)) return new BerthError('CONFLICT', `${prefix}${engineText}`);
      return new BerthError('INTERNAL', `${prefix}the engine said: ${engineText}`);
    case 503:
      return new BerthError('INTERNAL', `${prefix}the engine said: ${engineText}`);
    default:
      if (status !== undefined) return new BerthError('INTERNAL', `${prefix}the engine said (${status}): ${engineText}`);
      return new BerthError('INTERNAL', `${prefix}${engineText || 'unexpected error'}`);
  }
}

/** Runs an engine call and maps its failure. */
export async function engineCall<T>(run: () => Promise<T>, context: ErrorContext = {}): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toBerthError(err, context);
  }
}
