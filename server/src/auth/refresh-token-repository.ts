import type { Db } from '../storage/database';
import type { RefreshTokenRow, RefreshTokensTable } from '../storage/tables';

type RevokeReason = NonNullable<RefreshTokensTable['revoked_reason']>;

export class RefreshTokenRepository {
  constructor(private readonly db: Db) {}

  async insert(row: {
    user_id: number;
    family_id: string;
    token_hash: string;
    created_at: string;
    expires_at: string;
  }) {
    await this.db.insertInto('refresh_tokens').values(row).execute();
  }

  findByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return this.db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async revoke(id: number, reason: RevokeReason, at: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at, revoked_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeFamily(familyId: string, reason: RevokeReason, at: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at, revoked_reason: reason })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Every live token of the user except those of `keepFamilyId` (the session that asked). */
  async revokeUserSessions(userId: number, reason: RevokeReason, at: string, keepFamilyId?: string): Promise<number> {
    let query = this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at, revoked_reason: reason })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (keepFamilyId) query = query.where('family_id', '!=', keepFamilyId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
