import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AI_UPLOAD_MAX_BODY_BYTES,
  AiHealthSchema,
  AiInfoSchema,
  AsrRequestSchema,
  AsrResultSchema,
  envelopeOf,
  type AiInfo,
} from '@meetai/shared';
import { AppError } from '../../http/app-error';
import { envelope, responses } from '../../http/envelope';
import { EngineBusyError, EngineUnavailableError, type SpeechEngine } from '../asr/speech-engine';
import { ASR_SAMPLE_RATE } from '../asr/speech-engine';
import { BadAudioError, decodeUploadedAudio } from '../audio/uploaded-audio';

export type AiRoutesOptions = {
  engine: SpeechEngine | null;
  info: () => AiInfo;
  health: () => { liveTaps: number; queuedUtterances: number };
};

/** Uploads are costly (a decode per request): a few a minute per address is what a person needs. */
const ASR_RATE = { max: 30, timeWindow: '1 minute' };

/** The seed's `/ai/*` routes, running the same engine as the live captions. */
export const aiRoutes: FastifyPluginAsyncZod<AiRoutesOptions> = async (app, { engine, info, health }) => {
  app.post(
    '/ai/asr',
    {
      bodyLimit: AI_UPLOAD_MAX_BODY_BYTES,
      config: { rateLimit: ASR_RATE },
      preHandler: app.authenticate,
      schema: { body: AsrRequestSchema, response: responses({ 200: envelopeOf(AsrResultSchema) }) },
    },
    async (request) => {
      if (!engine) throw new AppError('AI_UNAVAILABLE', 503, 'Speech recognition is switched off on this server.');
      let audio: Float32Array;
      try {
        audio = decodeUploadedAudio(request.body);
      } catch (err) {
        if (err instanceof BadAudioError) throw new AppError('BAD_AUDIO', 400, err.message);
        throw err;
      }
      const started = performance.now();
      try {
        const result = await engine.recognize(audio, { language: request.body.language, priority: 'final' });
        return envelope(request, {
          text: result.text,
          confidence: result.confidence,
          language: result.language,
          audio_ms: Math.round((audio.length / ASR_SAMPLE_RATE) * 1000),
          duration_ms: Math.round(performance.now() - started),
          engine: result.engine,
          model: result.model,
        });
      } catch (err) {
        if (err instanceof EngineBusyError || err instanceof EngineUnavailableError) {
          throw new AppError('AI_UNAVAILABLE', 503, `${err.message}. Try again in a moment.`);
        }
        throw err;
      }
    },
  );

  app.get('/ai/info', { schema: { response: responses({ 200: envelopeOf(AiInfoSchema) }) } }, async (request) =>
    envelope(request, info()),
  );

  app.get('/ai/health', { schema: { response: responses({ 200: envelopeOf(AiHealthSchema) }) } }, async (request) => {
    const status = engine?.info();
    const { liveTaps, queuedUtterances } = health();
    return envelope(request, {
      status: !status
        ? 'down'
        : status.status === 'ready'
          ? 'up'
          : status.status === 'unavailable'
            ? 'down'
            : 'degraded',
      asr: status?.status ?? null,
      message: status ? status.reason : 'Speech recognition is switched off on this server.',
      live_taps: liveTaps,
      queued_utterances: queuedUtterances,
    });
  });
};
