import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AnalysisStatus,
  Caption,
  CaptionsStatus,
  ChatMessage,
  MediaKind,
  MediaSource,
  ParticipantRole,
  PeerInfo,
  PeerState,
  SignalingResponseData,
  SpeakerEmotion,
  SynthesisAlert,
} from '@meetai/shared';
import { dropInterims, isTranscribing, upsertCaption, type CaptionLine } from './caption-lines';
import type { DeviceOption } from './media/capture';
import type { QualityLevel, QualitySample } from './media/quality';

/** The shape is documented in STATE.md; keep the two in step. */

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';
/** Why the room ended for us; 'replaced' means this session continued in another tab or window. */
export type CloseReason = 'left' | 'meeting-ended' | 'host-ended' | 'admin-ended' | 'kicked' | 'replaced';
export type LocalSource = 'mic' | 'webcam' | 'screen';

export interface PeerView {
  peerId: string;
  userId: number;
  displayName: string;
  role: ParticipantRole;
  state: PeerState;
  joinedAt: string;
}

export interface LocalProducerView {
  producerId: string;
  source: LocalSource;
  kind: MediaKind;
  isPaused: boolean;
}

export interface ConsumerView {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: MediaKind;
  source: MediaSource;
  isProducerPaused: boolean;
  /** We keep it paused at the SFU because no tile shows it; media flows only when neither flag is set. */
  isPausedByUs: boolean;
  /** The layer the server is forwarding, once it has told us. */
  spatialLayer: number | null;
}

export interface RoomFailure {
  /** Whether the first join failed, or reconnecting gave up. */
  phase: 'join' | 'reconnect';
  /** A server error code or a client one (NETWORK_ERROR, TIMEOUT, ...): the UI translates it. */
  code: string;
  message: string;
}

export type NoticeKey =
  | 'mutedByHost'
  | 'reconnected'
  | 'micUnavailable'
  | 'cameraUnavailable'
  | 'screenUnavailable'
  | 'chatFailed'
  | 'actionFailed'
  | 'meetingLocked'
  | 'meetingUnlocked'
  | 'captionsFailed'
  | 'synthesisAlert'
  | 'analysisFailed';

export interface Notice {
  id: number;
  key: NoticeKey;
  params: Record<string, string>;
}

export interface QualityView extends QualitySample {
  level: QualityLevel;
}

export type RoomPanel = 'chat' | 'participants' | 'transcript' | null;
export type RoomLayout = 'grid' | 'speaker';

export interface RoomState {
  meetingId: number | null;
  connectionState: ConnectionState;
  failure: RoomFailure | null;
  closeReason: CloseReason | null;
  /** Words an administrator gave everyone when ending the meeting. */
  closeMessage: string | null;
  self: PeerView | null;
  /** Everyone else, by peer id; `peerOrder` keeps join order for a stable grid. */
  peers: Record<string, PeerView>;
  peerOrder: string[];
  localProducers: Partial<Record<LocalSource, LocalProducerView>>;
  consumers: Record<string, ConsumerView>;
  activeSpeakerId: string | null;
  isLocked: boolean;
  chat: ChatMessage[];
  unreadChatCount: number;
  /** The meeting's live captions as the server last said; null when it runs no AI module. */
  captionsStatus: CaptionsStatus | null;
  /** Caption lines in the order their utterances began: the last finals and any interims. */
  captions: CaptionLine[];
  /** Emotion and synthetic-voice analysis as the server last said; null when it runs no AI module. */
  analysisStatus: AnalysisStatus | null;
  /** Each speaker's running emotion, by peer id (the self peer included). */
  speakerEmotions: Record<string, SpeakerEmotion>;
  /** Raised synthetic-voice alerts, by peer id; a cleared alert is removed. */
  synthesisAlerts: Record<string, SynthesisAlert>;
  /** By peer id, the self peer included. */
  quality: Record<string, QualityView>;
  devices: DeviceOption[];
  micDeviceId: string | null;
  cameraDeviceId: string | null;
  notices: Notice[];
  panel: RoomPanel;
  layout: RoomLayout;
  gridPage: number;
}

export const GRID_PAGE_SIZE = 25;
const MAX_NOTICES = 4;

export function initialRoomState(): RoomState {
  return {
    meetingId: null,
    connectionState: 'connecting',
    failure: null,
    closeReason: null,
    closeMessage: null,
    self: null,
    peers: {},
    peerOrder: [],
    localProducers: {},
    consumers: {},
    activeSpeakerId: null,
    isLocked: false,
    chat: [],
    unreadChatCount: 0,
    captionsStatus: null,
    captions: [],
    analysisStatus: null,
    speakerEmotions: {},
    synthesisAlerts: {},
    quality: {},
    devices: [],
    micDeviceId: null,
    cameraDeviceId: null,
    notices: [],
    panel: null,
    layout: 'grid',
    gridPage: 0,
  };
}

