import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../storage/database';
import type { AiModule } from './ai-module';
import { aiRoutes } from './routes/ai-routes';
import { analysisRoutes } from './routes/analysis-routes';
import { summaryRoutes } from './routes/summary-routes';
import { transcriptRoutes } from './routes/transcript-routes';

export type AiModuleOptions = { ai: AiModule; db: Db };

/** The AI module's routes (seed port 8084 alone): `/ai/asr|info|health` and the meetings' transcripts. */
export const aiModule: FastifyPluginAsync<AiModuleOptions> = async (app, { ai, db }) => {
  await app.register(aiRoutes, {
    engine: ai.engine,
    info: ai.info,
    health: () => ({
      liveTaps: ai.captions?.liveTaps ?? 0,
      queuedUtterances: ai.captions?.queuedUtterances ?? 0,
    }),
  });
  await app.register(transcriptRoutes, { db, transcripts: ai.transcripts, summaries: ai.analysis.repository });
  await app.register(analysisRoutes, { analysis: ai.analysis, detector: ai.analysis.detector });
  await app.register(summaryRoutes, { db, analysis: ai.analysis, repository: ai.analysis.repository });
};
