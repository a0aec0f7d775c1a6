import type { MeetingSummary } from '@meetai/shared';
import type { Db } from '../../storage/database';

/** Tables added by migration 0006; declared here because only the analysis module reads or writes them. */
type MeetingAnalysisSettingsTable = { meeting_id: number; emotion: number; synthesis: number; updated_at: string };
type MeetingSummariesTable = {
  meeting_id: number;
  generated_at: string;
  is_final: number;
  language: string;
  method: string;
  body: string;
};

export type AnalysisSwitches = { emotion: boolean; synthesis: boolean };
type SummaryBody = Pick<MeetingSummary, 'summary' | 'sentences' | 'action_items'>;

export class AnalysisRepository {
  private readonly db;

  constructor(db: Db) {
    this.db = db.withTables<{
      meeting_analysis_settings: MeetingAnalysisSettingsTable;
      meeting_summaries: MeetingSummariesTable;
    }>();
  }

  async switches(meetingId: number): Promise<AnalysisSwitches | undefined> {
    const row = await this.db
      .selectFrom('meeting_analysis_settings')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    return row ? { emotion: row.emotion === 1, synthesis: row.synthesis === 1 } : undefined;
  }

  async saveSwitches(meetingId: number, switches: AnalysisSwitches, now: string): Promise<void> {
    const values = { emotion: switches.emotion ? 1 : 0, synthesis: switches.synthesis ? 1 : 0, updated_at: now };
    await this.db
      .insertInto('meeting_analysis_settings')
      .values({ meeting_id: meetingId, ...values })
      .onConflict((oc) => oc.column('meeting_id').doUpdateSet(values))
      .execute();
  }

  async summary(meetingId: number): Promise<MeetingSummary | undefined> {
    const row = await this.db
      .selectFrom('meeting_summaries')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!row) return undefined;
    const body = JSON.parse(row.body) as SummaryBody;
    return {
      meeting_id: row.meeting_id,
      generated_at: row.generated_at,
      is_final: row.is_final === 1,
      language: row.language === 'zh' ? 'zh' : 'en',
      method: row.method,
      ...body,
    };
  }

  async saveSummary(summary: MeetingSummary): Promise<void> {
    const body: SummaryBody = {
      summary: summary.summary,
      sentences: summary.sentences,
      action_items: summary.action_items,
    };
    const values = {
      generated_at: summary.generated_at,
      is_final: summary.is_final ? 1 : 0,
      language: summary.language,
      method: summary.method,
      body: JSON.stringify(body),
    };
    await this.db
      .insertInto('meeting_summaries')
      .values({ meeting_id: summary.meeting_id, ...values })
      .onConflict((oc) => oc.column('meeting_id').doUpdateSet(values))
      .execute();
  }
}
