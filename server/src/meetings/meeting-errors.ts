import { AppError } from '../http/app-error';

export const meetingNotFound = () =>
  new AppError('MEETING_NOT_FOUND', 404, 'There is no meeting with this id or code: check it and try again.');
export const meetingEnded = () => new AppError('MEETING_ENDED', 409, 'This meeting has ended.');
export const notHost = () => new AppError('NOT_HOST', 403, 'Only the host of this meeting can do this.');
export const notParticipant = () => new AppError('NOT_A_PARTICIPANT', 403, 'Only people in this meeting can see this.');
export const meetingFull = () => new AppError('MEETING_FULL', 403, 'This meeting is full: no one else can join now.');
export const removedFromMeeting = () =>
  new AppError('REMOVED_FROM_MEETING', 403, 'The host removed you from this meeting: you cannot join it again.');
