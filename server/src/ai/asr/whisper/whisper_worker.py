"""The whisper inference worker: faster-whisper (CTranslate2, int8) behind a pipe.

Started and supervised by WhisperWorkerProcess.ts; Python is only here because
the model's runtime is. The model is loaded once, at start. Protocol (README.md):

  stdin,  per request: one JSON header line
            {"id": str, "language": "auto"|"en"|"zh", "samples": int}
          then exactly samples * 4 bytes of little-endian float32 PCM, 16 kHz mono.
  stdout, one JSON line per message:
            {"type": "ready", ...}                      once, after the model loaded
            {"type": "result", "id": ..., "text": ...}  per request
            {"type": "error", "id": ..., "error": ...}  per request that failed
            {"type": "fatal", "error": ...}             the model could not load (exit 2)

A header that cannot be read gets an error reply and no body is consumed, so the
next line is read as the next header: a bad request never kills the worker.
End of input ends the worker (exit 0).
"""

import argparse
import dataclasses
import json
import math
import os
import sys
import time

# Nothing may download at run time: a model is a directory installed by setup-ai.sh.
os.environ["HF_HUB_OFFLINE"] = "1"

SAMPLE_RATE = 16000
MAX_HEADER_BYTES = 64 * 1024
# Longer than any utterance or upload we send (uploads stop at 60 s): a bigger
# header is a bug or an attack, and would make the worker allocate without bound.
MAX_SAMPLES = SAMPLE_RATE * 300
# Whisper's window is 30 s of 10 ms feature frames; faster-whisper always pads to it.
HOP = 160
FULL_WINDOW_FRAMES = 3000
# "fit" windows: the audio's own length plus 1 s, in whole seconds (fewer distinct
# shapes). The encoder's cost grows with its input, and a 30 s window for a 3 s
# utterance is most of the decode; measured on the LibriVox clips: 3-4x faster.
FIT_PADDING_FRAMES = 100
FIT_STEP_FRAMES = 100
# ...but never under 6 s: on a window of about 2 s Whisper loops on a short utterance. Measured on
# live captions (Chromium's processed microphone, ~1 s "he was not"): a 2 s window gave "He was
# not. He was Not. He Was Not." in 4 of 5 utterances, a 6 s window "He was not." in all of them.
FIT_MIN_FRAMES = 600
# Supported caption languages; detection is restricted to these, so a Chinese
# speaker is not captioned as Japanese or Thai by a small model's guess.
CAPTION_LANGUAGES = ("en", "zh")
# Asks the decoder for simplified characters: Whisper follows the script of the prompt.
ZH_PROMPT = "以下是普通话的句子。"
# Runaway decoding (a model looping on noise) is capped by the audio's length:
# speech carries at most ~8 tokens a second in either language.
TOKENS_PER_SECOND = 10
MIN_NEW_TOKENS = 16
MAX_NEW_TOKENS = 220


def main() -> int:
    args = parse_args()
    # Protocol lines go to the real stdout; anything a library prints (Python or
    # native code writing to fd 1) is sent to stderr so it cannot corrupt the stream.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    started = time.monotonic()
    try:
        engine = Engine(args.model, args.threads, args.window)
    except Exception as err:  # noqa: BLE001 - any load failure is reported the same way
        send(out, {"type": "fatal", "error": f"{type(err).__name__}: {err}"})
        return 2
    send(out, {**engine.describe(), "type": "ready", "load_ms": ms_since(started)})

    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline(MAX_HEADER_BYTES)
        if not line:
            return 0
        if not line.endswith(b"\n"):
            if len(line) < MAX_HEADER_BYTES:
                return 0  # input ended in the middle of a header
            skip_rest_of_line(stdin)
            send(out, error_reply(None, f"request header longer than {MAX_HEADER_BYTES} bytes"))
            continue
        if not line.strip():
            continue
        request, problem = parse_header(line)
        if problem:
            send(out, error_reply(request.get("id") if request else None, problem))
            continue
        body = stdin.read(request["samples"] * 4)
        if len(body) < request["samples"] * 4:
            return 0  # input ended in the middle of a body
        send(out, engine.handle(request, body))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="faster-whisper inference worker (stdin/stdout)")
    parser.add_argument("--model", default=os.environ.get("AI_WHISPER_MODEL"), help="CTranslate2 model directory")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("AI_WHISPER_THREADS", "1")))
    parser.add_argument(
        "--window",
        choices=("fit", "full"),
        default=os.environ.get("AI_WHISPER_WINDOW", "fit"),
        help="encoder input: the audio's length (fit) or Whisper's 30 s (full)",
    )
    args = parser.parse_args()
    if not args.model:
        parser.error("--model (or AI_WHISPER_MODEL) is required")
    return args


