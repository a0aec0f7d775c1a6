import type { FastifyBaseLogger } from 'fastify';
import type { RequestObserver } from '../signaling-metrics';
import type {
  AnalysisStatus,
  CaptionsStatus,
  LanguageChoice,
  SignalingMethod,
  SignalingRequestData,
  SignalingResponseData,
} from '@meetai/shared';
import type { AttendanceService } from '../../meetings/attendance-service';
import type { MeetingService } from '../../meetings/meeting-service';
import type { ChatRepository } from '../chat-repository';
import type { MeetingHub } from '../MeetingHub';
import type { SignalingLimits } from '../signaling-settings';
import type { Peer } from '../Peer';

export type SignalingServices = {
  meetings: Pick<MeetingService, 'get' | 'update'>;
  attendance: Pick<AttendanceService, 'leave' | 'end' | 'remove' | 'presence'>;
  chat: ChatRepository;
  limits: SignalingLimits;
  /** Live captions; absent when the AI module is not mounted. */
  captions?: CaptionsControl;
  /** Emotion and synthetic-voice analysis; absent when the AI module is not mounted here. */
  analysis?: AnalysisControl;
  log: FastifyBaseLogger;
  now: () => string;
  /** Told of every request (metrics, trace spans); absent in tests that build services by hand. */
  requests?: RequestObserver;
};

/** What signaling asks of the captions service (the AI module implements it). */
export interface CaptionsControl {
  status(meetingId: number): Promise<CaptionsStatus>;
  set(meetingId: number, change: { isEnabled: boolean; language?: LanguageChoice }): Promise<CaptionsStatus>;
}

/** What signaling asks of the analysis service (the AI module implements it). */
export interface AnalysisControl {
  status(meetingId: number): Promise<AnalysisStatus>;
  set(meetingId: number, change: { emotion?: boolean; synthesis?: boolean }): Promise<AnalysisStatus>;
}

export type HandlerContext = {
  hub: MeetingHub;
  peer: Peer;
  services: SignalingServices;
  /** Work to run once the reply is on the wire (e.g. consumers the reply makes possible). */
  after: (task: () => Promise<void>) => void;
};

export type Handler<M extends SignalingMethod> = {
  /** False only for what a client sends before `join`: capabilities, transports, leave. */
  needsJoin: boolean;
  /** Unexpected errors from a media request come from mediasoup: reported as MEDIA_ERROR, not INTERNAL. */
  isMedia?: boolean;
  run: (ctx: HandlerContext, data: SignalingRequestData<M>) => Promise<SignalingResponseData<M>>;
};

export type HandlerTable = { [M in SignalingMethod]: Handler<M> };