function toPeerView(peer: PeerInfo): PeerView {
  return {
    peerId: peer.peerId,
    userId: peer.userId,
    displayName: peer.displayName,
    role: peer.role,
    state: peer.state,
    joinedAt: peer.joinedAt,
  };
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** Messages by id, so the echo of our own message and a resent history never duplicate. */
function mergeChat(existing: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const seen = new Set(existing.map((message) => message.id));
  const added = incoming.filter((message) => !seen.has(message.id));
  return added.length ? [...existing, ...added] : existing;
}

export type JoinResult = SignalingResponseData<'join'>;

export function createRoomActions(store: StoreApi<RoomState>) {
  const set = store.setState;
  let nextNoticeId = 1;
  const updateConsumers = (match: (consumer: ConsumerView) => boolean, patch: Partial<ConsumerView>) =>
    set((s) => {
      const consumers = { ...s.consumers };
      for (const consumer of Object.values(consumers)) {
        if (match(consumer)) consumers[consumer.consumerId] = { ...consumer, ...patch };
      }
      return { consumers };
    });

  return {
    reset: (meetingId: number) => set({ ...initialRoomState(), meetingId }),
    setConnectionState: (connectionState: ConnectionState) => set({ connectionState }),
    setFailure: (failure: RoomFailure) => set({ failure, connectionState: 'failed' }),
    setClosed: (closeReason: CloseReason, closeMessage: string | null = null) =>
      set({ closeReason, closeMessage, connectionState: 'closed' }),
    /** A join or rejoin: the server's list replaces ours, chat history merges, captions' status is the server's. */
    setJoined: (result: JoinResult) =>
      set((s) => ({
        self: toPeerView(result.self),
        peers: Object.fromEntries(result.peers.map((peer) => [peer.peerId, toPeerView(peer)])),
        peerOrder: result.peers.map((peer) => peer.peerId),
        isLocked: result.isLocked,
        chat: mergeChat(s.chat, result.chatHistory),
        captionsStatus: result.captions ?? null,
        analysisStatus: result.analysis ?? null,
        // Whatever was said while we were away never reaches us: no final will close these.
        captions: dropInterims(s.captions),
        failure: null,
        activeSpeakerId: null,
      })),
    /** Forget everything that belonged to a connection that is gone. */
    clearMedia: () => set({ localProducers: {}, consumers: {}, activeSpeakerId: null, quality: {} }),
    /**
     * Forget the room as the server last described it (us, the others, their media, the lock) once
     * no connection is coming back: a failure shows none of it. Chat and captions read so far and UI
     * choices stay.
     */
    clearRoom: () =>
      set((s) => ({
        self: null,
        peers: {},
        peerOrder: [],
        localProducers: {},
        consumers: {},
        activeSpeakerId: null,
        isLocked: false,
        quality: {},
        captionsStatus: null,
        captions: dropInterims(s.captions),
      })),
    addPeer: (peer: PeerInfo) =>
      set((s) => ({
        peers: { ...s.peers, [peer.peerId]: toPeerView(peer) },
        peerOrder: s.peerOrder.includes(peer.peerId) ? s.peerOrder : [...s.peerOrder, peer.peerId],
      })),
    removePeer: (peerId: string) =>
      set((s) => ({
        peers: without(s.peers, peerId),
        peerOrder: s.peerOrder.filter((id) => id !== peerId),
        consumers: Object.fromEntries(Object.entries(s.consumers).filter(([, c]) => c.peerId !== peerId)),
        quality: without(s.quality, peerId),
        captions: dropInterims(s.captions, peerId),
        speakerEmotions: without(s.speakerEmotions, peerId),
        synthesisAlerts: without(s.synthesisAlerts, peerId),
        activeSpeakerId: s.activeSpeakerId === peerId ? null : s.activeSpeakerId,
      })),
    setPeerState: (peerId: string, state: PeerState) =>
      set((s) => {
        if (s.self?.peerId === peerId) return { self: { ...s.self, state } };
        const peer = s.peers[peerId];
        return peer ? { peers: { ...s.peers, [peerId]: { ...peer, state } } } : {};
      }),
    patchSelfState: (patch: Partial<PeerState>) =>
      set((s) => (s.self ? { self: { ...s.self, state: { ...s.self.state, ...patch } } } : {})),
    setLocalProducer: (producer: LocalProducerView) =>
      set((s) => ({ localProducers: { ...s.localProducers, [producer.source]: producer } })),
    setLocalProducerPaused: (source: LocalSource, isPaused: boolean) =>
      set((s) => {
        const producer = s.localProducers[source];
        return producer ? { localProducers: { ...s.localProducers, [source]: { ...producer, isPaused } } } : {};
      }),
    removeLocalProducer: (source: LocalSource) =>
      set((s) => {
        const { [source]: _removed, ...rest } = s.localProducers;
        return { localProducers: rest };
      }),
    addConsumer: (consumer: ConsumerView) =>
      set((s) => ({ consumers: { ...s.consumers, [consumer.consumerId]: consumer } })),
    removeConsumer: (consumerId: string) => set((s) => ({ consumers: without(s.consumers, consumerId) })),
    setProducerPaused: (producerId: string, isProducerPaused: boolean) =>
      updateConsumers((c) => c.producerId === producerId, { isProducerPaused }),
    setConsumerPausedByUs: (consumerId: string, isPausedByUs: boolean) =>
      updateConsumers((c) => c.consumerId === consumerId, { isPausedByUs }),
    setConsumerLayer: (consumerId: string, spatialLayer: number | null) =>
      updateConsumers((c) => c.consumerId === consumerId, { spatialLayer }),
    setActiveSpeaker: (activeSpeakerId: string | null) => set({ activeSpeakerId }),
    setLocked: (isLocked: boolean) => set({ isLocked }),
    addChatMessage: (message: ChatMessage) =>
      set((s) => {
        const chat = mergeChat(s.chat, [message]);
        if (chat === s.chat) return {};
        const isOwn = s.self !== null && message.userId === s.self.userId;
        const isUnread = s.panel !== 'chat' && !isOwn;
        return { chat, unreadChatCount: s.unreadChatCount + (isUnread ? 1 : 0) };
      }),
    /** Interim versions of an utterance, then its final, all with the same id. */
    upsertCaption: (caption: Caption, receivedAt = Date.now()) =>
      set((s) => ({ captions: upsertCaption(s.captions, caption, receivedAt) })),
    /** Lines still being spoken get no final once captions stop (off, paused, unavailable). */
    setCaptionsStatus: (captionsStatus: CaptionsStatus) =>
      set((s) => ({
        captionsStatus,
        captions: isTranscribing(captionsStatus) ? s.captions : dropInterims(s.captions),
      })),
    /** The host switched analysis: what is switched off stops showing. */
    setAnalysisStatus: (analysisStatus: AnalysisStatus) =>
      set((s) => ({
        analysisStatus,
        speakerEmotions: analysisStatus.emotion ? s.speakerEmotions : {},
        synthesisAlerts: analysisStatus.synthesis ? s.synthesisAlerts : {},
      })),
    setSpeakerEmotion: (emotion: SpeakerEmotion) =>
      set((s) => ({ speakerEmotions: { ...s.speakerEmotions, [emotion.peerId]: emotion } })),
    /** A raised alert is kept for the tile badge; a cleared one removed. True when it is newly raised. */
    setSynthesisAlert: (alert: SynthesisAlert): boolean => {
      const wasRaised = store.getState().synthesisAlerts[alert.peerId] !== undefined;
      set((s) => ({
        synthesisAlerts:
          alert.state === 'raised'
            ? { ...s.synthesisAlerts, [alert.peerId]: alert }
            : without(s.synthesisAlerts, alert.peerId),
      }));
      return alert.state === 'raised' && !wasRaised;
    },
    setQuality: (quality: Record<string, QualityView>) => set({ quality }),
    setDevices: (devices: DeviceOption[]) => set({ devices }),
    setSelectedDevices: (selection: { micDeviceId?: string | null; cameraDeviceId?: string | null }) => set(selection),
    pushNotice: (key: NoticeKey, params: Record<string, string> = {}) =>
      set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, key, params }].slice(-MAX_NOTICES) })),
    dismissNotice: (id: number) => set((s) => ({ notices: s.notices.filter((notice) => notice.id !== id) })),
    togglePanel: (panel: Exclude<RoomPanel, null>) =>
      set((s) => {
        const next = s.panel === panel ? null : panel;
        return { panel: next, unreadChatCount: next === 'chat' ? 0 : s.unreadChatCount };
      }),
    setLayout: (layout: RoomLayout) => set({ layout }),
    setGridPage: (gridPage: number) => set({ gridPage: Math.max(0, gridPage) }),
  };
}

export type RoomActions = ReturnType<typeof createRoomActions>;

/** The room's UI choices that involve no server: components call these directly. */
export type RoomUiActions = Pick<RoomActions, 'togglePanel' | 'setLayout' | 'setGridPage' | 'dismissNotice'>;

export interface RoomStore {
  store: StoreApi<RoomState>;
  actions: RoomActions;
}

export function createRoomStore(initial: Partial<RoomState> = {}): RoomStore {
  const store = createStore<RoomState>()(() => ({ ...initialRoomState(), ...initial }));
  return { store, actions: createRoomActions(store) };
}
