import type { FastifyBaseLogger } from 'fastify';
import type { CaptionsStatus, LanguageChoice } from '@meetai/shared';
import type { AppEventBus } from '../events/app-events';
import type { RoomRegistry } from '../media/room-registry';
import type { CaptionsControl } from '../signaling/handlers/types';
import { SignalingError } from '../signaling/signaling-error';
import type { AiLinkSession } from './AiLinkSession';

/** Closed rooms' states kept before they are swept out. */
const FORGET_AFTER = 100;

/**
 * Signaling's captions, served by an AI service in another process: `status`
 * and `set` are asked over the link. While no AI service is connected the
 * rooms are told so (a join still succeeds, with captions paused), and when
 * one connects every open room gets its real state.
 */
export class RemoteCaptions implements CaptionsControl {
  private session: AiLinkSession | undefined;
  private hasConnected = false;
  /** The last state each meeting was told, so a disconnect keeps what the host chose. */
  private readonly known = new Map<number, CaptionsStatus>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: { rooms: RoomRegistry; events: AppEventBus; log: FastifyBaseLogger }) {
    this.unsubscribe = deps.events.on('captions.status', ({ meetingId, status }) => {
      this.known.set(meetingId, status);
      // Meetings come and go while the link stays up: forget closed rooms now and then, not never.
      if (this.known.size > deps.rooms.size + FORGET_AFTER) this.forgetClosedRooms();
    });
  }

  /** The AI service connected now, if any (its link also serves the analysis). */
  get connected(): AiLinkSession | undefined {
    return this.session;
  }

  /** The newest connection serves the rooms from now on. */
  async attach(session: AiLinkSession): Promise<void> {
    this.session = session;
    this.hasConnected = true;
    void session.channel.closed.then(() => this.detach(session));
    this.forgetClosedRooms();
    await Promise.all(
      this.deps.rooms.all().map(async ({ meetingId }) => {
        const status = await this.status(meetingId);
        if (this.session === session) this.deps.events.publish('captions.status', { meetingId, status });
      }),
    );
  }

  async status(meetingId: number): Promise<CaptionsStatus> {
    const session = this.session;
    if (!session) return this.disconnected(meetingId);
    try {
      return (await session.channel.request('captionsStatus', { meetingId })).status;
    } catch (err) {
      this.deps.log.warn({ err, meetingId }, 'the AI service did not say how captions are');
      return this.disconnected(meetingId, `The AI service did not answer: ${(err as Error).message}`);
    }
  }

  async set(meetingId: number, change: { isEnabled: boolean; language?: LanguageChoice }): Promise<CaptionsStatus> {
    const session = this.session;
    if (!session) throw new SignalingError('AI_UNAVAILABLE', this.disconnectedReason());
    try {
      return (await session.channel.request('setCaptions', { meetingId, ...change })).status;
    } catch (err) {
      throw new SignalingError('AI_UNAVAILABLE', `The AI service could not switch captions: ${(err as Error).message}`);
    }
  }

  close(): void {
    this.unsubscribe();
  }

  private detach(session: AiLinkSession): void {
    if (this.session !== session) return;
    this.session = undefined;
    this.forgetClosedRooms();
    for (const { meetingId } of this.deps.rooms.all()) {
      this.deps.events.publish('captions.status', { meetingId, status: this.disconnected(meetingId) });
    }
  }

  /** What a room is told without an AI service: the host's choice kept, the captions paused. */
  private disconnected(meetingId: number, reason = this.disconnectedReason()): CaptionsStatus {
    const last = this.known.get(meetingId);
    if (last && !last.enabled) return last;
    return {
      enabled: true,
      state: this.hasConnected ? 'paused' : 'unavailable',
      reason,
      engine: last?.engine ?? null,
      model: last?.model ?? null,
      languages: last?.languages ?? [],
      language: last?.language ?? 'auto',
    };
  }

  private disconnectedReason(): string {
    return this.hasConnected
      ? 'The AI service is not connected; captions resume when it is back.'
      : 'No AI service has connected to this media service yet.';
  }

  private forgetClosedRooms(): void {
    for (const meetingId of this.known.keys()) if (!this.deps.rooms.get(meetingId)) this.known.delete(meetingId);
  }
}
