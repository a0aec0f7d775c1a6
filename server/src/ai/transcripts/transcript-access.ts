import type { AuthUser } from '../../auth/token-service';
import { AppError } from '../../http/app-error';
import { meetingNotFound } from '../../meetings/meeting-errors';
import { MeetingRepository, type MeetingView } from '../../meetings/meeting-repository';
import { ParticipantRepository } from '../../meetings/participant-repository';
import type { Db } from '../../storage/database';

/**
 * A transcript is readable by the host, by anyone who attended (also after
 * they left: reading it afterwards is the point), and by admins.
 */
export async function meetingForTranscript(db: Db, user: AuthUser, meetingId: number): Promise<MeetingView> {
  const meeting = await new MeetingRepository(db).findById(meetingId);
  if (!meeting) throw meetingNotFound();
  if (meeting.host_id === user.id || user.role === 'admin') return meeting;
  if (await new ParticipantRepository(db).find(meetingId, user.id)) return meeting;
  throw new AppError('NOT_A_PARTICIPANT', 403, 'Only people who attended this meeting can read its transcript.');
}
