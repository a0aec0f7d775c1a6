import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWhisperSettings } from './whisper-settings';
import { WhisperEngine } from './WhisperEngine';

const ROOT = '/srv/meetai';

describe('whisper settings', () => {
  it('defaults to what setup-ai.sh installs under the repository root', () => {
    expect(loadWhisperSettings({}, ROOT)).toMatchObject({
      modelDir: '/srv/meetai/.venv-ai/models/whisper-base',
      python: '/srv/meetai/.venv-ai/bin/python',
      workerScript: '/srv/meetai/server/src/ai/asr/whisper/whisper_worker.py',
      threads: 1,
    });
  });

  it('takes paths (relative to the current directory), a command name for python, and a thread count', () => {
    const settings = loadWhisperSettings(
      { AI_WHISPER_MODEL: 'models/tiny', AI_PYTHON: 'python3', AI_WHISPER_THREADS: '2' },
      ROOT,
    );
    expect(settings).toMatchObject({ modelDir: path.resolve('models/tiny'), python: 'python3', threads: 2 });
    expect(loadWhisperSettings({ AI_WHISPER_MODEL: '', AI_WHISPER_THREADS: '' }, ROOT).threads).toBe(1);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadWhisperSettings({ AI_WHISPER_THREADS: 'many' }, ROOT)).toThrow(/AI_WHISPER_THREADS/);
    expect(() => loadWhisperSettings({ AI_WHISPER_THREADS: '0' }, ROOT)).toThrow(/AI_WHISPER_THREADS/);
  });

  it('says what is missing before anything is spawned', () => {
    const settings = loadWhisperSettings({ AI_WHISPER_MODEL: '/nonexistent/model' }, ROOT);
    expect(WhisperEngine.installProblem(settings)).toMatch(
      /^AI_WHISPER_MODEL is \/nonexistent\/model, which does not exist/,
    );
    const here = path.dirname(fileURLToPath(import.meta.url));
    expect(WhisperEngine.installProblem({ modelDir: here, python: 'python3' })).toMatch(
      /AI_WHISPER_MODEL .* not a whisper model: model\.bin, config\.json, tokenizer\.json, vocabulary\.txt missing/,
    );
    const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-files-'));
    try {
      for (const file of ['model.bin', 'config.json', 'tokenizer.json', 'vocabulary.json']) {
        writeFileSync(path.join(dir, file), '');
      }
      expect(WhisperEngine.installProblem({ modelDir: dir, python: 'python3' })).toBeNull();
      expect(WhisperEngine.installProblem({ modelDir: dir, python: '/nonexistent/python' })).toMatch(
        /^AI_PYTHON is \/nonexistent\/python, which does not exist/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
