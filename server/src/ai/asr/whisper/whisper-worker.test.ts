import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { librivoxClips, readWav } from '../../testing/audio-fixtures';
import { wordErrorRate } from '../../testing/wer';
import { REPO_ROOT, testWhisperSettings, WHISPER_SKIP_REASON } from './testing/whisper-test-setup';
import { encodeRequest, parseWorkerLine, WorkerReadySchema, type WorkerMessage } from './whisper-protocol';

/**
 * `whisper_worker.py` on its own pipe, without the Node supervisor: whatever
 * arrives, it answers and keeps serving. The small English model keeps this quick.
 */
describe.skipIf(WHISPER_SKIP_REASON !== null)(`whisper_worker.py ${WHISPER_SKIP_REASON ?? ''}`, () => {
  let child: ChildProcessWithoutNullStreams;
  const lines: string[] = [];
  const waiters: Array<() => void> = [];

  let exitedWith: string | null = null;
  const next = async (): Promise<WorkerMessage> => {
    while (lines.length === 0) {
      if (exitedWith) throw new Error(`the worker exited (${exitedWith}) instead of answering`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    const line = lines.shift() as string;
    const message = parseWorkerLine(line);
    if (!message) throw new Error(`not a protocol line: ${line}`);
    return message;
  };
  const send = (data: string | Buffer) => child.stdin.write(data);

  beforeAll(() => {
    const settings = testWhisperSettings({ AI_WHISPER_MODEL: path.join(REPO_ROOT, '.venv-ai/models/whisper-tiny.en') });
    child = spawn(settings.python, [settings.workerScript, '--model', settings.modelDir, '--threads', '1']);
    const wake = () => waiters.splice(0).forEach((resume) => resume());
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      wake();
    });
    child.stderr.pipe(process.stderr);
    child.on('exit', (code, signal) => {
      exitedWith = signal ?? `exit code ${code}`;
      wake();
    });
  });

  afterAll(() => {
    child.kill('SIGKILL');
  });

  it('says it is ready, with its model, versions and languages', async () => {
    const ready = WorkerReadySchema.parse(await next());
    expect(ready).toMatchObject({
      model: 'whisper-tiny.en',
      multilingual: false,
      languages: ['en'],
      threads: 1,
      window: 'fit',
    });
    expect(Object.keys(ready.versions)).toEqual(expect.arrayContaining(['faster-whisper', 'ctranslate2']));
  }, 60_000);

  it('answers unreadable headers with errors and keeps serving', async () => {
    send('this is not json\n');
    expect(await next()).toMatchObject({ type: 'error', id: null, error: expect.stringMatching(/not JSON/) });

    send('[1, 2]\n');
    expect(await next()).toMatchObject({ type: 'error', id: null, error: expect.stringMatching(/JSON object/) });

    send(`${JSON.stringify({ id: 'bad-language', language: 'fr', samples: 16 })}\n`);
    expect(await next()).toMatchObject({ type: 'error', id: 'bad-language', error: expect.stringMatching(/language/) });

    send(`${JSON.stringify({ id: 'too-long', language: 'en', samples: 16_000 * 301 })}\n`);
    expect(await next()).toMatchObject({ type: 'error', id: 'too-long', error: expect.stringMatching(/samples/) });

    send(`${'x'.repeat(70_000)}\n`);
    expect(await next()).toMatchObject({ type: 'error', error: expect.stringMatching(/longer than/) });

    // A well-framed body that is not audio: the request fails, the worker does not.
    send(encodeRequest('nan', 'en', new Float32Array([0, Number.NaN, 0])));
    expect(await next()).toMatchObject({ type: 'error', id: 'nan', error: expect.stringMatching(/NaN/) });

    const clip = librivoxClips()[1]!;
    send(encodeRequest('speech', 'en', readWav(clip.path16k).samples));
    const result = await next();
    expect(result).toMatchObject({ type: 'result', id: 'speech', language: 'en' });
    if (result.type !== 'result') throw new Error('expected a result');
    expect(wordErrorRate(clip.text, result.text)).toBeLessThanOrEqual(0.5);
    expect(result.timings.audio_ms).toBe(Math.round((readWav(clip.path16k).samples.length * 1000) / 16_000));
  }, 60_000);

  it('refuses Chinese on an English-only model, per request', async () => {
    send(encodeRequest('zh', 'zh', new Float32Array(16_000)));
    expect(await next()).toMatchObject({ type: 'error', id: 'zh', error: expect.stringMatching(/English-only/) });
  }, 30_000);

  it('exits cleanly when its input ends', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(lines).toEqual([]);
  }, 30_000);
});
