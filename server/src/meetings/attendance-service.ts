import type { AuthUser } from '../auth/token-service';
import { verifySecret } from '../auth/password';
import type { AppEventBus } from '../events/app-events';
import { AppError } from '../http/app-error';
import type { Db } from '../storage/database';
import { meetingEnded, meetingNotFound, notHost, notParticipant } from './meeting-errors';
import { MeetingRepository, type MeetingView } from './meeting-repository';
import { ParticipantRepository, type ParticipantView } from './participant-repository';

export type AttendanceDeps = { db: Db; events: AppEventBus; now: () => string };

/** Who is in a meeting: join, leave, end for everyone, list participants. */
export class AttendanceService {
  constructor(private readonly deps: AttendanceDeps) {}

  /**
   * Checks run in this order: ended, locked (the host is never locked out),
   * passcode (the host needs none). Joining a scheduled meeting starts it;
   * joining again while present changes nothing.
   */
  async join(
    user: AuthUser,
    meetingId: number,
    passcode: string | undefined,
  ): Promise<{ meeting: MeetingView; participant: ParticipantView }> {
    const meeting = await this.meeting(meetingId);
    const isHost = meeting.host_id === user.id;
    if (meeting.status === 'ended') throw meetingEnded();
    if (meeting.is_locked && !isHost) {
      throw new AppError('MEETING_LOCKED', 403, 'The host has locked this meeting: no one new can join.');
    }
    if (meeting.passcode_hash && !isHost) {
      if (!passcode) throw new AppError('PASSCODE_REQUIRED', 403, 'This meeting needs a passcode.');
      if (!(await verifySecret(meeting.passcode_hash, passcode))) {
        throw new AppError('WRONG_PASSCODE', 403, 'The passcode is incorrect.');
      }
    }
    const at = this.deps.now();
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const meetings = new MeetingRepository(trx);
      const participants = new ParticipantRepository(trx);
      // Re-read inside the transaction: the meeting may have ended while the passcode was checked.
      const current = await meetings.findById(meetingId);
      if (!current) throw meetingNotFound();
      if (current.status === 'ended') throw meetingEnded();
      const existing = await participants.find(meetingId, user.id);
      if (existing && existing.left_at === null) return { participant: existing, isNew: false };
      if (current.status === 'scheduled') {
        await meetings.update(meetingId, { status: 'ongoing', started_at: at, updated_at: at });
      }
      await participants.join({
        meeting_id: meetingId,
        user_id: user.id,
        role: isHost ? 'host' : 'participant',
        joined_at: at,
        left_at: null,
      });
      return { participant: (await participants.find(meetingId, user.id)) as ParticipantView, isNew: true };
    });
    if (result.isNew) {
      this.deps.events.publish('participant.joined', {
        meetingId,
        userId: user.id,
        role: result.participant.role,
        at,
      });
    }
    return { meeting: await this.meeting(meetingId), participant: result.participant };
  }

  /** Leaving twice, or after the meeting ended, is not an error. */
  async leave(user: AuthUser, meetingId: number): Promise<void> {
    await this.meeting(meetingId);
    const participants = new ParticipantRepository(this.deps.db);
    const existing = await participants.find(meetingId, user.id);
    if (!existing) throw new AppError('NOT_JOINED', 409, 'You have not joined this meeting.');
    if (existing.left_at !== null) return;
    const at = this.deps.now();
    await participants.markLeft(meetingId, user.id, at);
    this.deps.events.publish('participant.left', { meetingId, userId: user.id, reason: 'left', at });
  }

  /** Host only: ends the meeting for everyone; all who are present are marked as left. */
  async end(user: AuthUser, meetingId: number): Promise<MeetingView> {
    const meeting = await this.meeting(meetingId);
    if (meeting.host_id !== user.id) throw notHost();
    if (meeting.status === 'ended') throw meetingEnded();
    const at = this.deps.now();
    const present = await this.deps.db.transaction().execute(async (trx) => {
      await new MeetingRepository(trx).update(meetingId, { status: 'ended', ended_at: at, updated_at: at });
      return new ParticipantRepository(trx).markAllLeft(meetingId, at);
    });
    for (const userId of present) {
      this.deps.events.publish('participant.left', { meetingId, userId, reason: 'meeting_ended', at });
    }
    this.deps.events.publish('meeting.ended', { meetingId, code: meeting.code, reason: 'ended', at });
    return this.meeting(meetingId);
  }

  /** Visible to the host, to anyone who has joined, and to admins. */
  async participants(user: AuthUser, meetingId: number): Promise<ParticipantView[]> {
    const meeting = await this.meeting(meetingId);
    const participants = new ParticipantRepository(this.deps.db);
    const isMember =
      meeting.host_id === user.id ||
      user.role === 'admin' ||
      (await participants.find(meetingId, user.id)) !== undefined;
    if (!isMember) throw notParticipant();
    return participants.list(meetingId);
  }

  /** For signaling: is this user in the meeting right now? */
  async isPresent(userId: number, meetingId: number): Promise<boolean> {
    const participant = await new ParticipantRepository(this.deps.db).find(meetingId, userId);
    return participant !== undefined && participant.left_at === null;
  }

  private async meeting(id: number): Promise<MeetingView> {
    const meeting = await new MeetingRepository(this.deps.db).findById(id);
    if (!meeting) throw meetingNotFound();
    return meeting;
  }
}
