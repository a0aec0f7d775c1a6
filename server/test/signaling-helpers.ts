import type { AddressInfo } from 'node:net';
import type { Meeting, Ticket } from '@meetai/shared';
import { body, call, createMeeting, signUp, type Session } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';
import { FakePeer } from './signaling-fake-peer';
import { SignalingTestClient } from './signaling-client';

export type SignalingServer = TestApp & { wsBase: string };

/**
 * The whole app listening on an ephemeral loopback port, with a real
 * mediasoup worker on a small RTC port range of its own (test files run in
 * parallel, so each passes a different `portBase`).
 */
export async function startSignalingServer(
  portBase: number,
  env: Record<string, string> = {},
): Promise<SignalingServer> {
  const server = await buildTestApp({
    MEDIASOUP_WORKERS: '1',
    MEDIASOUP_LISTEN_IP: '127.0.0.1',
    MEDIASOUP_ANNOUNCED_IP: '127.0.0.1',
    MEDIASOUP_RTC_MIN_PORT: String(portBase),
    MEDIASOUP_RTC_MAX_PORT: String(portBase + 199),
    ...env,
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return { ...server, wsBase: `ws://127.0.0.1:${port}` };
}

export async function requestTicket(
  server: SignalingServer,
  session: Session,
  meetingId: number,
  resumePeerId?: string,
) {
  return call(
    server.app,
    'POST',
    `/api/v1/meetings/${meetingId}/ticket`,
    resumePeerId ? { resume_peer_id: resumePeerId } : {},
    session.token,
  );
}

export async function ticketFor(
  server: SignalingServer,
  session: Session,
  meetingId: number,
  resumePeerId?: string,
): Promise<Ticket> {
  const response = await requestTicket(server, session, meetingId, resumePeerId);
  if (response.statusCode !== 200) throw new Error(`ticket refused: ${response.statusCode} ${response.body}`);
  return body<Ticket>(response).data;
}

export async function joinByRest(server: SignalingServer, session: Session, meetingId: number): Promise<void> {
  const response = await call(server.app, 'POST', `/api/v1/meetings/${meetingId}/join`, {}, session.token);
  if (response.statusCode !== 200) throw new Error(`join refused: ${response.statusCode} ${response.body}`);
}

export async function connect(server: SignalingServer, ticket: Ticket, options = {}): Promise<SignalingTestClient> {
  return SignalingTestClient.connect(`${server.wsBase}${ticket.ws_path}`, options);
}

export type Participant = {
  session: Session;
  peer: FakePeer;
  client: SignalingTestClient;
  peerId: string;
  name: string;
};

/** Signs up, joins the meeting over REST, opens a socket with a ticket; `join`s the room unless told not to. */
export async function participant(
  server: SignalingServer,
  meeting: Meeting,
  name: string,
  options: { session?: Session; isJoined?: boolean } = {},
): Promise<Participant> {
  const session = options.session ?? (await signUp(server.app, name));
  await joinByRest(server, session, meeting.id);
  const ticket = await ticketFor(server, session, meeting.id);
  const client = await connect(server, ticket);
  const peer = new FakePeer(client);
  if (options.isJoined ?? true) await peer.join(name);
  return { session, peer, client, peerId: ticket.peer_id, name };
}

/** A host with an instant meeting, both joined in the room. */
export async function hostedMeeting(
  server: SignalingServer,
  name = 'host',
): Promise<{ meeting: Meeting; host: Participant }> {
  const session = await signUp(server.app, name);
  const meeting = await createMeeting(server.app, session);
  const host = await participant(server, meeting, name, { session });
  return { meeting, host };
}

/** One metric's value from `/metrics`. */
export async function metric(server: SignalingServer, name: string): Promise<number> {
  const response = await server.app.inject({ method: 'GET', url: '/metrics' });
  const line = response.body.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`metric ${name} not found`);
  return Number(line.split(' ')[1]);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
