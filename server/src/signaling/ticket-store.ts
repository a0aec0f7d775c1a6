import { randomBytes } from 'node:crypto';
import type { AuthUser } from '../auth/token-service';

/**
 * What a redeemed ticket proves: this user may open this peer's socket in this
 * meeting; `isLobby`: from the lobby, before the REST join (see TicketRequestSchema).
 */
export type TicketClaim = { user: AuthUser; meetingId: number; peerId: string; isLobby?: boolean };

type Entry = TicketClaim & { expiresAt: number };

export const TICKET_TTL_MS = 30_000;
const MAX_UNUSED_PER_USER = 20;

/**
 * One-time, short-lived passes for the signaling socket, so no long-lived
 * access token ever travels in a URL (where proxies and logs keep it). In
 * memory: a ticket only has to survive the half-second between the REST call
 * and the socket opening on the same process.
 */
export class TicketStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = TICKET_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Undefined when the user already holds too many unused tickets (a client stuck in a loop). */
  issue(claim: TicketClaim): { ticket: string; expiresAt: Date } | undefined {
    this.prune();
    const outstanding = [...this.entries.values()].filter((e) => e.user.id === claim.user.id).length;
    if (outstanding >= MAX_UNUSED_PER_USER) return undefined;
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.entries.set(ticket, { ...claim, expiresAt });
    return { ticket, expiresAt: new Date(expiresAt) };
  }

  /** The claim, once: a second redeem of the same ticket, or a late one, gets nothing. */
  redeem(ticket: string): TicketClaim | undefined {
    const entry = this.entries.get(ticket);
    if (!entry) return undefined;
    this.entries.delete(ticket);
    if (entry.expiresAt <= this.now()) return undefined;
    return { user: entry.user, meetingId: entry.meetingId, peerId: entry.peerId, isLobby: entry.isLobby };
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [ticket, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(ticket);
    }
  }
}
