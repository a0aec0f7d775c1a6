import type { FastifyBaseLogger } from 'fastify';
import type {
  AnalysisStatus,
  Caption,
  EmotionEstimate,
  LineEmotion,
  MeetingSummary,
  SynthesisAlert,
} from '@meetai/shared';
import { SYNTHESIS_INDICATOR_LABEL } from '@meetai/shared';
import type { AppEventBus } from '../../events/app-events';
import type { AudioProducerInfo } from '../../media/audio-seam';
import type { TranscriptRepository } from '../transcripts/transcript-repository';
import type { AnalysisRepository, AnalysisSwitches } from './analysis-repository';
import { SpeakerEmotionTracker } from './emotion/speaker-emotion';
import { detectTextLanguage, type TextEmotionAnalyzer } from './emotion/text-emotion';
import { blendArousal, VoiceArousal } from './emotion/voice-arousal';
import { summarize } from './summary/summarizer';
import { FeatureSynthesisDetector } from './synthesis/feature-detector';
import { SpeakerSynthesisTracker } from './synthesis/speaker-synthesis-tracker';
import type { SynthesisVerdict, SyntheticVoiceDetector } from './synthesis/synthetic-voice-detector';
import { extractVoiceFeaturesAsync, type VoiceFeatures } from './synthesis/voice-features';

export type AnalysisServiceDeps = {
  repository: AnalysisRepository;
  transcripts: TranscriptRepository;
  textEmotion: TextEmotionAnalyzer;
  detector: SyntheticVoiceDetector;
  events: AppEventBus;
  defaults: AnalysisSwitches;
  log: FastifyBaseLogger;
  now?: () => Date;
};

/** One speaker's running state in one meeting. */
type SpeakerState = { arousal: VoiceArousal; emotion: SpeakerEmotionTracker; synthesis: SpeakerSynthesisTracker };
type MeetingState = { switches: AnalysisSwitches; speakers: Map<string, SpeakerState> };

const VOICE_METHOD = 'voice pitch and loudness against the speaker’s own (arousal)';

/**
 * Emotion and the synthetic-voice indicator on every final caption of a
 * meeting (as the host switched them), and its summary. The caption service
 * asks `wordsEmotion` before a final goes out (cheap: a lexicon) and hands the
 * utterance's audio to `afterFinal` once it has (voice measurements, off the
 * caption's path): that publishes the speaker's running emotion and, when
 * several of a speaker's utterances look synthetic, the indicator's alert.
 * When a meeting ends its transcript is summarised and stored.
 */
export class AnalysisService {
  private readonly meetings = new Map<number, Promise<MeetingState>>();
  private readonly unsubscribe: Array<() => void> = [];
  private readonly now: () => Date;

