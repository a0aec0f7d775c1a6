import type { FastifyBaseLogger } from 'fastify';
import type { Caption, CaptionsStatus, EmotionEstimate, LanguageChoice, LineEmotion } from '@meetai/shared';
import type { AppEventBus } from '../../events/app-events';
import type { AudioProducerInfo, AudioSeam, AudioSeamEvent } from '../../media/audio-seam';
import type { SpeechEngine } from '../asr/speech-engine';
import type { TranscriptRepository } from '../transcripts/transcript-repository';
import type { CaptionMetrics } from './caption-metrics';
import { captionsStatus } from './captions-status';
import type { ListenerEvent, ProducerListener } from './producer-listener';

export type CaptionSettings = {
  /** Finals waiting for the engine in one meeting before the room is told captions are delayed. */
  maxPendingFinals: number;
  defaultLanguage: LanguageChoice;
};

export type OpenListener = (producer: AudioProducerInfo, language: LanguageChoice) => Promise<ProducerListener>;

/**
 * What analyses finals (the analysis service): the words' emotion before a final goes out, the voice after,
 * off the caption's path; the second resolves to the emotion stored with the transcript line.
 */
export interface FinalAnalysis {
  wordsEmotion(meetingId: number, caption: Caption): Promise<EmotionEstimate | undefined>;
  afterFinal(
    caption: Caption,
    producer: AudioProducerInfo,
    audio: Float32Array | undefined,
  ): Promise<LineEmotion | null>;
}

export type CaptionServiceDeps = {
  seam: AudioSeam;
  /** Null when speech recognition is switched off on this server. */
  engine: SpeechEngine | null;
  transcripts: TranscriptRepository;
  events: AppEventBus;
  openListener: OpenListener;
  settings: CaptionSettings;
  metrics: CaptionMetrics;
  /** Emotion and synthetic-voice analysis of finals; absent: captions only. */
  analysis?: FinalAnalysis;
  log: FastifyBaseLogger;
};

/** One meeting's captions: the host's choice, the producers being listened to, the engine backlog. */
type MeetingCaptions = {
  meetingId: number;
  isEnabled: boolean;
  language: LanguageChoice;
  producers: Map<string, AudioProducerInfo>;
  listeners: Map<string, Promise<ProducerListener | undefined>>;
  pendingFinals: number;
  lastStatus: string;
};

/**
 * Live captions for every meeting: listens to each unmuted audio producer
 * through the media seam, turns its speech events into caption lines for the
 * room (through the event bus, which signaling forwards), stores the finals,
 * and keeps the room told of the captions' state (off, active, delayed,
 * paused while the engine restarts, unavailable).
 */
export class CaptionService {
  private readonly meetings = new Map<number, Promise<MeetingCaptions>>();
  private readonly unsubscribe: Array<() => void> = [];
  private isClosed = false;

  constructor(private readonly deps: CaptionServiceDeps) {}

  start(): void {
    this.unsubscribe.push(this.deps.seam.subscribe((event) => void this.onSeamEvent(event)));
    if (this.deps.engine) this.unsubscribe.push(this.deps.engine.onStatus(() => void this.publishAllStatuses()));
  }

  async status(meetingId: number): Promise<CaptionsStatus> {
    return this.statusOf(await this.meeting(meetingId));
  }

  async set(meetingId: number, change: { isEnabled: boolean; language?: LanguageChoice }): Promise<CaptionsStatus> {
    const meeting = await this.meeting(meetingId);
    const languageChanged = change.language !== undefined && change.language !== meeting.language;
    meeting.isEnabled = change.isEnabled && this.deps.engine !== null;
    meeting.language = change.language ?? meeting.language;
    await this.deps.transcripts.saveSettings(
      meetingId,
      { isEnabled: meeting.isEnabled, language: meeting.language },
      new Date().toISOString(),
    );
    // A new language applies to the next utterance: listeners restart with it.
    if (!meeting.isEnabled || languageChanged) await this.stopAll(meeting);
    if (meeting.isEnabled) for (const producer of meeting.producers.values()) this.listen(meeting, producer);
    return this.publishStatus(meeting, true);
  }

  get liveTaps(): number {
    return this.deps.seam.tapCount;
  }

  get queuedUtterances(): number {
    return this.deps.metrics.pendingFinals();
  }

  async close(): Promise<void> {
    this.isClosed = true;
    for (const off of this.unsubscribe.splice(0)) off();
    const all = await Promise.all(this.meetings.values());
    await Promise.all(all.map((meeting) => this.stopAll(meeting)));
    this.meetings.clear();
  }

  private meeting(meetingId: number): Promise<MeetingCaptions> {
    let meeting = this.meetings.get(meetingId);
    if (!meeting) {
      meeting = this.loadMeeting(meetingId);
      this.meetings.set(meetingId, meeting);
    }
    return meeting;
  }

  private async loadMeeting(meetingId: number): Promise<MeetingCaptions> {
    const saved = await this.deps.transcripts.settings(meetingId);
    return {
      meetingId,
      isEnabled: (saved?.isEnabled ?? true) && this.deps.engine !== null,
      language: saved?.language ?? this.deps.settings.defaultLanguage,
      producers: new Map(),
      listeners: new Map(),
      pendingFinals: 0,
      lastStatus: '',
    };
  }

  private async onSeamEvent({ type, producer }: AudioSeamEvent): Promise<void> {
    if (this.isClosed) return;
    const meeting = await this.meeting(producer.meetingId);
    if (type === 'closed' || type === 'paused') {
      if (type === 'closed') meeting.producers.delete(producer.producerId);
      else meeting.producers.set(producer.producerId, producer);
      await this.stop(meeting, producer.producerId);
      if (meeting.producers.size === 0 && meeting.listeners.size === 0) this.meetings.delete(meeting.meetingId);
      return;
    }
    meeting.producers.set(producer.producerId, producer);
    if (meeting.isEnabled && !producer.isPaused) this.listen(meeting, producer);
  }

