import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MeetingIdParamsSchema, MeetingSummarySchema, envelopeOf } from '@meetai/shared';
import { AppError } from '../../http/app-error';
import { envelope, responses } from '../../http/envelope';
import type { Db } from '../../storage/database';
import type { AnalysisRepository } from '../analysis/analysis-repository';
import type { AnalysisService } from '../analysis/analysis-service';
import { meetingForTranscript } from '../transcripts/transcript-access';

export type SummaryRoutesOptions = { db: Db; analysis: AnalysisService; repository: AnalysisRepository };

/** A meeting's summary: read (made when it ended), or made now on demand; who may read the transcript may. */
export const summaryRoutes: FastifyPluginAsyncZod<SummaryRoutesOptions> = async (app, { db, analysis, repository }) => {
  app.addHook('preHandler', app.authenticate);
  const schema = { params: MeetingIdParamsSchema, response: responses({ 200: envelopeOf(MeetingSummarySchema) }) };

  app.get('/meetings/:id/summary', { schema }, async (request) => {
    const meeting = await meetingForTranscript(db, request.user, request.params.id);
    const summary = await repository.summary(meeting.id);
    if (!summary)
      throw new AppError('NOT_FOUND', 404, 'This meeting has no summary yet (it is made when the meeting ends).');
    return envelope(request, summary);
  });

  app.post(
    '/meetings/:id/summary',
    { schema, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request) => {
      const meeting = await meetingForTranscript(db, request.user, request.params.id);
      const summary = await analysis.summarizeMeeting(meeting.id, meeting.status === 'ended');
      if (!summary) throw new AppError('NOT_FOUND', 404, 'This meeting has no transcript to summarise yet.');
      return envelope(request, summary);
    },
  );
};
