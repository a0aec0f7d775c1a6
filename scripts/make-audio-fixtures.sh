#!/usr/bin/env bash
# Speech fixtures for the caption tests, made from Debian packages (nothing large is committed):
#   librivox-16k/*.wav   the LibriVox clips of pocketsphinx-testdata, 16 kHz mono 16-bit (what the engines take)
#   librivox-48k/*.wav   the same at 48 kHz mono 16-bit with 1.5 s of silence at the end, for Chromium's
#                        --use-file-for-fake-audio-capture (it loops the file; the silence makes each pass a
#                        separate utterance; 48 kHz is its capture rate, so it does not resample)
#   librivox.json        [{file, text}]: the reference transcripts (from the package's `transcription`)
#   zh-16k/, zh-48k/, zh.json    one Mandarin sentence spoken by espeak-ng from pinyin (a smoke test of the zh path only)
#   tts-16k/, tts-48k/, tts.json one English sentence by espeak-ng and one by flite (synthetic voices)
#   voices-16k/, voices-48k/, voices.json
#                                the synthetic-voice indicator's clips, 16 kHz mono (and 48 kHz, what a browser
#                                sends through Opus), silence trimmed:
#                                synthetic: six sentences by each of 17 voices of espeak-ng, flite and festival;
#                                human: LibriVox, pocketsphinx's other test recordings (cards, an4, tidigits),
#                                codec2-examples' speech samples (8 kHz originals) and alsa-utils' channel names.
#                                Each entry: {file, text, voice, kind: human|synthetic, split: fit|held-out}; the split
#                                is by voice (or speaker/recording), so held-out clips are voices the fit never heard.
# Idempotent: does nothing when the output was made by this same script; otherwise remakes it all.
# Needs: sox pocketsphinx-testdata espeak-ng flite festival festvox-kallpc16k festvox-us-slt-hts codec2-examples
# alsa-utils (apt).
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

for tool in sox espeak-ng flite text2wave; do
  command -v "$tool" >/dev/null || { echo "make-audio-fixtures: '$tool' is missing: apt-get install $tool" >&2; exit 1; }
done
for path in /usr/share/codec2/wav/hts2a.wav /usr/share/sounds/alsa/Front_Center.wav \
  /usr/share/festival/voices/english/kal_diphone /usr/share/festival/voices/us/cmu_us_slt_arctic_hts; do
  [ -e "$path" ] || {
    echo "make-audio-fixtures: $path not found: apt-get install codec2-examples alsa-utils festvox-kallpc16k festvox-us-slt-hts" >&2
    exit 1
  }
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
mkdir -p "$work"/{librivox,zh,tts,voices}-{16k,48k}

# Writes the 16 kHz and the padded 48 kHz version of one source file.
both_rates() { # <source> <set> <name>
  sox -q -D "$1" -b 16 -e signed-integer -c 1 "$work/$2-16k/$3" rate -v 16000
  sox -q -D "$1" -b 16 -e signed-integer -c 1 "$work/$2-48k/$3" rate -v 48000 pad 0 "$PAD_SECONDS"
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

# --- The synthetic-voice indicator's clips -------------------------------------------------------------
VOICE_SENTENCES=(
  'Good morning everyone, thanks for joining the call today.'
  'Let us review the budget before we decide on the launch date.'
  'I think the design looks great, but the tests are still failing.'
  'Can you send me the report by Friday afternoon?'
  'We agreed that Maria will update the customer list next week.'
  'The server went down twice last night and nobody noticed.'
)
# engine:voice:split. Fit on some voices of each engine, hold the others out.
SYNTHETIC_VOICES=(
  espeak-ng:en-us:fit espeak-ng:en-us+klatt:fit espeak-ng:en+croak:fit espeak-ng:en-us+f2:fit
  flite:kal16:fit flite:slt:fit festival:cmu_us_slt_arctic_hts:fit
  espeak-ng:en-gb:held-out espeak-ng:en-gb-scotland+m2:held-out espeak-ng:en-gb-x-rp+f4:held-out
  espeak-ng:en-us+f5:held-out espeak-ng:en-us+m3:held-out espeak-ng:en-us+m7:held-out
  flite:awb:held-out flite:kal:held-out flite:rms:held-out festival:kal_diphone:held-out
)
voice_entries=()
# 16 kHz mono 16-bit with the silence before and after the speech trimmed (the live path's utterances are cut by
# the VAD, so leading and trailing silence would only tell the fit how each recording was made).
voice_clip() { # <source> <name> <kind> <voice> <split> <text>
  sox -q -D "$1" -b 16 -e signed-integer -c 1 "$work/voices-16k/$2" rate -v 16000 \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
  sox -q -D "$work/voices-16k/$2" "$work/voices-48k/$2" rate -v 48000
  voice_entries+=("{\"file\":\"$2\",\"text\":$(json_string <<<"$6"),\"voice\":\"$4\",\"kind\":\"$3\",\"split\":\"$5\"}")
}
for spec in "${SYNTHETIC_VOICES[@]}"; do
  IFS=: read -r engine voice split <<<"$spec"
  for i in "${!VOICE_SENTENCES[@]}"; do
    text="${VOICE_SENTENCES[$i]}"
    raw="$work/voice.raw.wav"
    case "$engine" in
      espeak-ng) espeak-ng -v "$voice" -w "$raw" "$text" ;;
      flite) flite -voice "$voice" -t "$text" -o "$raw" ;;
      festival) text2wave -eval "(voice_$voice)" -o "$raw" <<<"$text" 2>/dev/null ;;
    esac
    voice_clip "$raw" "tts-$engine-${voice//+/_}-$((i + 1)).wav" synthetic "$engine $voice" "$split" "$text"
  done
