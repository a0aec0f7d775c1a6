import { describe, expect, it } from 'vitest';
import { MEETING, PARTICIPANT } from '../../testing/fixtures';
import { describeSchemas } from '../../testing/schema-cases';
import * as meetings from './meetings';

describeSchemas('meetings contracts', meetings, {
  MeetingCodeSchema: {
    valid: ['123-456-789', '000-000-000'],
    invalid: ['123456789', '123-456-78', 'abc-def-ghi', ' 123-456-789'],
  },
  MeetingStatusSchema: { valid: ['scheduled', 'ongoing', 'ended'], invalid: ['cancelled', 2] },
  PasscodeSchema: { valid: ['1234', ' abcd ', 'x'.repeat(32)], invalid: ['123', '  12  ', 'x'.repeat(33)] },
  MeetingSchema: {
    valid: [
      MEETING,
      { ...MEETING, status: 'scheduled', scheduled_start: '2026-02-01T09:00:00.000Z', started_at: null },
    ],
    invalid: [
      { ...MEETING, code: '123456789' },
      { ...MEETING, status: 'live' },
      { ...MEETING, join_url: undefined },
    ],
  },
  CreateMeetingRequestSchema: {
    valid: [
      { title: 'Instant' },
      { title: 'Planned', description: 'Agenda', scheduled_start: '2026-02-01T09:00:00+08:00', passcode: '2468' },
      { title: 'Planned', scheduled_start: '2026-02-01T09:00:00Z', scheduled_end: '2026-02-01T10:00:00Z' },
    ],
    invalid: [
      { title: '' },
      { title: '   ' },
      { title: 'x'.repeat(201) },
      { title: 'Bad time', scheduled_start: 'tomorrow' },
      { title: 'Backwards', scheduled_start: '2026-02-01T10:00:00Z', scheduled_end: '2026-02-01T09:00:00Z' },
      { title: 'End only', scheduled_end: '2026-02-01T10:00:00Z' },
      { title: 'Extra', host_id: 9 },
    ],
  },
  UpdateMeetingRequestSchema: {
    valid: [
      { title: 'New' },
      { passcode: null },
      { is_locked: true },
      { allow_self_unmute: false },
      { scheduled_start: null, scheduled_end: null },
    ],
    invalid: [{}, { is_locked: 'yes' }, { allow_self_unmute: 'no' }, { title: '' }, { code: '111-111-111' }],
  },
  MeetingScopeSchema: { valid: ['upcoming', 'ongoing', 'past'], invalid: ['today', ''] },
  ListMeetingsQuerySchema: {
    valid: [{}, { scope: 'past', page: '2', page_size: '50' }],
    invalid: [{ scope: 'all' }, { page: '0' }, { page_size: '101' }, { page: 'two' }, { sort: 'title' }],
  },
  MeetingIdParamsSchema: {
    valid: [{ id: '42' }, { id: 42 }],
    invalid: [{ id: 'abc' }, { id: '0' }, { id: '-3' }, { id: '1.5' }],
  },
  MeetingCodeParamsSchema: {
    valid: [{ code: '123-456-789' }, { code: '123456789' }],
    invalid: [{ code: 'x'.repeat(33) }, {}],
  },
  JoinMeetingRequestSchema: {
    valid: [{}, { passcode: '2468' }],
    invalid: [{ passcode: 2468 }, { passcode: 'x'.repeat(33) }, { code: '1' }],
  },
  ParticipantRoleSchema: { valid: ['host', 'participant'], invalid: ['moderator'] },
  ParticipantSchema: {
    valid: [PARTICIPANT, { ...PARTICIPANT, role: 'host', left_at: '2026-01-01T10:00:00.000Z', is_present: false }],
    invalid: [
      { ...PARTICIPANT, role: 'guest' },
      { ...PARTICIPANT, is_present: 'yes' },
    ],
  },
  JoinMeetingResultSchema: {
    valid: [{ meeting: MEETING, participant: PARTICIPANT }],
    invalid: [{ meeting: MEETING }, { meeting: { ...MEETING, id: -1 }, participant: PARTICIPANT }],
  },
  ParticipantListSchema: { valid: [[], [PARTICIPANT]], invalid: [PARTICIPANT, [{ ...PARTICIPANT, user_id: 'two' }]] },
});

describe('normalizeMeetingCode', () => {
  it('accepts the ways people type a code and returns the canonical form', () => {
    for (const input of ['123456789', '123-456-789', '123 456 789', ' 123-456 789 ']) {
      expect(meetings.normalizeMeetingCode(input)).toBe('123-456-789');
    }
  });

  it('returns null for anything else', () => {
    for (const input of ['12345678', '1234567890', '123-456-78a', '', 'meeting']) {
      expect(meetings.normalizeMeetingCode(input)).toBeNull();
    }
  });
});