def parse_header(line: bytes):
    try:
        request = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return None, f"request header is not JSON: {err}"
    if not isinstance(request, dict):
        return None, "request header must be a JSON object"
    request_id = request.get("id")
    if not isinstance(request_id, str) or not request_id:
        return request, "request header needs a non-empty string id"
    if request.get("language") not in ("auto", *CAPTION_LANGUAGES):
        return request, "language must be auto, en or zh"
    samples = request.get("samples")
    if not isinstance(samples, int) or isinstance(samples, bool) or samples < 1 or samples > MAX_SAMPLES:
        return request, f"samples must be an integer from 1 to {MAX_SAMPLES}"
    return request, None


class Engine:
    def __init__(self, model_dir: str, threads: int, window: str):
        # Imported here so that a broken venv is reported as a fatal line, not a traceback.
        import ctranslate2
        import faster_whisper
        import numpy
        from faster_whisper.audio import pad_or_trim
        from faster_whisper.tokenizer import Tokenizer

        if not os.path.isfile(os.path.join(model_dir, "model.bin")):
            raise FileNotFoundError(f"no model.bin in {model_dir}")
        self.np = numpy
        self.pad_or_trim = pad_or_trim
        self.tokenizer_class = Tokenizer
        self.model_dir = model_dir
        self.threads = threads
        self.window = window
        self.model = _caching_model_class(faster_whisper.WhisperModel)(
            model_dir,
            device="cpu",
            compute_type="int8",
            cpu_threads=threads,
            num_workers=1,
            local_files_only=True,
        )
        self.is_multilingual = bool(self.model.model.is_multilingual)
        # The fitted path decodes with the settings transcribe() builds from
        # these options (suppressed tokens and thresholds included); its
        # segment generator is never run, so this encodes nothing.
        _segments, info = self.model.transcribe(numpy.zeros(SAMPLE_RATE, numpy.float32), **transcribe_options("en", 1.0))
        self.base_settings = info.transcription_options
        self.versions = {
            "faster-whisper": faster_whisper.__version__,
            "ctranslate2": ctranslate2.__version__,
            "python": sys.version.split()[0],
        }

    def describe(self) -> dict:
        return {
            "model": os.path.basename(os.path.normpath(self.model_dir)),
            "model_dir": self.model_dir,
            "versions": self.versions,
            "languages": list(CAPTION_LANGUAGES) if self.is_multilingual else ["en"],
            "multilingual": self.is_multilingual,
            "threads": self.threads,
            "window": self.window,
        }

    def handle(self, request: dict, body: bytes) -> dict:
        started = time.monotonic()
        try:
            audio = self.np.frombuffer(body, dtype="<f4").astype(self.np.float32)
            if not self.np.all(self.np.isfinite(audio)):
                return error_reply(request["id"], "audio contains NaN or infinite samples")
            # Features are computed once (about 5 ms per second of audio), only when this worker needs them.
            window = self.first_window(audio) if self.fits(audio) or request["language"] == "auto" else None
            language, language_probability = self.pick_language(window, request["language"])
            text, confidence = self.transcribe(audio, window, language)
        except Exception as err:  # noqa: BLE001 - one bad request must not end the worker
            return error_reply(request["id"], f"{type(err).__name__}: {err}")
        finally:
            self.model.forget_encoding()
        return {
            "type": "result",
            "id": request["id"],
            "text": text,
            "language": language,
            "language_probability": round(language_probability, 4),
            "confidence": round(confidence, 4),
            "timings": {"audio_ms": round(len(audio) * 1000 / SAMPLE_RATE), "decode_ms": ms_since(started)},
        }

    def pick_language(self, window, requested: str):
        if requested != "auto":
            if requested != "en" and not self.is_multilingual:
                raise ValueError(f"the model {self.describe()['model']} is English-only; it cannot decode {requested}")
            return requested, 1.0
        if not self.is_multilingual:
            return "en", 1.0
        # Whisper's own detection, restricted to the caption languages. The
        # encoding is cached, so transcription does not encode the window again.
        ranked = self.model.model.detect_language(self.model.encode(window))[0]
        probabilities = {token.strip("<|>"): p for token, p in ranked}
        best = max(CAPTION_LANGUAGES, key=lambda code: probabilities.get(code, 0.0))
        return best, probabilities.get(best, 0.0)

    def fits(self, audio) -> bool:
        return self.window == "fit" and len(audio) <= FULL_WINDOW_FRAMES * HOP

    def first_window(self, audio):
        """The encoder input for the first (or only) window, as the transcription will build it."""
        features = self.model.feature_extractor(audio)
        # faster-whisper drops the last frame, then pads the window to 30 s.
        frames = min(FULL_WINDOW_FRAMES, features.shape[-1] - 1)
        if not self.fits(audio):
            return self.pad_or_trim(features[:, :frames])
        fitted = math.ceil((frames + FIT_PADDING_FRAMES) / FIT_STEP_FRAMES) * FIT_STEP_FRAMES
        length = min(FULL_WINDOW_FRAMES, max(FIT_MIN_FRAMES, fitted))
        return self.pad_or_trim(features[:, :frames], length)

    def transcribe(self, audio, window, language: str):
        options = transcribe_options(language, len(audio) / SAMPLE_RATE)
        if self.fits(audio):
            decoded = self.decode_fitted(window, language, options)
        else:
            segments, _info = self.model.transcribe(audio, **options)
            decoded = [(s.text, len(s.tokens), s.avg_logprob, s.no_speech_prob) for s in segments]
        texts = [text.strip() for text, *_ in decoded if text.strip()]
        return " ".join(texts), confidence_of(decoded)

    def decode_fitted(self, window, language: str, options: dict):
        """faster-whisper's decoding of one window (its prompt, its generate call and silence rule) on a shorter window."""
        settings = dataclasses.replace(
            self.base_settings, initial_prompt=options["initial_prompt"], max_new_tokens=options["max_new_tokens"]
        )
        tokenizer = self.tokenizer_class(self.model.hf_tokenizer, self.is_multilingual, task="transcribe", language=language)
        previous = tokenizer.encode(" " + settings.initial_prompt.strip()) if settings.initial_prompt else []
        prompt = self.model.get_prompt(tokenizer, previous, without_timestamps=True)
        encoding = self.model.encode(window)
        result, avg_logprob, _temperature, _ratio = self.model.generate_with_fallback(encoding, prompt, tokenizer, settings)
        # faster-whisper's silence rule: likely no speech, and not confidently decoded.
        if result.no_speech_prob > settings.no_speech_threshold and avg_logprob < settings.log_prob_threshold:
            return []
        tokens = result.sequences_ids[0]
        return [(tokenizer.decode(tokens), len(tokens), avg_logprob, result.no_speech_prob)]


