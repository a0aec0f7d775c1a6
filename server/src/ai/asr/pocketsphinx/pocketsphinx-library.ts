/**
 * The slice of Debian's libpocketsphinx 0.8+5prealpha C API the engine uses,
 * bound with koffi (no compiler at install). Signatures follow the package's
 * headers (`pocketsphinx.h`, `ps_lattice.h`, sphinxbase's `cmd_ln.h`,
 * `err.h`, `logmath.h`). Pointers are opaque bigints (koffi 3).
 *
 * The calls that take real time (model load, audio, end of utterance,
 * lattice search) also come as `*Async`: koffi runs them on its worker
 * threads so the event loop keeps serving media and signaling. A decoder is
 * not thread-safe; its owner must never start a call on it before the last
 * one has returned (see Decoder).
 */
import { EngineUnavailableError } from '../speech-engine';

export type NativePointer = bigint;

export type PocketsphinxLibrary = {
  koffiVersion: string;
  /** Builds a decoder config from command-line style pairs; null when an option is unknown or malformed. */
  parseConfig(argv: string[]): NativePointer | null;
  freeConfig(config: NativePointer): void;
  initAsync(config: NativePointer): Promise<NativePointer | null>;
  free(decoder: NativePointer): void;
  startUtterance(decoder: NativePointer): number;
  /** Frames searched, or a negative number on error. */
  processRawAsync(decoder: NativePointer, pcm: Int16Array, isFullUtterance: boolean): Promise<number>;
  endUtteranceAsync(decoder: NativePointer): Promise<number>;
  hypothesis(decoder: NativePointer): string | null;
  frames(decoder: NativePointer): number;
  lattice(decoder: NativePointer): NativePointer | null;
  languageModel(decoder: NativePointer, search: string): NativePointer | null;
  /** Best path through the lattice (lm weight ratio, acoustic scale); its last link, or null. */
  bestPathAsync(lattice: NativePointer, lm: NativePointer, lwf: number, ascale: number): Promise<NativePointer | null>;
  posteriorAsync(lattice: NativePointer, lm: NativePointer, ascale: number): Promise<number>;
  /** Words of the path ending at `link`, each with its log posterior (decoder's log base). */
  pathWords(lattice: NativePointer, link: NativePointer, lwf: number): Array<{ word: string; logPosterior: number }>;
  /** A log value in the decoder's base, as a plain probability. */
  exp(decoder: NativePointer, logValue: number): number;
};

const LIBRARIES = { sphinxbase: 'libsphinxbase.so.3', pocketsphinx: 'libpocketsphinx.so.3' };

let loaded: Promise<PocketsphinxLibrary> | null = null;

/** Loads koffi and the two Debian libraries once per process; rejects with what to install. */
export function loadPocketsphinxLibrary(): Promise<PocketsphinxLibrary> {
  loaded ??= bind().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}

