import { buildWebJoinLink, type Meeting, type Participant } from '@meetai/shared';
import type { MeetingView } from './meeting-repository';
import type { ParticipantView } from './participant-repository';

export function toMeeting(view: MeetingView, publicUrl: string): Meeting {
  return {
    id: view.id,
    code: view.code,
    title: view.title,
    description: view.description,
    host_id: view.host_id,
    host_name: view.host_name,
    status: view.status,
    scheduled_start: view.scheduled_start,
    scheduled_end: view.scheduled_end,
    started_at: view.started_at,
    ended_at: view.ended_at,
    has_passcode: view.passcode_hash !== null,
    is_locked: view.is_locked === 1,
    allow_self_unmute: view.allow_self_unmute === 1,
    participant_count: Number(view.participant_count),
    created_at: view.created_at,
    updated_at: view.updated_at,
    join_url: buildWebJoinLink(publicUrl, view.code),
  };
}

export function toParticipant(view: ParticipantView): Participant {
  return {
    user_id: view.user_id,
    username: view.username,
    nickname: view.nickname,
    role: view.role,
    joined_at: view.joined_at,
    left_at: view.left_at,
    is_present: view.left_at === null,
  };
}
