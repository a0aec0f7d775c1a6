import { z } from 'zod';

/** `/api/v1/admin/meetings/:id/peers/:peerId/...`: one live connection of a meeting. */
export const AdminPeerParamsSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    peerId: z.string().min(1).max(128),
  })
  .strict();
export type AdminPeerParams = z.infer<typeof AdminPeerParamsSchema>;