done
rm -f "$work/voice.raw.wav"

# Human speech. LibriVox and cards are one reader each; the an4/tidigits recordings, the codec2 samples and
# the alsa channel names are other people. Long recordings are cut at pauses (≥ 0.4 s), pieces under 1 s dropped.
for id in $(cut -d'(' -f2 "$SOURCE/transcription" | tr -d ')'); do
  voice_clip "$SOURCE/$id.wav" "human-librivox-${id##*-}.wav" human "LibriVox reader (pocketsphinx-testdata)" fit ''
done
PS_DATA="${SOURCE%/librivox}"
for n in 001 002 003 004 005; do
  voice_clip "$PS_DATA/cards/$n.wav" "human-cards-$n.wav" human "cards speaker (pocketsphinx-testdata)" fit ''
done
for f in goforward numbers something tidigits/dhd.2934z; do
  sox -q -D -t raw -r 16000 -e signed -b 16 -c 1 "$PS_DATA/$f.raw" "$work/voice.raw.wav"
  voice_clip "$work/voice.raw.wav" "human-ps-${f##*/}.wav" human "${f##*/} (pocketsphinx-testdata)" held-out ''
done
for f in /usr/share/sounds/alsa/{Front,Rear,Side}_*.wav; do
  name="$(basename "$f" .wav)"
  sox -q -D "$f" -c 1 "$work/voice.raw.wav" remix -
  voice_clip "$work/voice.raw.wav" "human-alsa-$name.wav" human "alsa-utils channel names" fit ''
done
CODEC2=/usr/share/codec2
for name in morig hts1a; do
  voice_clip "$CODEC2/wav/$name.wav" "human-codec2-$name.wav" human "codec2 $name (8 kHz)" fit ''
done
for name in big_dog cross forig hts2a mmt1; do
  voice_clip "$CODEC2/wav/$name.wav" "human-codec2-$name.wav" human "codec2 $name (8 kHz)" held-out ''
done
sox -q -D -t raw -r 8000 -e signed -b 16 -c 1 "$CODEC2/raw/kristoff.raw" "$work/voice.raw.wav"
voice_clip "$work/voice.raw.wav" "human-codec2-kristoff.wav" human "codec2 kristoff (8 kHz)" held-out ''
split_at_pauses() { # <source> <prefix> <voice> <split>
  local pieces="$work/pieces"
  mkdir -p "$pieces"
  sox -q -D "$1" -b 16 -c 1 "$pieces/p.wav" rate -v 16000 silence 1 0.05 1% 1 0.4 1% : newfile : restart
  for piece in "$pieces"/p*.wav; do
    # Long pieces (no pause) are cut into 6 s parts, the live path's utterances are no longer than 15 s anyway.
    sox -q -D "$piece" "$pieces/q.wav" trim 0 6 : newfile : restart 2>/dev/null
    for part in "$pieces"/q*.wav; do
      if awk "BEGIN { exit !($(soxi -D "$part") >= 1.0) }"; then
        voice_clip "$part" "$2-$(basename "$piece" .wav)-$(basename "$part" .wav).wav" human "$3" "$4" ''
      fi
    done
    rm -f "$pieces"/q*.wav
  done
  rm -rf "$pieces"
}
split_at_pauses "$CODEC2/wav/all.wav" human-codec2-all "codec2 all.wav (several speakers, 8 kHz)" fit
split_at_pauses "$CODEC2/raw/speech_orig_16k.wav" human-codec2-orig16k "codec2 speech_orig_16k" held-out
rm -f "$work/voice.raw.wav"
(IFS=,; printf '[%s]\n' "${voice_entries[*]}") >"$work/voices.json"

echo "$stamp" >"$work/.stamp"
rm -rf "$OUT"
mv "$work" "$OUT"
trap - EXIT
echo "make-audio-fixtures: wrote $OUT ($(find "$OUT" -name '*.wav' | wc -l) clips)"
