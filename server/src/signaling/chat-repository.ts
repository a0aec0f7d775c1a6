import type { Generated } from 'kysely';
import type { ChatMessage } from '@meetai/shared';
import type { Db } from '../storage/database';
import type { ChatRetention } from './signaling-settings';

/** Table added by migration 0002; declared here because only signaling reads or writes it. */
type ChatMessagesTable = {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  display_name: string;
  text: string;
  sent_at: string;
};

export const CHAT_HISTORY_LIMIT = 200;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Chat messages, kept within `retention`: a meeting keeps its newest
 * `keepPerMeeting` (older ones go as new ones arrive), and nothing older than
 * `retentionS` is read or, once an hour, kept.
 */
export class ChatRepository {
  private readonly db;
  private lastPurge = Number.NEGATIVE_INFINITY;

  constructor(
    db: Db,
    private readonly retention: ChatRetention,
    private readonly now: () => number = Date.now,
  ) {
    this.db = db.withTables<{ chat_messages: ChatMessagesTable }>();
  }

  async add(message: Omit<ChatMessage, 'id'>): Promise<ChatMessage> {
    const row = await this.db
      .insertInto('chat_messages')
      .values({
        meeting_id: message.meetingId,
        user_id: message.userId,
        display_name: message.displayName,
        text: message.text,
        sent_at: message.sentAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.trim(message.meetingId);
    if (this.now() - this.lastPurge >= PURGE_EVERY_MS) await this.purgeExpired();
    return { ...message, id: String(row.id) };
  }

  /** The latest messages of a meeting still within the retention, oldest first. */
  async recent(meetingId: number, limit = CHAT_HISTORY_LIMIT): Promise<ChatMessage[]> {
    const rows = await this.db
      .selectFrom('chat_messages')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .where('sent_at', '>=', this.cutoff())
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse().map((row) => ({
      id: String(row.id),
      meetingId: row.meeting_id,
      userId: row.user_id,
      displayName: row.display_name,
      text: row.text,
      sentAt: row.sent_at,
    }));
  }

  /** Deletes every message older than the retention, in all meetings. */
  async purgeExpired(): Promise<number> {
    this.lastPurge = this.now();
    const result = await this.db.deleteFrom('chat_messages').where('sent_at', '<', this.cutoff()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async trim(meetingId: number): Promise<void> {
    const boundary = await this.db
      .selectFrom('chat_messages')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .orderBy('id', 'desc')
      .limit(1)
      .offset(this.retention.keepPerMeeting)
      .executeTakeFirst();
    if (!boundary) return;
    await this.db
      .deleteFrom('chat_messages')
      .where('meeting_id', '=', meetingId)
      .where('id', '<=', boundary.id)
      .execute();
  }

  private cutoff(): string {
    return new Date(this.now() - this.retention.retentionS * 1000).toISOString();
  }
}
