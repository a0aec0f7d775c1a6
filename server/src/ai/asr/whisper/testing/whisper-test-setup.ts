import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AI_VENV_DIR, loadWhisperSettings, type WhisperSettings } from '../whisper-settings';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../..');

/**
 * The whisper tests need the venv that `scripts/setup-ai.sh` makes (setup
 * runs it, so CI has it). Without the venv they skip with this reason; with
 * it, anything missing (a model, a package) fails them.
 */
export const WHISPER_SKIP_REASON = existsSync(path.join(REPO_ROOT, AI_VENV_DIR))
  ? null
  : `${AI_VENV_DIR}/ is absent: run \`bash scripts/setup-ai.sh\` to test the whisper engine`;

export function testWhisperSettings(env: Record<string, string | undefined> = {}): WhisperSettings {
  // Short restart delays keep the crash test quick; everything else as in production.
  return { ...loadWhisperSettings(env, REPO_ROOT), restartDelayMs: { first: 200, max: 2_000 } };
}