def transcribe_options(language: str, seconds: float) -> dict:
    """The arguments of faster-whisper's transcribe for one utterance."""
    return {
        "language": language,
        "task": "transcribe",
        "beam_size": 1,
        "best_of": 1,
        # Temperature fallback re-decodes a doubtful window up to five times
        # (30 s was measured on synthetic noise-like speech): one pass only.
        "temperature": 0.0,
        "vad_filter": False,  # our VAD is upstream
        "condition_on_previous_text": False,
        "without_timestamps": True,
        "initial_prompt": ZH_PROMPT if language == "zh" else None,
        "max_new_tokens": min(MAX_NEW_TOKENS, MIN_NEW_TOKENS + math.ceil(seconds * TOKENS_PER_SECOND)),
    }


def _caching_model_class(whisper_model):
    """WhisperModel whose encoder remembers its last input and output, for one request."""

    class CachingWhisperModel(whisper_model):
        _window = None
        _encoding = None

        def encode(self, features):
            import numpy

            if self._window is not None and numpy.array_equal(self._window, features):
                return self._encoding
            encoding = super().encode(features)
            self._window, self._encoding = features, encoding
            return encoding

        def forget_encoding(self):
            self._window = self._encoding = None

    return CachingWhisperModel


def confidence_of(decoded) -> float:
    """
    For (text, tokens, avg_logprob, no_speech_prob) per segment: exp(avg_logprob)
    is the geometric mean of the chosen tokens' probabilities; weighted by each
    segment's token count, times the chance the window holds speech at all
    (1 - no_speech_prob). No text: 0.
    """
    weighted = [
        (tokens, math.exp(avg_logprob) * (1.0 - no_speech_prob))
        for text, tokens, avg_logprob, no_speech_prob in decoded
        if text.strip() and tokens > 0
    ]
    total = sum(count for count, _ in weighted)
    if total == 0:
        return 0.0
    return max(0.0, min(1.0, sum(count * value for count, value in weighted) / total))


def skip_rest_of_line(stream) -> None:
    while True:
        chunk = stream.readline(MAX_HEADER_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def error_reply(request_id, message: str) -> dict:
    return {"type": "error", "id": request_id if isinstance(request_id, str) else None, "error": message}


def send(out, message: dict) -> None:
    out.write(json.dumps(message, ensure_ascii=False) + "\n")


def ms_since(started: float) -> int:
    return round((time.monotonic() - started) * 1000)


if __name__ == "__main__":
    sys.exit(main())
