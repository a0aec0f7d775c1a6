import { describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import type { Caption, SpeakerEmotion, SynthesisAlert } from '@meetai/shared';
import { EventBus } from '../../events/event-bus';
import type { AppEvents } from '../../events/app-events';
import type { AudioProducerInfo } from '../../media/audio-seam';
import { librivoxClips, readWav, voiceClips } from '../testing/audio-fixtures';
import type { TranscriptRepository } from '../transcripts/transcript-repository';
import type { AnalysisRepository, AnalysisSwitches } from './analysis-repository';
import { AnalysisService } from './analysis-service';
import { TextEmotionAnalyzer } from './emotion/text-emotion';
import { FeatureSynthesisDetector } from './synthesis/feature-detector';

/** The service on real clips and the real detector, with storage faked: what a meeting's room is told. */
function setup(saved?: AnalysisSwitches) {
  const events = new EventBus<AppEvents>(() => {});
  const alerts: SynthesisAlert[] = [];
  const emotions: SpeakerEmotion[] = [];
  events.on('synthesis.alert', ({ alert }) => void alerts.push(alert));
  events.on('emotion.speaker', ({ emotion }) => void emotions.push(emotion));
  const repository = { switches: vi.fn(async () => saved), saveSwitches: vi.fn(async () => {}) };
  const service = new AnalysisService({
    repository: repository as unknown as AnalysisRepository,
    transcripts: {} as TranscriptRepository,
    textEmotion: new TextEmotionAnalyzer(null),
    detector: new FeatureSynthesisDetector(),
    events,
    defaults: { emotion: true, synthesis: true },
    log: pino({ level: 'silent' }),
  });
  return { service, events, alerts, emotions, repository };
}

const producer = (peerId: string): AudioProducerInfo => ({
  meetingId: 5,
  peerId,
  userId: 3,
  displayName: peerId,
  producerId: `pr-${peerId}`,
  source: 'mic',
  isPaused: false,
});

const caption = (peerId: string, text: string): Caption => ({
  id: `u-${Math.random()}`,
  meetingId: 5,
  peerId,
  userId: 3,
  displayName: peerId,
  text,
  startMs: 1,
  endMs: 2,
  isFinal: true,
  language: 'en',
  engine: 'pocketsphinx',
  model: 'en-us',
  confidence: 0.8,
});

describe('AnalysisService on finals', () => {
  it('alerts for a TTS voice only after several of its utterances, never for a recorded person', async () => {
    const { service, alerts, emotions } = setup();
    const tts = voiceClips().filter((clip) => clip.voice === 'espeak-ng en-gb');
    const alertsAfter: number[] = [];
    for (const clip of tts.slice(0, 5)) {
      await service.afterFinal(
        caption('tts', 'Let us review the budget.'),
        producer('tts'),
        readWav(clip.path16k).samples,
      );
      alertsAfter.push(alerts.length);
    }
    // Never on the first utterances: three flagged ones at least.
    expect(alertsAfter.slice(0, 2)).toEqual([0, 0]);
    for (const clip of [...librivoxClips(), ...librivoxClips()]) {
      await service.afterFinal(caption('human', clip.text), producer('human'), readWav(clip.path16k).samples);
    }
    expect(alerts.map((alert) => [alert.peerId, alert.state])).toEqual([['tts', 'raised']]);
    expect(alerts[0]).toMatchObject({ label: 'experimental synthetic-voice indicator', flaggedUtterances: 3 });
    expect(alerts[0]!.method).toMatch(/jitter/);
    const last = emotions.filter((e) => e.peerId === 'human').at(-1)!;
    expect(last.utterances).toBe(10);
    expect(last.estimate.signals).toEqual(['words', 'voice']);
    expect(last.estimate.arousal).not.toBeNull();
  }, 120_000);

  it('stores each line with its emotion, and tells the caption its words’ emotion', async () => {
    const { service } = setup();
    const clip = librivoxClips()[0]!;
    const words = await service.wordsEmotion(5, { text: 'I am furious about this.', language: 'en' });
    expect(words).toMatchObject({ emotion: 'anger', signals: ['words'] });
    const stored = await service.afterFinal(
      caption('a', 'I am furious about this.'),
      producer('a'),
      readWav(clip.path16k).samples,
    );
    expect(stored).toMatchObject({ emotion: 'anger' });
    expect(stored?.method).toMatch(/voice/);
  });

  it('does nothing the host switched off, and says so to the room', async () => {
    const { service, events, alerts, emotions, repository } = setup({ emotion: true, synthesis: true });
    const statuses: unknown[] = [];
    events.on('analysis.status', ({ status }) => void statuses.push(status));
    const status = await service.set(5, { emotion: false, synthesis: false });
    expect(status).toMatchObject({ emotion: false, synthesis: false });
    expect(statuses).toHaveLength(1);
    expect(repository.saveSwitches).toHaveBeenCalledWith(5, { emotion: false, synthesis: false }, expect.any(String));
    const clip = voiceClips().find((c) => c.kind === 'synthetic')!;
    for (let i = 0; i < 4; i++) {
      expect(
        await service.afterFinal(caption('x', 'Wonderful!'), producer('x'), readWav(clip.path16k).samples),
      ).toBeNull();
    }
    expect(await service.wordsEmotion(5, { text: 'Wonderful!', language: 'en' })).toBeUndefined();
    expect(alerts).toEqual([]);
    expect(emotions).toEqual([]);
  });
});
