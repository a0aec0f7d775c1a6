import {
  normalizeMeetingCode,
  type CreateMeetingRequest,
  type ListMeetingsQuery,
  type UpdateMeetingRequest,
} from '@meetai/shared';
import type { AuthUser } from '../auth/token-service';
import { hashSecret } from '../auth/password';
import type { AppEventBus } from '../events/app-events';
import { AppError } from '../http/app-error';
import type { Db } from '../storage/database';
import { uniqueViolationTarget } from '../storage/sqlite';
import type { MeetingUpdate } from '../storage/tables';
import { randomMeetingCode, randomMeetingId } from './meeting-code';
import { meetingEnded, meetingNotFound, notHost } from './meeting-errors';
import { MeetingRepository, type MeetingView } from './meeting-repository';
import { ParticipantRepository } from './participant-repository';

const CODE_ATTEMPTS = 5;

export type MeetingServiceDeps = { db: Db; events: AppEventBus; now: () => string };

/** Meetings as records: create, read, list, edit, delete. Attendance lives in AttendanceService. */
export class MeetingService {
  constructor(private readonly deps: MeetingServiceDeps) {}

  /** No schedule: an instant meeting, ongoing from now. With a schedule: waits for its first join. */
  async create(host: AuthUser, input: CreateMeetingRequest): Promise<MeetingView> {
    const passcodeHash = input.passcode ? await hashSecret(input.passcode) : null;
    const now = this.deps.now();
    const isInstant = !input.scheduled_start;
    const repo = new MeetingRepository(this.deps.db);
    for (let attempt = 1; ; attempt += 1) {
      const id = randomMeetingId();
      try {
        await repo.insert({
          id,
          code: randomMeetingCode(),
          title: input.title,
          description: input.description ?? '',
          host_id: host.id,
          status: isInstant ? 'ongoing' : 'scheduled',
          scheduled_start: toUtc(input.scheduled_start),
          scheduled_end: toUtc(input.scheduled_end),
          started_at: isInstant ? now : null,
          ended_at: null,
          passcode_hash: passcodeHash,
          is_locked: 0,
          allow_self_unmute: input.allow_self_unmute === false ? 0 : 1,
          created_at: now,
          updated_at: now,
        });
        return this.get(id);
      } catch (error) {
        // A clash of random codes (or ids) is rare; draw again a few times before giving up.
        if (uniqueViolationTarget(error) === null || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  async get(id: number): Promise<MeetingView> {
    const meeting = await new MeetingRepository(this.deps.db).findById(id);
    if (!meeting) throw meetingNotFound();
    return meeting;
  }

  /** Accepts `123-456-789`, `123456789` or `123 456 789`. */
  async getByCode(input: string): Promise<MeetingView> {
    const code = normalizeMeetingCode(input);
    if (!code) {
      throw new AppError('VALIDATION_FAILED', 400, 'A meeting code has 9 digits, like 123-456-789.', {
        details: [{ path: 'code', message: 'A meeting code looks like 123-456-789' }],
      });
    }
    const meeting = await new MeetingRepository(this.deps.db).findByCode(code);
    if (!meeting) throw meetingNotFound();
    return meeting;
  }

  list(user: AuthUser, query: ListMeetingsQuery) {
    return new MeetingRepository(this.deps.db).listForUser(user.id, query.scope, query.page, query.page_size);
  }

  async update(user: AuthUser, id: number, patch: UpdateMeetingRequest): Promise<MeetingView> {
    const meeting = await this.get(id);
    if (meeting.host_id !== user.id) throw notHost();
    if (meeting.status === 'ended') throw meetingEnded();
    const start =
      patch.scheduled_start === undefined ? meeting.scheduled_start : toUtc(patch.scheduled_start ?? undefined);
    const end = patch.scheduled_end === undefined ? meeting.scheduled_end : toUtc(patch.scheduled_end ?? undefined);
    if (end !== null && (start === null || end <= start)) {
      throw new AppError('VALIDATION_FAILED', 400, 'The scheduled end must come after the scheduled start.', {
        details: [{ path: 'scheduled_end', message: 'The end must come after the start' }],
      });
    }
    const changes: MeetingUpdate = { scheduled_start: start, scheduled_end: end, updated_at: this.deps.now() };
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.is_locked !== undefined) changes.is_locked = patch.is_locked ? 1 : 0;
    if (patch.allow_self_unmute !== undefined) changes.allow_self_unmute = patch.allow_self_unmute ? 1 : 0;
    if (patch.passcode !== undefined) changes.passcode_hash = patch.passcode ? await hashSecret(patch.passcode) : null;
    await new MeetingRepository(this.deps.db).update(id, changes);
    const updated = await this.get(id);
    this.deps.events.publish('meeting.updated', {
      meetingId: id,
      code: updated.code,
      isLocked: updated.is_locked === 1,
      at: updated.updated_at,
    });
    return updated;
  }

  /** Deleting a running meeting ends it for everyone first, so signaling closes its room. */
  async remove(user: AuthUser, id: number): Promise<void> {
    const meeting = await this.get(id);
    if (meeting.host_id !== user.id) throw notHost();
    const at = this.deps.now();
    const present = await this.deps.db.transaction().execute(async (trx) => {
      const left = await new ParticipantRepository(trx).markAllLeft(id, at);
      await new MeetingRepository(trx).delete(id);
      return left;
    });
    if (meeting.status === 'ended') return;
    for (const userId of present) {
      this.deps.events.publish('participant.left', { meetingId: id, userId, reason: 'meeting_ended', at });
    }
    this.deps.events.publish('meeting.ended', { meetingId: id, code: meeting.code, reason: 'deleted', at });
  }
}

/** Stored in UTC so times compare as text whatever offset the client sent. */
function toUtc(value: string | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}
