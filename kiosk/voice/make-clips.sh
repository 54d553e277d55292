#!/usr/bin/env bash
# Generates the default clip pack of the hall board's voice (kiosk/public/voice/default/):
# a chime, the digits, the letters and the words of the default call template, spoken by
# espeak-ng's Mandarin voice, trimmed and loudness-matched by sox, encoded as mono Ogg Opus.
# Needs: espeak-ng sox opus-tools (Debian: apt-get install espeak-ng sox opus-tools).
# The generated files are committed; run this only to regenerate them. See README.md here.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../public/voice/default}"
voice="${VOICE:-cmn}"
speed="${SPEED:-150}"
bitrate="${BITRATE:-20}"

for tool in espeak-ng sox opusenc; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install espeak-ng sox opus-tools)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# encode NAME WAV: trim silence at both ends, normalise, resample to 24 kHz mono, then Opus.
encode() {
  sox "$2" -r 24000 -c 1 -b 16 "$work/$1.trim.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -3 pad 0 0.04
  opusenc --quiet --bitrate "$bitrate" --comp 10 "$work/$1.trim.wav" "$out/$1.opus"
}

# say NAME TEXT: one clip spoken by espeak-ng.
say() {
  espeak-ng -v "$voice" -s "$speed" -w "$work/$1.wav" "$2"
  encode "$1" "$work/$1.wav"
}

manifest="$work/manifest"
: >"$manifest"
entry() { printf '  "%s": "%s.opus",\n' "$1" "$2" >>"$manifest"; }

# Chime: two falling tones (叮咚), 0.9 s.
sox -n -r 24000 -c 1 -b 16 "$work/ding.wav" synth 0.45 sine 880 fade q 0.01 0.45 0.35 vol 0.6
sox -n -r 24000 -c 1 -b 16 "$work/dong.wav" synth 0.6 sine 698.5 fade q 0.01 0.6 0.5 vol 0.6
sox "$work/ding.wav" "$work/dong.wav" -b 16 "$work/chime.wav"
opusenc --quiet --bitrate 32 --comp 10 "$work/chime.wav" "$out/chime.opus"
entry chime chime

digits=(零 一 二 三 四 五 六 七 八 九)
for i in "${!digits[@]}"; do
  say "$i" "${digits[$i]}"
  entry "$i" "$i"
done

for letter in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z; do
  name="${letter,,}"
  say "$name" "$letter"
  entry "$letter" "$name"
done

words=(请:qing 号:hao 到:dao 窗口:chuangkou 办理:banli 十:shi)
for pair in "${words[@]}"; do
  say "${pair#*:}" "${pair%%:*}"
  entry "${pair%%:*}" "${pair#*:}"
done

{
  echo '{'
  sed '$ s/,$//' "$manifest"
  echo '}'
} >"$out/manifest.json"

du -ch "$out"/*.opus | tail -n 1
