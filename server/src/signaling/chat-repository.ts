import type { Generated } from 'kysely';
import type { ChatMessage } from '@meetai/shared';
import type { Db } from '../storage/database';

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

export class ChatRepository {
  private readonly db;

  constructor(db: Db) {
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
    return { ...message, id: String(row.id) };
  }

  /** The latest messages of a meeting, oldest first. */
  async recent(meetingId: number, limit = CHAT_HISTORY_LIMIT): Promise<ChatMessage[]> {
    const rows = await this.db
      .selectFrom('chat_messages')
      .selectAll()
      .where('meeting_id', '=', meetingId)
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
}
