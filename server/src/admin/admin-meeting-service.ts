import { sql } from 'kysely';
import type { AdminListQuery, AdminMeeting } from '@meetai/shared';
import type { AuthUser } from '../auth/token-service';
import type { AppEventBus } from '../events/app-events';
import { AppError } from '../http/app-error';
import { meetingEnded, meetingNotFound } from '../meetings/meeting-errors';
import { MeetingRepository } from '../meetings/meeting-repository';
import { ParticipantRepository } from '../meetings/participant-repository';
import type { LiveRooms } from '../signaling/live-presence';
import type { Db } from '../storage/database';
import { likePattern, pageFrom, type AuditLog, type Page } from './audit-log';

export type AdminMeetingDeps = { db: Db; presence: LiveRooms; audit: AuditLog; events: AppEventBus; now: () => string };

export const DEFAULT_FORCE_END_MESSAGE = 'An administrator ended this meeting.';

/** Ongoing meetings as an administrator sees them, and ending one for everyone. */
export class AdminMeetingService {
  constructor(private readonly deps: AdminMeetingDeps) {}

  /** Ongoing meetings (newest first) with the people present; `q` matches the title, the code or the host. */
  async listOngoing(query: AdminListQuery): Promise<Page<AdminMeeting>> {
    let base = this.deps.db
      .selectFrom('meetings as m')
      .innerJoin('users as u', 'u.id', 'm.host_id')
      .where('m.status', '=', 'ongoing');
    if (query.q) {
      const pattern = likePattern(query.q);
      base = base.where((eb) =>
        eb.or(
          ['m.title', 'm.code', 'u.username', 'u.nickname'].map((column) =>
            eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`),
          ),
        ),
      );
    }
    const counted = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst();
    const meetings = await base
      .select(['m.id', 'm.code', 'm.title', 'm.host_id', 'm.started_at', 'm.is_locked', 'u.nickname as host_name'])
      .orderBy('m.started_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(query.page_size)
      .offset((query.page - 1) * query.page_size)
      .execute();
    const participants = new ParticipantRepository(this.deps.db);
    const list = await Promise.all(
      meetings.map(async (m): Promise<AdminMeeting> => {
        const present = (await participants.list(m.id)).filter((p) => p.left_at === null);
        return {
          ...m,
          is_locked: m.is_locked === 1,
          participants: present.map((p) => ({
            user_id: p.user_id,
            username: p.username,
            nickname: p.nickname,
            role: p.role,
            joined_at: p.joined_at,
            is_connected: this.deps.presence.isConnected(m.id, p.user_id),
          })),
        };
      }),
    );
    return pageFrom(list, Number(counted?.total ?? 0), query);
  }

  /**
   * Ends the meeting for everyone, as its host could: the rooms send each
   * participant home with `message`.
   */
  async forceEnd(actor: AuthUser, meetingId: number, message: string | undefined): Promise<void> {
    const meeting = await new MeetingRepository(this.deps.db).findById(meetingId);
    if (!meeting) throw meetingNotFound();
    if (meeting.status === 'ended') throw meetingEnded();
    if (meeting.status === 'scheduled') {
      throw new AppError('VALIDATION_FAILED', 400, 'This meeting has not started: there is nobody to send home.');
    }
    const at = this.deps.now();
    const text = message ?? DEFAULT_FORCE_END_MESSAGE;
    const present = await this.deps.db.transaction().execute(async (trx) => {
      await new MeetingRepository(trx).update(meetingId, { status: 'ended', ended_at: at, updated_at: at });
      return new ParticipantRepository(trx).markAllLeft(meetingId, at);
    });
    for (const userId of present) {
      this.deps.events.publish('participant.left', { meetingId, userId, reason: 'meeting_ended', at });
    }
    this.deps.events.publish('meeting.ended', {
      meetingId,
      code: meeting.code,
      reason: 'admin-ended',
      message: text,
      at,
    });
    await this.deps.audit.record(actor, {
      action: 'meeting.force_end',
      target: { type: 'meeting', id: meetingId, label: `${meeting.title} (${meeting.code})` },
      detail: `${text} (${present.length} present)`,
    });
  }
}
