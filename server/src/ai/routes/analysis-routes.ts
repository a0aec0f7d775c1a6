import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AI_UPLOAD_MAX_BODY_BYTES,
  EmotionRequestSchema,
  EmotionResultSchema,
  SYNTHESIS_INDICATOR_LABEL,
  SummaryRequestSchema,
  SummaryResultSchema,
  SynthesisRequestSchema,
  SynthesisResultSchema,
  envelopeOf,
} from '@meetai/shared';
import { AppError } from '../../http/app-error';
import { envelope, responses } from '../../http/envelope';
import type { AnalysisService } from '../analysis/analysis-service';
import { summarize } from '../analysis/summary/summarizer';
import type { SyntheticVoiceDetector } from '../analysis/synthesis/synthetic-voice-detector';
import { ASR_SAMPLE_RATE } from '../asr/speech-engine';
import { BadAudioError, decodeUploadedAudio } from '../audio/uploaded-audio';

export type AnalysisRoutesOptions = { analysis: AnalysisService; detector: SyntheticVoiceDetector };

/** Text is cheap; audio costs a feature pass per request. */
const TEXT_RATE = { max: 120, timeWindow: '1 minute' };
const AUDIO_RATE = { max: 30, timeWindow: '1 minute' };

/** The seed's `/ai/emotion`, `/ai/synthesis` and `/ai/summary`, running what the live meeting runs. */
export const analysisRoutes: FastifyPluginAsyncZod<AnalysisRoutesOptions> = async (app, { analysis, detector }) => {
  app.post(
    '/ai/emotion',
    {
      config: { rateLimit: TEXT_RATE },
      preHandler: app.authenticate,
      schema: { body: EmotionRequestSchema, response: responses({ 200: envelopeOf(EmotionResultSchema) }) },
    },
    async (request) => {
      const { text, language } = request.body;
      const estimate = analysis.textEstimate(text, language);
      const read = language === 'auto' ? analysis.languageOf(text) : language;
      return envelope(request, { ...estimate, language: read });
    },
  );

  app.post(
    '/ai/synthesis',
    {
      bodyLimit: AI_UPLOAD_MAX_BODY_BYTES,
      config: { rateLimit: AUDIO_RATE },
      preHandler: app.authenticate,
      schema: { body: SynthesisRequestSchema, response: responses({ 200: envelopeOf(SynthesisResultSchema) }) },
    },
    async (request) => {
      let audio: Float32Array;
      try {
        audio = decodeUploadedAudio({ ...request.body, language: 'auto' });
      } catch (err) {
        if (err instanceof BadAudioError) throw new AppError('BAD_AUDIO', 400, err.message);
        throw err;
      }
      const verdict = await detector.analyse(audio);
      if (!verdict) {
        throw new AppError('BAD_AUDIO', 400, 'The audio holds too little voiced speech to judge (at least 0.1 s).');
      }
      return envelope(request, {
        is_synthetic: verdict.isSynthetic,
        score: verdict.score,
        confidence: verdict.confidence,
        label: SYNTHESIS_INDICATOR_LABEL,
        method: detector.method,
        features: verdict.features,
        audio_ms: Math.round((audio.length / ASR_SAMPLE_RATE) * 1000),
      });
    },
  );

  app.post(
    '/ai/summary',
    {
      config: { rateLimit: TEXT_RATE },
      preHandler: app.authenticate,
      schema: { body: SummaryRequestSchema, response: responses({ 200: envelopeOf(SummaryResultSchema) }) },
    },
    async (request) => {
      const { text, language, max_sentences } = request.body;
      const lines = text.split(/\r?\n/).map((line) => ({ text: line }));
      const {
        sentenceLines: _s,
        itemLines: _i,
        ...result
      } = summarize(lines, { language, maxSentences: max_sentences });
      return envelope(request, result);
    },
  );
};