  constructor(private readonly deps: AnalysisServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  start(): void {
    this.unsubscribe.push(this.deps.events.on('meeting.ended', ({ meetingId }) => void this.onMeetingEnded(meetingId)));
  }

  get detector(): SyntheticVoiceDetector {
    return this.deps.detector;
  }

  get repository(): AnalysisRepository {
    return this.deps.repository;
  }

  async close(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    await this.deps.detector.close();
  }

  get emotionMethod(): string {
    const { en, zh } = this.deps.textEmotion.methods;
    return `words: ${en}; ${zh}. ${VOICE_METHOD}`;
  }

  async status(meetingId: number): Promise<AnalysisStatus> {
    return this.statusOf((await this.meeting(meetingId)).switches);
  }

  async set(meetingId: number, change: Partial<AnalysisSwitches>): Promise<AnalysisStatus> {
    const meeting = await this.meeting(meetingId);
    meeting.switches = { ...meeting.switches, ...change };
    // Switched off, a speaker's history goes too: switched back on, the estimates start afresh.
    if (!meeting.switches.emotion || !meeting.switches.synthesis) meeting.speakers.clear();
    await this.deps.repository.saveSwitches(meetingId, meeting.switches, this.now().toISOString());
    const status = this.statusOf(meeting.switches);
    this.deps.events.publish('analysis.status', { meetingId, status });
    return status;
  }

  /** The words' emotion for a final caption about to go out; undefined when the host switched emotion off. */
  async wordsEmotion(
    meetingId: number,
    caption: Pick<Caption, 'text' | 'language'>,
  ): Promise<EmotionEstimate | undefined> {
    const { switches } = await this.meeting(meetingId);
    if (!switches.emotion || !caption.text.trim()) return undefined;
    return this.textEstimate(caption.text, caption.language);
  }

  /**
   * After a final went out: the utterance's voice. Publishes the speaker's running emotion and any change of
   * their synthetic-voice alert; resolves to the emotion to store with the transcript line.
   */
  async afterFinal(
    caption: Caption,
    producer: AudioProducerInfo,
    audio: Float32Array | undefined,
  ): Promise<LineEmotion | null> {
    const meeting = await this.meeting(caption.meetingId);
    const { emotion: isEmotionOn, synthesis: isSynthesisOn } = meeting.switches;
    if (!isEmotionOn && !isSynthesisOn) return null;
    const features = audio ? await extractVoiceFeaturesAsync(audio) : null;
    const speaker = this.speaker(meeting, producer.peerId);
    let stored: LineEmotion | null = null;
    if (isEmotionOn && caption.text.trim()) {
      const words = this.deps.textEmotion.analyse(caption.text, asTextLanguage(caption.language));
      const estimate: EmotionEstimate = features
        ? { ...blendArousal(words, speaker.arousal.measure(features)), method: `${words.method}; ${VOICE_METHOD}` }
        : { ...withoutLanguage(words), arousal: null, signals: ['words'] };
      stored = { emotion: estimate.emotion, confidence: estimate.confidence, method: estimate.method };
      const running = speaker.emotion.add(estimate);
      this.deps.events.publish('emotion.speaker', {
        meetingId: caption.meetingId,
        emotion: {
          peerId: producer.peerId,
          userId: producer.userId,
          displayName: producer.displayName,
          estimate: running,
          utterances: speaker.emotion.utterances,
        },
      });
    }
    if (isSynthesisOn && audio) {
      const verdict = await this.judge(audio, features);
      if (verdict) {
        const state = speaker.synthesis.add(verdict);
        if (state.change) {
          const alert: SynthesisAlert = {
            peerId: producer.peerId,
            userId: producer.userId,
            displayName: producer.displayName,
            state: state.change,
            score: state.score,
            flaggedUtterances: state.flagged,
            utterances: state.utterances,
            label: SYNTHESIS_INDICATOR_LABEL,
            method: this.deps.detector.method,
          };
          this.deps.log.info({ meetingId: caption.meetingId, alert }, 'synthetic-voice indicator');
          this.deps.events.publish('synthesis.alert', { meetingId: caption.meetingId, alert });
        }
      }
    }
    return stored;
  }

  /** The meeting's transcript summarised and stored (final once the meeting has ended). */
  async summarizeMeeting(meetingId: number, isFinal: boolean): Promise<MeetingSummary | undefined> {
    const lines = await this.deps.transcripts.all(meetingId);
    if (lines.length === 0) return undefined;
    const result = summarize(lines.map((line) => ({ text: line.text, speaker: line.speaker_name })));
    const ref = (index: number) => {
      const line = lines[index]!;
      return { line_id: line.id, speaker_name: line.speaker_name, offset_ms: line.offset_ms };
    };
    const summary: MeetingSummary = {
      meeting_id: meetingId,
      generated_at: this.now().toISOString(),
      is_final: isFinal,
      language: result.language,
      method: result.method,
      summary: result.summary,
      sentences: result.sentences.map((sentence, i) => ({ ...ref(result.sentenceLines[i]!), text: sentence.text })),
      action_items: result.action_items.map(({ kind, text, who, what, when }, i) => ({
        ...ref(result.itemLines[i]!),
        kind,
        text,
        who,
        what,
        when,
      })),
    };
    await this.deps.repository.saveSummary(summary);
    return summary;
  }

  languageOf(text: string): 'en' | 'zh' {
    return detectTextLanguage(text);
  }

  textEstimate(text: string, language: string): EmotionEstimate {
    const words = this.deps.textEmotion.analyse(text, asTextLanguage(language));
    return { ...withoutLanguage(words), arousal: null, signals: ['words'] };
  }

  private async judge(audio: Float32Array, features: VoiceFeatures | null): Promise<SynthesisVerdict | null> {
    const { detector } = this.deps;
    // The feature indicator reuses the measurements the emotion's arousal made.
    if (detector instanceof FeatureSynthesisDetector) return features ? detector.score(features) : null;
    return detector.analyse(audio);
  }

  private async onMeetingEnded(meetingId: number): Promise<void> {
    this.meetings.delete(meetingId);
    try {
      await this.summarizeMeeting(meetingId, true);
    } catch (err) {
      this.deps.log.error({ err, meetingId }, 'could not summarise the meeting');
    }
  }

  private meeting(meetingId: number): Promise<MeetingState> {
    let meeting = this.meetings.get(meetingId);
    if (!meeting) {
      meeting = this.deps.repository
        .switches(meetingId)
        .then((saved) => ({ switches: saved ?? { ...this.deps.defaults }, speakers: new Map() }));
      this.meetings.set(meetingId, meeting);
      meeting.catch(() => this.meetings.delete(meetingId));
    }
    return meeting;
  }

  private speaker(meeting: MeetingState, peerId: string): SpeakerState {
    let speaker = meeting.speakers.get(peerId);
    if (!speaker) {
      speaker = {
        arousal: new VoiceArousal(),
        emotion: new SpeakerEmotionTracker(),
        synthesis: new SpeakerSynthesisTracker(),
      };
      meeting.speakers.set(peerId, speaker);
    }
    return speaker;
  }

  private statusOf(switches: AnalysisSwitches): AnalysisStatus {
    return { ...switches, emotionMethod: this.emotionMethod, synthesisMethod: this.deps.detector.method };
  }
}

const asTextLanguage = (language: string) =>
  language.startsWith('zh') ? 'zh' : language.startsWith('en') ? 'en' : 'auto';

function withoutLanguage<T extends { language: unknown }>({ language: _language, ...rest }: T): Omit<T, 'language'> {
  return rest;
}
