import { z } from 'zod';

/** `POST /api/v1/meetings/:id/ticket`: a one-time, short-lived pass for the signaling socket. */
export const TicketRequestSchema = z
  .object({
    /** The peer id of a previous connection, to resume it within the reconnection grace period. */
    resume_peer_id: z.string().min(1).max(128).optional(),
    /**
     * For a connection opened from the lobby, before the REST join: it may
     * prepare (router capabilities, transports) but `join` waits until the
     * user has joined over REST. Not for someone the host removed.
     */
    lobby: z.boolean().optional(),
  })
  .strict();
export type TicketRequest = z.infer<typeof TicketRequestSchema>;

export const TicketSchema = z.object({
  ticket: z.string(),
  expires_at: z.string(),
  peer_id: z.string(),
  /** Path with the ticket as query, relative to the server URL: `/ws/signaling?ticket=...`. */
  ws_path: z.string(),
});
export type Ticket = z.infer<typeof TicketSchema>;
