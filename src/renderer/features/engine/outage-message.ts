/**
 * Why the engine is down, as a clause that fits inside the banner's own sentence: main's message
 * "The Docker engine is not reachable (its socket does not exist)." becomes "its socket does not
 * exist", so the banner never reads "…not reachable (The Docker engine is not reachable (…).)".
 */
export function outageReason(message: string | undefined): string | undefined {
  const text = message?.trim().replace(/[.\s]+$/, '');
  if (!text) return undefined;
  const known = /^The Docker engine is not reachable\s*\((.+)\)$/i.exec(text);
  const reason = (known?.[1] ?? text).trim();
  // A message of its own ("Error: certificate has expired") reads as a clause: no sentence capital
  // unless the word is an acronym, no parentheses that could nest.
  const clause = /^[A-Z][a-z]/.test(reason) ? reason[0]!.toLowerCase() + reason.slice(1) : reason;
  return clause.replace(/\s*\(([^()]*)\)/g, ', $1').replace(/[()]/g, '') || undefined;
}

/** An error that only says the engine is away (the banner already says that, and why). */
export function isEngineUnavailable(error: Error): boolean {
  return (error as Error & { code?: unknown }).code === 'ENGINE_UNAVAILABLE';
}
