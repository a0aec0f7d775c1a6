import { sql, type Generated, type Selectable } from 'kysely';
import type { AsrEngineName, EmotionLabel, LanguageChoice, LineEmotion, TranscriptLine } from '@meetai/shared';
import type { Db } from '../../storage/database';

/** Tables added by migration 0003; declared here because only the AI module reads or writes them. */
type TranscriptLinesTable = {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  speaker_name: string;
  text: string;
  start_at: string;
  end_at: string;
  language: string;
  engine: string;
  model: string;
  confidence: number;
  /** Added by migration 0006: the utterance's emotion, when analysis was on. */
  emotion: string | null;
  emotion_confidence: number | null;
  emotion_method: string | null;
};
type TranscriptSearchTable = { rowid: number; text: string };
type MeetingCaptionSettingsTable = { meeting_id: number; is_enabled: number; language: string; updated_at: string };

export type NewTranscriptLine = Omit<TranscriptLine, 'id' | 'offset_ms' | 'emotion'> & { emotion?: LineEmotion | null };
export type TranscriptPage = { lines: TranscriptLine[]; total: number };
export type CaptionSettings = { isEnabled: boolean; language: LanguageChoice };

/** Trigram search needs three characters; shorter queries scan with LIKE (a meeting's lines, not the table). */
const MIN_FTS_QUERY_CHARS = 3;

export class TranscriptRepository {
  private readonly db;

  constructor(db: Db) {
    this.db = db.withTables<{
      transcript_lines: TranscriptLinesTable;
      transcript_search: TranscriptSearchTable;
      meeting_caption_settings: MeetingCaptionSettingsTable;
    }>();
  }

  async add({ emotion, ...line }: NewTranscriptLine): Promise<number> {
    const values = {
      ...line,
      emotion: emotion?.emotion ?? null,
      emotion_confidence: emotion?.confidence ?? null,
      emotion_method: emotion?.method ?? null,
    };
    const row = await this.db.insertInto('transcript_lines').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Lines in spoken order; `query` keeps those whose text contains it (case-insensitive). */
  async page(meetingId: number, options: { offset: number; limit: number; query?: string }): Promise<TranscriptPage> {
    const firstStart = await this.firstStart(meetingId);
    let base = this.db.selectFrom('transcript_lines').where('meeting_id', '=', meetingId);
    const query = options.query?.trim();
    if (query && [...query].length >= MIN_FTS_QUERY_CHARS) {
      const match = `"${query.replaceAll('"', '""')}"`;
      base = base.where('id', 'in', (eb) =>
        eb
          .selectFrom('transcript_search')
          .select('rowid')
          .where(sql<boolean>`transcript_search MATCH ${match}`),
      );
    } else if (query) {
      base = base.where(sql<boolean>`instr(lower(text), lower(${query})) > 0`);
    }
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll()
      .orderBy('start_at')
      .orderBy('id')
      .offset(options.offset)
      .limit(options.limit)
      .execute();
    return { lines: rows.map((row) => toLine(row, firstStart)), total: Number(total) };
  }

  async all(meetingId: number): Promise<TranscriptLine[]> {
    const firstStart = await this.firstStart(meetingId);
    const rows = await this.db
      .selectFrom('transcript_lines')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('start_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => toLine(row, firstStart));
  }

  async settings(meetingId: number): Promise<CaptionSettings | undefined> {
    const row = await this.db
      .selectFrom('meeting_caption_settings')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    return row ? { isEnabled: row.is_enabled === 1, language: row.language as LanguageChoice } : undefined;
  }

  async saveSettings(meetingId: number, settings: CaptionSettings, now: string): Promise<void> {
    const values = { is_enabled: settings.isEnabled ? 1 : 0, language: settings.language, updated_at: now };
    await this.db
      .insertInto('meeting_caption_settings')
      .values({ meeting_id: meetingId, ...values })
      .onConflict((oc) => oc.column('meeting_id').doUpdateSet(values))
      .execute();
  }

  private async firstStart(meetingId: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('transcript_lines')
      .select((eb) => eb.fn.min('start_at').as('first'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    return row?.first ? Date.parse(row.first) : undefined;
  }
}

function toLine(
  { emotion, emotion_confidence, emotion_method, ...row }: Selectable<TranscriptLinesTable>,
  firstStart: number | undefined,
): TranscriptLine {
  return {
    ...row,
    emotion:
      emotion && emotion_confidence !== null && emotion_method
        ? { emotion: emotion as EmotionLabel, confidence: emotion_confidence, method: emotion_method }
        : null,
    engine: row.engine as AsrEngineName,
    offset_ms: Math.max(0, Date.parse(row.start_at) - (firstStart ?? Date.parse(row.start_at))),
  };
}
