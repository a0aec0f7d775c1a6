import { describe, expect, it } from 'vitest';
import { DEBIAN_MODEL_DIR, PocketsphinxSettingsError, parsePocketsphinxSettings } from './pocketsphinx-settings';

describe('parsePocketsphinxSettings', () => {
  it("defaults to Debian's model and two decoders (empty values count as unset)", () => {
    expect(parsePocketsphinxSettings({ AI_POCKETSPHINX_MODEL_DIR: '' })).toEqual({
      modelDir: DEBIAN_MODEL_DIR,
      acousticModelDir: `${DEBIAN_MODEL_DIR}/en-us`,
      languageModelFile: `${DEBIAN_MODEL_DIR}/en-us.lm.bin`,
      dictionaryFile: `${DEBIAN_MODEL_DIR}/cmudict-en-us.dict`,
      decoders: 2,
    });
  });

  it('takes a model directory and a decoder count', () => {
    const settings = parsePocketsphinxSettings({
      AI_POCKETSPHINX_MODEL_DIR: '/opt/models/en',
      AI_POCKETSPHINX_DECODERS: '4',
    });
    expect(settings).toMatchObject({
      modelDir: '/opt/models/en',
      languageModelFile: '/opt/models/en/en-us.lm.bin',
      decoders: 4,
    });
  });

  it.each(['0', '9', '1.5', 'two'])('rejects AI_POCKETSPHINX_DECODERS=%s with a sentence naming it', (value) => {
    expect(() => parsePocketsphinxSettings({ AI_POCKETSPHINX_DECODERS: value })).toThrow(PocketsphinxSettingsError);
    expect(() => parsePocketsphinxSettings({ AI_POCKETSPHINX_DECODERS: value })).toThrow(
      /AI_POCKETSPHINX_DECODERS must be a whole number from 1 to 8/,
    );
  });
});
