import { API_PREFIX, TicketSchema, type Ticket, type TicketRequest } from '@meetai/shared';
import { api } from '../../lib/http';

/** A one-time pass for the signaling socket; `resumePeerId` continues a session within its grace period. */
export function fetchSignalingTicket(meetingId: number, resumePeerId: string | null): Promise<Ticket> {
  const body: TicketRequest = resumePeerId ? { resume_peer_id: resumePeerId } : {};
  return api.post(`${API_PREFIX}/meetings/${meetingId}/ticket`, body, TicketSchema);
}
