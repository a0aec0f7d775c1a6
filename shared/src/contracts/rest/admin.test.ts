import { describeSchemas } from '../../testing/schema-cases';
import * as admin from './admin';

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
});
