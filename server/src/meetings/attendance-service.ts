import type { AuthUser } from '../auth/token-service';
import { verifySecret } from '../auth/password';
import type { AppEventBus } from '../events/app-events';
import { AppError } from '../http/app-error';
import type { Db } from '../storage/database';
import {
  meetingEnded,
  meetingFull,
  meetingNotFound,
  notHost,
  notParticipant,
  removedFromMeeting,
} from './meeting-errors';
import { MeetingRepository, type MeetingView } from './meeting-repository';
import { ParticipantRepository, type ParticipantView } from './participant-repository';

export type AttendanceDeps = {
  db: Db;
  events: AppEventBus;
  now: () => string;
  /** People present at once; the host always gets in. */
  maxPresent: number;
};

/** Where a user stands in a meeting, and the name the others see (the account's, never one the client picks). */
export type Presence = {
  state: 'present' | 'left' | 'removed' | 'never';
  displayName: string | null;
};

/** Who is in a meeting: join, leave, end for everyone, list participants. */
export class AttendanceService {
  constructor(private readonly deps: AttendanceDeps) {}

  /**
   * Checks run in this order: ended, removed by the host, locked (the host is
   * never locked out), passcode (the host needs none), full (not for the host). Joining a scheduled
   * meeting starts it; joining again while present changes nothing.
   */
  async join(
    user: AuthUser,
    meetingId: number,
    passcode: string | undefined,
  ): Promise<{ meeting: MeetingView; participant: ParticipantView }> {
    const meeting = await this.meeting(meetingId);
    const isHost = meeting.host_id === user.id;
    if (meeting.status === 'ended') throw meetingEnded();
    const before = await new ParticipantRepository(this.deps.db).find(meetingId, user.id);
    if (before?.removed_at) throw removedFromMeeting();
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
      if (existing?.removed_at) throw removedFromMeeting();
      if (existing && existing.left_at === null) return { participant: existing, isNew: false };
      // Counted inside the transaction (SQLite runs one at a time), so joins arriving together cannot overshoot.
      if (!isHost && Number(current.participant_count) >= this.deps.maxPresent) throw meetingFull();
      if (current.status === 'scheduled') {
        await meetings.update(meetingId, { status: 'ongoing', started_at: at, updated_at: at });
      }
      await participants.join({
        meeting_id: meetingId,
        user_id: user.id,
        role: isHost ? 'host' : 'participant',
        joined_at: at,
        left_at: null,
        removed_at: null,
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

  /**
   * Host only: removes a participant for good. Recorded, so their REST join
   * and tickets are refused from now on; signaling ends all their peers.
   */
  async remove(host: AuthUser, meetingId: number, userId: number): Promise<void> {
    const meeting = await this.meeting(meetingId);
    if (meeting.host_id !== host.id) throw notHost();
    if (userId === meeting.host_id) {
      throw new AppError('VALIDATION_FAILED', 400, 'The host cannot remove themselves; leave or end the meeting.');
    }
    const participants = new ParticipantRepository(this.deps.db);
    const existing = await participants.find(meetingId, userId);
    if (!existing) throw new AppError('NOT_JOINED', 409, 'That person has not joined this meeting.');
    if (existing.removed_at) return;
    const at = this.deps.now();
    await participants.markRemoved(meetingId, userId, at);
    this.deps.events.publish('participant.left', { meetingId, userId, reason: 'removed', at });
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

  /** Visible to the host, to those in the meeting now, and to admins; not to former participants. */
  async participants(user: AuthUser, meetingId: number): Promise<ParticipantView[]> {
    const meeting = await this.meeting(meetingId);
    const isAllowed =
      meeting.host_id === user.id ||
      user.role === 'admin' ||
      (await this.presence(user.id, meetingId)).state === 'present';
    if (!isAllowed) throw notParticipant();
    return new ParticipantRepository(this.deps.db).list(meetingId);
  }

  /** For signaling: whether this user is in the meeting now (tickets, sockets attaching) and their name. */
  async presence(userId: number, meetingId: number): Promise<Presence> {
    const participant = await new ParticipantRepository(this.deps.db).find(meetingId, userId);
    if (!participant) return { state: 'never', displayName: null };
    const state = participant.removed_at ? 'removed' : participant.left_at === null ? 'present' : 'left';
    return { state, displayName: participant.nickname };
  }

  private async meeting(id: number): Promise<MeetingView> {
    const meeting = await new MeetingRepository(this.deps.db).findById(id);
    if (!meeting) throw meetingNotFound();
    return meeting;
  }
}