  private listen(meeting: MeetingCaptions, producer: AudioProducerInfo): void {
    if (producer.isPaused || meeting.listeners.has(producer.producerId)) return;
    const opening = this.deps
      .openListener(producer, meeting.language)
      .then((listener) => {
        listener.onEvent((event) => this.onListenerEvent(meeting, producer, event));
        return listener;
      })
      .catch((err: unknown) => {
        this.deps.log.warn({ err, producerId: producer.producerId }, 'could not listen to an audio producer');
        meeting.listeners.delete(producer.producerId);
        return undefined;
      });
    meeting.listeners.set(producer.producerId, opening);
  }

  private async stop(meeting: MeetingCaptions, producerId: string): Promise<void> {
    const opening = meeting.listeners.get(producerId);
    if (!opening) return;
    meeting.listeners.delete(producerId);
    // Closing finishes the utterance in progress, so words said just before a mute are not lost.
    await (await opening)?.close();
  }

  private async stopAll(meeting: MeetingCaptions): Promise<void> {
    await Promise.all([...meeting.listeners.keys()].map((producerId) => this.stop(meeting, producerId)));
  }

  private onListenerEvent(meeting: MeetingCaptions, producer: AudioProducerInfo, event: ListenerEvent): void {
    if (event.type === 'speechEnded') {
      meeting.pendingFinals += 1;
      this.deps.metrics.finalQueued();
      this.publishStatus(meeting);
      return;
    }
    if (event.type === 'finalFailed') {
      this.settleFinal(meeting);
      return;
    }
    const caption: Caption = {
      id: event.utteranceId,
      meetingId: meeting.meetingId,
      peerId: producer.peerId,
      userId: producer.userId,
      displayName: producer.displayName,
      text: event.text,
      startMs: event.startMs,
      endMs: event.endMs,
      isFinal: event.type === 'final',
      language: event.language,
      engine: event.engine,
      model: event.model,
      confidence: event.confidence,
    };
    if (event.type === 'final') {
      this.settleFinal(meeting);
      this.deps.metrics.finalDelivered(event.sinceSpeechEndMs);
      if (caption.text.trim() && this.deps.analysis) {
        void this.analyseFinal(this.deps.analysis, caption, producer, event.audio);
        return;
      }
      if (caption.text.trim()) void this.store(caption);
    } else if (meeting.pendingFinals > this.deps.settings.maxPendingFinals) {
      // Behind already: an interim would only be overtaken by its own final.
      return;
    }
    this.deps.events.publish('caption.produced', { meetingId: meeting.meetingId, caption });
  }

  private settleFinal(meeting: MeetingCaptions): void {
    meeting.pendingFinals = Math.max(0, meeting.pendingFinals - 1);
    this.deps.metrics.finalSettled();
    this.publishStatus(meeting);
  }

  /** The final goes out with its words' emotion; the voice is analysed after, and the line stored with both. */
  private async analyseFinal(
    analysis: FinalAnalysis,
    caption: Caption,
    producer: AudioProducerInfo,
    audio: Float32Array | undefined,
  ): Promise<void> {
    let words: EmotionEstimate | undefined;
    try {
      words = await analysis.wordsEmotion(caption.meetingId, caption);
    } catch (err) {
      this.deps.log.warn({ err, meetingId: caption.meetingId }, 'could not read the emotion of a final caption');
    }
    this.deps.events.publish('caption.produced', {
      meetingId: caption.meetingId,
      caption: words ? { ...caption, emotion: words } : caption,
    });
    let emotion: LineEmotion | null = null;
    try {
      emotion = await analysis.afterFinal(caption, producer, audio);
    } catch (err) {
      this.deps.log.warn({ err, meetingId: caption.meetingId }, 'could not analyse the voice of a final caption');
    }
    await this.store(caption, emotion);
  }

  private async store(caption: Caption, emotion: LineEmotion | null = null): Promise<void> {
    try {
      await this.deps.transcripts.add({
        meeting_id: caption.meetingId,
        user_id: caption.userId,
        speaker_name: caption.displayName,
        text: caption.text.trim(),
        start_at: new Date(caption.startMs).toISOString(),
        end_at: new Date(caption.endMs).toISOString(),
        language: caption.language,
        engine: caption.engine,
        model: caption.model,
        confidence: caption.confidence,
        emotion,
      });
    } catch (err) {
      this.deps.log.error({ err, meetingId: caption.meetingId }, 'could not store a transcript line');
    }
  }

  private statusOf(meeting: MeetingCaptions): CaptionsStatus {
    return captionsStatus({
      engine: this.deps.engine,
      isEnabled: meeting.isEnabled,
      language: meeting.language,
      isBehind: meeting.pendingFinals > this.deps.settings.maxPendingFinals,
    });
  }

  /** Tells the room when its captions' state changed (or always, after the host's switch). */
  private publishStatus(meeting: MeetingCaptions, always = false): CaptionsStatus {
    const status = this.statusOf(meeting);
    const key = JSON.stringify(status);
    if (always || key !== meeting.lastStatus) {
      meeting.lastStatus = key;
      this.deps.events.publish('captions.status', { meetingId: meeting.meetingId, status });
    }
    return status;
  }

  private async publishAllStatuses(): Promise<void> {
    for (const meeting of await Promise.all(this.meetings.values())) this.publishStatus(meeting);
  }
}