async function bind(): Promise<PocketsphinxLibrary> {
  const koffi = (
    await import('koffi').catch((error: unknown) => {
      throw new EngineUnavailableError(
        `The pocketsphinx engine (AI_ASR_ENGINE=pocketsphinx) needs the npm package koffi, which did not load (${reason(error)}): run npm install.`,
      );
    })
  ).default;
  // Native code of async calls runs on koffi's own stacks (128 KiB by default); give pocketsphinx room.
  // Koffi refuses a change once any library is loaded; its defaults then stay, which has also worked.
  try {
    koffi.config({ ...koffi.config(), async_stack_size: 1024 * 1024 });
  } catch {
    // keep koffi's defaults
  }
  const open = (name: string) => {
    try {
      return koffi.load(name);
    } catch (error) {
      throw new EngineUnavailableError(
        `The pocketsphinx engine (AI_ASR_ENGINE=pocketsphinx) could not load ${name} (${reason(error)}): install the Debian packages libpocketsphinx3 and libsphinxbase3 (apt-get install pocketsphinx), or choose another engine with AI_ASR_ENGINE.`,
      );
    }
  };
  const sb = open(LIBRARIES.sphinxbase);
  const ps = open(LIBRARIES.pocketsphinx);

  for (const name of [
    'ps_decoder_t',
    'cmd_ln_t',
    'arg_t',
    'logmath_t',
    'ps_lattice_t',
    'ps_latlink_t',
    'ps_seg_t',
    'ngram_model_t',
  ]) {
    koffi.opaque(name);
  }
  const c = {
    errSetLogfp: sb.func('void err_set_logfp(void *stream)'),
    cmdLnParse: sb.func(
      'cmd_ln_t *cmd_ln_parse_r(cmd_ln_t *inout, const arg_t *defn, int32_t argc, const char **argv, int32_t strict)',
    ),
    cmdLnFree: sb.func('int cmd_ln_free_r(cmd_ln_t *config)'),
    logmathExp: sb.func('double logmath_exp(logmath_t *lmath, int logb_p)'),
    psArgs: ps.func('const arg_t *ps_args(void)'),
    psInit: ps.func('ps_decoder_t *ps_init(cmd_ln_t *config)'),
    psFree: ps.func('int ps_free(ps_decoder_t *ps)'),
    psStartUtt: ps.func('int ps_start_utt(ps_decoder_t *ps)'),
    psProcessRaw: ps.func(
      'int ps_process_raw(ps_decoder_t *ps, const int16_t *data, size_t n_samples, int no_search, int full_utt)',
    ),
    psEndUtt: ps.func('int ps_end_utt(ps_decoder_t *ps)'),
    psGetHyp: ps.func('const char *ps_get_hyp(ps_decoder_t *ps, _Out_ int32_t *out_best_score)'),
    psGetNFrames: ps.func('int ps_get_n_frames(ps_decoder_t *ps)'),
    psGetLogmath: ps.func('logmath_t *ps_get_logmath(ps_decoder_t *ps)'),
    psGetLattice: ps.func('ps_lattice_t *ps_get_lattice(ps_decoder_t *ps)'),
    psGetLm: ps.func('ngram_model_t *ps_get_lm(ps_decoder_t *ps, const char *name)'),
    psLatticeBestpath: ps.func(
      'ps_latlink_t *ps_lattice_bestpath(ps_lattice_t *dag, ngram_model_t *lmset, float lwf, float ascale)',
    ),
    psLatticePosterior: ps.func('int32_t ps_lattice_posterior(ps_lattice_t *dag, ngram_model_t *lmset, float ascale)'),
    // Exported by the library though declared only in its internal header; it is how -bestpath yes
    // builds its word segmentation, with per-word posteriors.
    psLatticeSegIter: ps.func('ps_seg_t *ps_lattice_seg_iter(ps_lattice_t *dag, ps_latlink_t *link, float lwf)'),
    psSegNext: ps.func('ps_seg_t *ps_seg_next(ps_seg_t *seg)'),
    psSegWord: ps.func('const char *ps_seg_word(ps_seg_t *seg)'),
    psSegProb: ps.func(
      'int32_t ps_seg_prob(ps_seg_t *seg, _Out_ int32_t *out_ascr, _Out_ int32_t *out_lscr, _Out_ int32_t *out_lback)',
    ),
  };
  // The library logs to stderr by default; the engine reports its own errors in sentences instead.
  c.errSetLogfp(null);

  const call = <T>(fn: { async: (...args: unknown[]) => unknown }, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      fn.async(...args, (error: unknown, result: T) => (error ? reject(error) : resolve(result)));
    });
  const orNull = (pointer: NativePointer | null) => (pointer ? pointer : null);

  return {
    koffiVersion: koffi.version,
    parseConfig: (argv) => orNull(c.cmdLnParse(null, c.psArgs(), argv.length, argv, 1)),
    freeConfig: (config) => void c.cmdLnFree(config),
    initAsync: async (config) => orNull(await call<NativePointer | null>(c.psInit, config)),
    free: (decoder) => void c.psFree(decoder),
    startUtterance: (decoder) => c.psStartUtt(decoder),
    processRawAsync: (decoder, pcm, isFullUtterance) =>
      call<number>(c.psProcessRaw, decoder, pcm, pcm.length, 0, isFullUtterance ? 1 : 0),
    endUtteranceAsync: (decoder) => call<number>(c.psEndUtt, decoder),
    hypothesis: (decoder) => c.psGetHyp(decoder, [0]) ?? null,
    frames: (decoder) => c.psGetNFrames(decoder),
    lattice: (decoder) => orNull(c.psGetLattice(decoder)),
    languageModel: (decoder, search) => orNull(c.psGetLm(decoder, search)),
    bestPathAsync: async (lattice, lm, lwf, ascale) =>
      orNull(await call<NativePointer | null>(c.psLatticeBestpath, lattice, lm, lwf, ascale)),
    posteriorAsync: (lattice, lm, ascale) => call<number>(c.psLatticePosterior, lattice, lm, ascale),
    pathWords: (lattice, link, lwf) => {
      const words: Array<{ word: string; logPosterior: number }> = [];
      // ps_seg_next frees the iterator when it runs off the end.
      for (let seg = orNull(c.psLatticeSegIter(lattice, link, lwf)); seg; seg = orNull(c.psSegNext(seg))) {
        words.push({ word: c.psSegWord(seg), logPosterior: c.psSegProb(seg, [0], [0], [0]) });
      }
      return words;
    },
    exp: (decoder, logValue) => c.logmathExp(c.psGetLogmath(decoder), logValue),
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
