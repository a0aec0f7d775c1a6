import { cpus } from 'node:os';
import type { Page } from '@playwright/test';
import type { Caption } from '@meetai/shared';
import { wordErrors } from '../../server/src/ai/testing/wer';
import { createMeeting, createUsers } from '../lib/accounts';
import { joinFromLobby, launchBrowser, openLobby, signedInPage } from '../lib/browser-participant';
import {
  childPids,
  cpuSeconds,
  machineCpuSeconds,
  rssMb,
  whisperWorkerPid,
  type ServerProcess,
} from '../lib/server-process';
import { sleep, type BenchClip } from '../lib/speech';

/**
 * Captions as people get them. Participant A's Chromium plays a clip as its
 * fake microphone (Chromium loops the file: the clip, then its 1.5 s pause);
 * the real server transcribes it; participant B's page records every
 * `captionReceived` frame with `Date.now()` as it arrives. The latency of a
 * final is that time minus the caption's `endMs` (the server's wall-clock
 * time of the last voiced audio): both clocks are this machine's.
 *
 * A loop of the clip is the run of utterances between two pauses. The first
 * loop heard is dropped (A's microphone started before the server listened,
 * so it may be cut), then `loops` whole loops are kept per clip. Both
 * cameras are off: on two shared cores, video encoding would be measured
 * too, and a real speaker's browser runs on their own machine.
 */

/** Between two loops there is at least the clip's 1.5 s pause; pauses inside a sentence are shorter. */
const LOOP_GAP_MS = 1000;

type Received = { at: number; caption: Caption };

/** Runs in B's page before the app: wraps WebSocket so each caption frame is kept with its arrival time. */
const RECORD_CAPTIONS = () => {
  const received: Array<{ at: number; caption: unknown }> = [];
  (window as unknown as { __captions: typeof received }).__captions = received;
  const Original = window.WebSocket;
  window.WebSocket = class extends Original {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the app's own listener, so it runs first.
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data !== 'string' || !event.data.includes('"captionReceived"')) return;
        const at = Date.now();
        const frame = JSON.parse(event.data) as { type?: string; data?: { caption?: unknown } };
        if (frame.type === 'captionReceived') received.push({ at, caption: frame.data?.caption });
      });
    }
  } as typeof WebSocket;
};

export type HeardFinal = { text: string; latencyMs: number };

export type ClipHeard = {
  clip: BenchClip;
  /** One entry per whole loop kept: the finals B received for it, in order. */
  loops: HeardFinal[][];
  /** Whole loops were still missing when the wait ran out. */
  isTimedOut: boolean;
};

export type VoiceProcessing = { echoCancellation: unknown; noiseSuppression: unknown; autoGainControl: unknown };

export type ChromiumCaptions = {
  clips: ClipHeard[];
  /** What A's microphone track reports it does (the app's capture constraints at work). */
  voiceProcessing: VoiceProcessing | null;
  serverRssIdleMb: number;
  /** Largest while A spoke, sampled at the end of each clip. */
  serverRssMb: number;
  workerRssMb: number | null;
  /** CPU of the server (with its mediasoup and whisper workers) while A spoke, in cores; the whole machine's, for the noise. */
  serverCores: number;
  machineCores: number;
  /** The server's own figure for every final it sent (its metrics): from the VAD's end of speech. */
  serverSinceSpeechEnd: { meanMs: number; count: number };
};

export async function captionsThroughChromium(
  server: ServerProcess,
  clips: BenchClip[],
  loops: number,
): Promise<ChromiumCaptions> {
  const serverRssIdleMb = rssMb(server.pid);
  const [speaker, reader] = await createUsers(server.url, 'captions', 2);
  const meetingId = await createMeeting(server.url, speaker!, 'Captions bench');
  const readerBrowser = await launchBrowser();
  const result: ChromiumCaptions = {
    clips: [],
    voiceProcessing: null,
    serverRssIdleMb,
    serverRssMb: 0,
    workerRssMb: null,
    serverSinceSpeechEnd: { meanMs: 0, count: 0 },
    serverCores: 0,
    machineCores: 0,
  };
  const spent = { server: 0, machine: 0, machineTotal: 0, wall: 0 };
  try {
    const readerPage = await signedInPage(readerBrowser, server.url, reader!, [RECORD_CAPTIONS]);
    await openLobby(readerPage, server.url, meetingId);
    await setToggle(readerPage, 'toggle-mic', false);
    await setToggle(readerPage, 'toggle-camera', false);
    await joinFromLobby(readerPage);
    for (const clip of clips) {
      const speakerBrowser = await launchBrowser([`--use-file-for-fake-audio-capture=${clip.path48k}`]);
      try {
        const page = await signedInPage(speakerBrowser, server.url, speaker!);
        await openLobby(page, server.url, meetingId);
        await setToggle(page, 'toggle-camera', false);
        await setToggle(page, 'toggle-mic', true);
        await joinFromLobby(page);
        const peerId = await page
          .locator('[data-testid="participant-tile"][data-self="true"]')
          .getAttribute('data-peer-id');
        if (!peerId) throw new Error('no peer id on the speaker’s own tile');
        result.voiceProcessing ??= await microphoneProcessing(page);
        const before = { server: serverCpuSeconds(server.pid), machine: machineCpuSeconds(), at: performance.now() };
        const heard = await listenForLoops(readerPage, peerId, clip, loops);
        const machine = machineCpuSeconds();
        spent.server += serverCpuSeconds(server.pid) - before.server;
        spent.machine += machine.busy - before.machine.busy;
        spent.machineTotal += machine.total - before.machine.total;
        spent.wall += (performance.now() - before.at) / 1000;
        result.clips.push(heard);
        result.serverRssMb = Math.max(result.serverRssMb, rssMb(server.pid));
        const worker = whisperWorkerPid(server.pid);
        if (worker) result.workerRssMb = Math.max(result.workerRssMb ?? 0, rssMb(worker));
      } finally {
        await speakerBrowser.close();
      }
    }
    result.serverSinceSpeechEnd = await serverCaptionLatency(server);
    result.serverCores = spent.server / spent.wall;
    result.machineCores = (spent.machine / spent.machineTotal) * cpus().length;
  } finally {
    await readerBrowser.close();
  }
  return result;
}

