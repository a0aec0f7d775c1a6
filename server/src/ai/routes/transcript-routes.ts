import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MeetingIdParamsSchema,
  TranscriptExportQuerySchema,
  TranscriptLineSchema,
  TranscriptQuerySchema,
  envelopeOf,
  pageOf,
} from '@meetai/shared';
import { envelope, responses } from '../../http/envelope';
import type { Db } from '../../storage/database';
import type { AnalysisRepository } from '../analysis/analysis-repository';
import { meetingForTranscript } from '../transcripts/transcript-access';
import { exportFileName, renderTranscript } from '../transcripts/transcript-export';
import type { TranscriptRepository } from '../transcripts/transcript-repository';

export type TranscriptRoutesOptions = {
  db: Db;
  transcripts: TranscriptRepository;
  /** The meeting's summary goes into the text and JSON exports when there is one. */
  summaries?: Pick<AnalysisRepository, 'summary'>;
};

/** `/meetings/:id/transcript` (paged, searchable) and its export as a file. */
export const transcriptRoutes: FastifyPluginAsyncZod<TranscriptRoutesOptions> = async (
  app,
  { db, transcripts, summaries },
) => {
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/meetings/:id/transcript',
    {
      schema: {
        params: MeetingIdParamsSchema,
        querystring: TranscriptQuerySchema,
        response: responses({ 200: envelopeOf(pageOf(TranscriptLineSchema)) }),
      },
    },
    async (request) => {
      const { id } = request.params;
      const { page, page_size, q } = request.query;
      await meetingForTranscript(db, request.user, id);
      const { lines, total } = await transcripts.page(id, {
        offset: (page - 1) * page_size,
        limit: page_size,
        query: q,
      });
      return envelope(request, { list: lines, total, page, page_size, total_pages: Math.ceil(total / page_size) });
    },
  );

  app.get(
    '/meetings/:id/transcript/export',
    { schema: { params: MeetingIdParamsSchema, querystring: TranscriptExportQuerySchema } },
    async (request, reply) => {
      const meeting = await meetingForTranscript(db, request.user, request.params.id);
      const lines = await transcripts.all(meeting.id);
      const summary = { id: meeting.id, title: meeting.title, code: meeting.code };
      const meetingSummary = await summaries?.summary(meeting.id);
      const file = renderTranscript(request.query.format, summary, lines, meetingSummary);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${exportFileName(meeting, file.extension)}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};
