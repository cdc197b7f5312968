import { randomBytes } from 'node:crypto';

/** How long a ticket can wait for its request: the page uses it at once. */
const TICKET_TTL_MS = 60_000;

interface Entry<T> {
  value: T;
  timer: NodeJS.Timeout;
}

/**
 * One-time, unguessable, short-lived tickets (256 random bits). A plain browser download cannot
 * send the Authorization header, so the command that starts it (which did) hands out a ticket
 * instead, and the ticket alone admits one request. Taking a ticket removes it.
 */
export class TicketBook<T> {
  private readonly entries = new Map<string, Entry<T>>();

  /** `onExpire` runs when nobody took the ticket in time (or it was revoked). */
  issue(value: T, onExpire: (value: T) => void, ttlMs = TICKET_TTL_MS): string {
    const ticket = randomBytes(32).toString('base64url');
    const timer = setTimeout(() => {
      if (this.entries.delete(ticket)) onExpire(value);
    }, ttlMs);
    timer.unref();
    this.entries.set(ticket, { value, timer });
    return ticket;
  }

  take(ticket: string): T | undefined {
    const entry = this.entries.get(ticket);
    if (!entry) return undefined;
    this.entries.delete(ticket);
    clearTimeout(entry.timer);
    return entry.value;
  }

  /** Drops a ticket without using it (its transfer was cancelled); true if it was still waiting. */
  revoke(ticket: string): boolean {
    return this.take(ticket) !== undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}