/** Mean of the server's `meetai_ai_caption_latency_seconds` (its /metrics answers loopback). */
async function serverCaptionLatency(server: ServerProcess): Promise<{ meanMs: number; count: number }> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
  const count = value('meetai_ai_caption_latency_seconds_count');
  return { meanMs: (value('meetai_ai_caption_latency_seconds_sum') / count) * 1000, count };
}

/** The server process and its children (mediasoup workers, the whisper worker): what the server costs. */
function serverCpuSeconds(serverPid: number): number {
  return [serverPid, ...childPids(serverPid)].reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

/** Presses a lobby toggle until its state is `on`. */
async function setToggle(page: Page, testId: string, on: boolean): Promise<void> {
  const toggle = page.getByTestId(testId);
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await page.locator(`[data-testid="${testId}"][aria-pressed="${on}"]`).waitFor();
}

/** The settings Chromium reports for the microphone track the app sends. */
async function microphoneProcessing(page: Page): Promise<VoiceProcessing> {
  return page.evaluate(async () => {
    const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    for (let tries = 0; tries < 100; tries += 1) {
      for (const pc of connections) {
        const track = pc.getSenders().find((sender) => sender.track?.kind === 'audio')?.track;
        if (!track) continue;
        const { echoCancellation, noiseSuppression, autoGainControl } = track.getSettings();
        return { echoCancellation, noiseSuppression, autoGainControl };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the speaker sends no microphone track');
  });
}

/** Waits until `loops` whole loops after the first one have all their finals, or the wait runs out. */
async function listenForLoops(page: Page, peerId: string, clip: BenchClip, loops: number): Promise<ClipHeard> {
  const periodMs = (clip.seconds + 1.5) * 1000;
  const deadline = Date.now() + (loops + 2) * periodMs + 15_000;
  for (;;) {
    const received = await page.evaluate(() => (window as unknown as { __captions: Received[] }).__captions);
    const groups = loopsOf(received.filter(({ caption }) => caption.peerId === peerId));
    // Loop 0 may be cut; loops 1..n are whole once a later loop has begun and each of their utterances is final.
    const whole = groups.slice(1, -1).filter((group) => group.every((utterance) => utterance.final));
    const isTimedOut = Date.now() > deadline;
    if (whole.length >= loops || isTimedOut) {
      return {
        clip,
        isTimedOut: whole.length < loops,
        loops: whole.slice(0, loops).map((group) =>
          group.map((utterance) => ({
            text: utterance.final!.caption.text,
            latencyMs: utterance.final!.at - utterance.final!.caption.endMs,
          })),
        ),
      };
    }
    await sleep(250);
  }
}

type Utterance = { startMs: number; endMs: number; final: Received | undefined };

/** Utterances (caption ids) in spoken order, split into loops where the speech paused longer than LOOP_GAP_MS. */
function loopsOf(received: Received[]): Utterance[][] {
  const utterances = new Map<string, Utterance>();
  for (const item of received) {
    const { id, startMs, endMs, isFinal } = item.caption;
    const known = utterances.get(id);
    if (known?.final) continue;
    utterances.set(id, { startMs, endMs: Math.max(endMs, known?.endMs ?? 0), final: isFinal ? item : undefined });
  }
  const groups: Utterance[][] = [];
  let lastEnd = -Infinity;
  for (const utterance of [...utterances.values()].sort((a, b) => a.startMs - b.startMs)) {
    if (utterance.startMs - lastEnd > LOOP_GAP_MS || groups.length === 0) groups.push([]);
    groups.at(-1)!.push(utterance);
    lastEnd = Math.max(lastEnd, utterance.endMs);
  }
  return groups;
}

/** Word errors of each kept loop against the clip's reference, added up. */
export function loopErrors(heard: ClipHeard): { errors: number; words: number } {
  let errors = 0;
  let words = 0;
  for (const loop of heard.loops) {
    const counted = wordErrors(heard.clip.text, loop.map((final) => final.text).join(' '));
    errors += counted.errors;
    words += counted.referenceWords;
  }
  return { errors, words };
}
