import { API_PREFIX, TicketSchema, type Ticket, type TicketRequest } from '@meetai/shared';
import { isApiError } from '../../lib/api-error';
import { api } from '../../lib/http';
import type { TicketOptions } from '../../room/RoomClient';
import { meetingsApi } from '../meetings';

function requestTicket(meetingId: number, resumePeerId: string | null, isLobby = false): Promise<Ticket> {
  const body: TicketRequest = {
    ...(resumePeerId ? { resume_peer_id: resumePeerId } : {}),
    ...(isLobby ? { lobby: true } : {}),
  };
  return api.post(`${API_PREFIX}/meetings/${meetingId}/ticket`, body, TicketSchema);
}

/**
 * A one-time pass for the signaling socket; `resumePeerId` continues a session
 * within its grace period. After an outage longer than that grace the server
 * has let our attendance go (NOT_A_PARTICIPANT): we join again over REST, as
 * the lobby did, and ask once more, so Rejoin works instead of failing forever.
 * A locked meeting or a passcode still stops it, with the server's reason.
 */
export async function fetchSignalingTicket(
  meetingId: number,
  resumePeerId: string | null,
  options: TicketOptions = {},
): Promise<Ticket> {
  // The lobby's connection needs no REST join yet (the server lets it prepare, not enter).
  if (options.isLobby) return requestTicket(meetingId, null, true);
  try {
    return await requestTicket(meetingId, resumePeerId);
  } catch (error) {
    if (!isApiError(error) || error.code !== 'NOT_A_PARTICIPANT') throw error;
    await meetingsApi.join(meetingId);
    return requestTicket(meetingId, null);
  }
}
