#!/usr/bin/env bash
# Speech fixtures for the caption tests, made from Debian packages (nothing large is committed):
#   librivox-16k/*.wav   the LibriVox clips of pocketsphinx-testdata, 16 kHz mono 16-bit (what the engines take)
#   librivox-48k/*.wav   the same at 48 kHz mono 16-bit with 1.5 s of silence at the end, for Chromium's
#                        --use-file-for-fake-audio-capture (it loops the file; the silence makes each pass a
#                        separate utterance; 48 kHz is its capture rate, so it does not resample)
#   librivox.json        [{file, text}]: the reference transcripts (from the package's `transcription`)
#   zh-16k/, zh-48k/, zh.json    one Mandarin sentence spoken by espeak-ng from pinyin (a smoke test of the zh path only)
#   tts-16k/, tts-48k/, tts.json one English sentence by espeak-ng and one by flite (synthetic voices)
# Idempotent: does nothing when the output was made by this same script; otherwise remakes it all.
# Needs: sox pocketsphinx-testdata espeak-ng flite (apt).
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE=/usr/share/pocketsphinx/test/data/librivox
OUT=e2e/fixtures/audio/generated
PAD_SECONDS=1.5
ZH_TEXT='今天下午三点开会，我们讨论一下项目的进度。'
# Debian's `cmn` voice reads Chinese characters as tone-numbered pinyin spelled out in English
# ("jin one tian one"); its `cmn-latn-pinyin` voice pronounces pinyin, so it gets the same sentence so.
ZH_PINYIN='jin1 tian1 xia4 wu3 san1 dian3 kai1 hui4, wo3 men5 tao3 lun4 yi2 xia4 xiang4 mu4 de5 jin4 du4.'
EN_TEXT='Please share your screen so that everyone can see the schedule for next week.'

for tool in sox espeak-ng flite; do
  command -v "$tool" >/dev/null || { echo "make-audio-fixtures: '$tool' is missing: apt-get install $tool" >&2; exit 1; }
done
[ -f "$SOURCE/transcription" ] || {
  echo "make-audio-fixtures: $SOURCE not found: apt-get install pocketsphinx-testdata" >&2
  exit 1
}

stamp="$(sha256sum "$0" | cut -d' ' -f1)"
if [ -f "$OUT/.stamp" ] && [ "$(cat "$OUT/.stamp")" = "$stamp" ]; then
  echo "make-audio-fixtures: $OUT is up to date"
  exit 0
fi

# Built beside the output and swapped in whole, so an interrupted run never leaves half a set.
mkdir -p "${OUT%/*}"
work="$(mktemp -d "${OUT%/*}/.generated.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work"/{librivox,zh,tts}-{16k,48k}

# Writes the 16 kHz and the padded 48 kHz version of one source file.
both_rates() { # <source> <set> <name>
  sox -q "$1" -b 16 -e signed-integer -c 1 "$work/$2-16k/$3" rate -v 16000
  sox -q "$1" -b 16 -e signed-integer -c 1 "$work/$2-48k/$3" rate -v 48000 pad 0 "$PAD_SECONDS"
}

# A JSON string from stdin (the texts here have no backslashes, quotes or control characters).
json_string() { printf '"%s"' "$(cat)"; }

entries=()
while IFS= read -r line; do
  # Lines look like: <s> he was not an ill disposed young man </s> (sense_and_sensibility_01_austen_64kb-0880)
  id="$(sed -E 's/.*\(([^)]+)\)$/\1/' <<<"$line")"
  text="$(sed -E 's/^<s> (.*) <\/s> \(.*$/\1/' <<<"$line")"
  both_rates "$SOURCE/$id.wav" librivox "$id.wav"
  entries+=("{\"file\":\"$id.wav\",\"text\":$(json_string <<<"$text")}")
done <"$SOURCE/transcription"
(IFS=,; printf '[%s]\n' "${entries[*]}") >"$work/librivox.json"

espeak-ng -v cmn-latn-pinyin -s 150 -w "$work/zh.raw.wav" "$ZH_PINYIN"
both_rates "$work/zh.raw.wav" zh zh-espeak.wav
printf '[{"file":"zh-espeak.wav","text":%s}]\n' "$(json_string <<<"$ZH_TEXT")" >"$work/zh.json"

espeak-ng -v en-us -s 160 -w "$work/en-espeak.raw.wav" "$EN_TEXT"
flite -voice slt -t "$EN_TEXT" -o "$work/en-flite.raw.wav"
both_rates "$work/en-espeak.raw.wav" tts en-espeak.wav
both_rates "$work/en-flite.raw.wav" tts en-flite.wav
en="$(json_string <<<"$EN_TEXT")"
printf '[{"file":"en-espeak.wav","text":%s,"voice":"espeak-ng en-us"},{"file":"en-flite.wav","text":%s,"voice":"flite slt"}]\n' \
  "$en" "$en" >"$work/tts.json"
rm -f "$work"/*.raw.wav

echo "$stamp" >"$work/.stamp"
rm -rf "$OUT"
mv "$work" "$OUT"
trap - EXIT
echo "make-audio-fixtures: wrote $OUT ($(find "$OUT" -name '*.wav' | wc -l) clips)"
