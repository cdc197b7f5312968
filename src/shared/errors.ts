/** Error codes every transport carries unchanged from main to the renderer. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'ENGINE_UNAVAILABLE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CANCELLED',
  'INTERNAL',
  /** A limit on open streams (per connection or in total) was reached; the request was refused. */
  'LIMIT_REACHED',
  /** Browser mode's connection to main dropped; a stream that must not run twice was not restarted. */
  'CONNECTION_LOST',
  /** A registry the engine was asked to reach did not answer (the engine itself is fine). */
  'REGISTRY_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The plain-data shape of an error as it crosses a transport. */
export interface BerthErrorShape {
  code: ErrorCode;
  message: string;
}

export class BerthError extends Error implements BerthErrorShape {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BerthError';
    this.code = code;
  }

  toShape(): BerthErrorShape {
    return { code: this.code, message: this.message };
  }

  static fromShape(shape: BerthErrorShape): BerthError {
    return new BerthError(shape.code, shape.message);
  }
}

export function isErrorShape(value: unknown): value is BerthErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.message === 'string' && typeof candidate.code === 'string' && (ERROR_CODES as readonly string[]).includes(candidate.code);
}
