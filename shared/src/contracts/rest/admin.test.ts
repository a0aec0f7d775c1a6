import { describeSchemas } from '../../testing/schema-cases';
import * as admin from './admin';

const user = {
  id: 7,
  username: 'ada',
  email: 'ada@example.com',
  nickname: 'Ada',
  role: 'user',
  created_at: '2026-01-01T00:00:00.000Z',
  last_login_at: null,
};
const participant = {
  user_id: 7,
  username: 'ada',
  nickname: 'Ada',
  role: 'host',
  joined_at: '2026-01-01T00:00:00.000Z',
  is_connected: true,
};
const meeting = {
  id: 123456789,
  code: '123-456-789',
  title: 'Weekly sync',
  host_id: 7,
  host_name: 'Ada',
  started_at: '2026-01-01T00:00:00.000Z',
  is_locked: false,
  participants: [participant],
};
const audit = {
  id: 1,
  at: '2026-01-01T00:00:00.000Z',
  actor_id: 1,
  actor_name: 'root',
  action: 'user.ban',
  target_type: 'user',
  target_id: 7,
  target_label: 'ada',
  detail: 'spam',
};

describeSchemas('admin contracts', admin, {
  AdminPeerParamsSchema: {
    valid: [
      { id: '123456789012', peerId: 'p-2b7f0c' },
      { id: 7, peerId: 'x'.repeat(128) },
    ],
    invalid: [
      { id: '0', peerId: 'p-2b7f0c' },
      { id: 'abc', peerId: 'p-2b7f0c' },
      { id: '1.5', peerId: 'p-2b7f0c' },
      { id: '7', peerId: '' },
      { id: '7', peerId: 'x'.repeat(129) },
      { id: '7' },
      { id: '7', peerId: 'p-2b7f0c', reason: 'drill' },
    ],
  },
  AdminIdParamsSchema: { valid: [{ id: '42' }, { id: 1 }], invalid: [{ id: '0' }, { id: 'x' }, { id: '4', more: 1 }] },
  AdminListQuerySchema: {
    valid: [{}, { q: ' ada ', page: '2', page_size: '50' }],
    invalid: [{ page: '0' }, { page_size: '101' }, { q: 'x'.repeat(101) }, { scope: 'all' }],
  },
  AdminUserSchema: {
    valid: [
      {
        ...user,
        banned_at: null,
        ban_reason: null,
        live_sockets: 0,
      },
      { ...user, role: 'admin', banned_at: '2026-01-01T00:00:00.000Z', ban_reason: 'spam', live_sockets: 2 },
    ],
    invalid: [
      { ...user, banned_at: null, ban_reason: null },
      { ...user, role: 'root', banned_at: null, ban_reason: null, live_sockets: 0 },
    ],
  },
  BanReasonSchema: { valid: ['spam', 'x'.repeat(500)], invalid: ['', '   ', 'x'.repeat(501)] },
  BanUserRequestSchema: {
    valid: [{ reason: 'Posting spam links' }],
    invalid: [{}, { reason: '' }, { reason: 'x', until: 1 }],
  },
  SetRoleRequestSchema: { valid: [{ role: 'admin' }, { role: 'user' }], invalid: [{ role: 'owner' }, {}] },
  AdminParticipantSchema: {
    valid: [participant],
    invalid: [
      { ...participant, role: 'guest' },
      { ...participant, is_connected: 'yes' },
    ],
  },
  AdminMeetingSchema: {
    valid: [meeting, { ...meeting, participants: [], started_at: null }],
    invalid: [
      { ...meeting, participants: [{}] },
      { ...meeting, id: 0 },
    ],
  },
  ForceEndRequestSchema: {
    valid: [{}, { message: 'Maintenance: back at 10:00' }],
    invalid: [{ message: '' }, { message: 'x'.repeat(501) }, { reason: 'x' }],
  },
  AuditActionSchema: { valid: ['user.ban', 'meeting.force_end'], invalid: ['user.rename', ''] },
  AuditEntrySchema: {
    valid: [audit, { ...audit, detail: null, action: 'peer.disconnect', target_type: 'meeting' }],
    invalid: [
      { ...audit, action: 'user.rename' },
      { ...audit, target_type: 'room' },
      { ...audit, actor_id: undefined },
    ],
  },
});
