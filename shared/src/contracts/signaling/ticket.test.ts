import { describeSchemas } from '../../testing/schema-cases';
import * as ticket from './ticket';

const TICKET = {
  ticket: 'tk_4fJ9c2Qm8xLr0aZe',
  expires_at: '2026-01-01T09:00:30.000Z',
  peer_id: 'p-2b7f0c',
  ws_path: '/ws/signaling?ticket=tk_4fJ9c2Qm8xLr0aZe',
};

describeSchemas('signaling ticket contracts', ticket, {
  TicketRequestSchema: {
    valid: [{}, { resume_peer_id: 'p-2b7f0c' }, { resume_peer_id: 'x'.repeat(128) }, { lobby: true }],
    invalid: [
      { resume_peer_id: 'x'.repeat(129) },
      { resume_peer_id: 7 },
      { peer_id: 'p-2b7f0c' },
      { lobby: 'yes' },
      null,
    ],
  },
  TicketSchema: {
    valid: [TICKET],
    invalid: [
      { ...TICKET, ticket: undefined },
      { ...TICKET, expires_at: 30 },
      { ...TICKET, ws_path: undefined },
    ],
  },
});
