#!/usr/bin/env bash
#
# Provide a working mediasoup-worker binary for the server workspace.
#
# Why this script exists: mediasoup's npm postinstall normally downloads a
# prebuilt worker from GitHub or compiles one after downloading its C/C++
# dependencies (OpenSSL, libuv, libsrtp, ...) through meson wraps. Our machines
# can reach neither GitHub nor those mirrors, and the repo disables mediasoup's
# install script. The worker *sources* do ship inside the npm package, so we
# build them offline against Debian's system libraries instead.
#
# What it does, first match wins:
#   1. $MEDIASOUP_WORKER_BIN points at an executable  -> use it, do nothing
#      (mediasoup itself honours that variable at runtime).
#   2. mediasoup's default path already holds a worker that starts -> keep it.
#   3. A worker for this mediasoup version is in the cache -> copy it in.
#   3b. mediasoup's prebuilt worker downloads (where its release host is reachable) -> cache, install.
#   4. Otherwise build it into the cache (about 5-10 min on 2 cores), then
#      copy it in.
#
# The cache lives outside the clone so that every clone/worktree on the machine
# shares one build per mediasoup version:
#   ${MEETAI_CACHE_DIR:-$HOME/.cache/meetai}/mediasoup-worker-<version>/
#       mediasoup-worker   the finished binary
#       build/             sources copy + meson build dir (kept for rebuilds)
#
# Options:
#   --rebuild   skip steps 1-3 and (re)build, reusing the build dir so only
#               what changed is recompiled. For a from-scratch build delete
#               the cache dir for this version first.
# Environment:
#   MEETAI_CACHE_DIR      cache root (default ~/.cache/meetai)
#   MEETAI_BUILD_JOBS     parallel compile jobs (default 2; the 2 cores are
#                         shared with other people on the same machine)
#
# Helper files (fake meson subprojects, libsrtp compat header) are in
# scripts/mediasoup-worker/; see its README.md for why each one exists.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
HELPERS_DIR="$SCRIPT_DIR/mediasoup-worker"

# Debian packages the offline build needs. Keep in sync with the README.
REQUIRED_PACKAGES=(
	build-essential pkg-config meson ninja-build
	libssl-dev libuv1-dev libsrtp2-dev libusrsctp-dev
	libabsl-dev libflatbuffers-dev flatbuffers-compiler
)
# Oldest meson we have verified (Debian 12's). mediasoup asks for a newer one
# than it actually needs; we lower its floor to this.
MESON_FLOOR="1.0.1"

log() { printf '[mediasoup-worker] %s\n' "$*"; }
die() {
	printf '[mediasoup-worker] ERROR: %s\n' "$*" >&2
	exit 1
}

REBUILD=0
for arg in "$@"; do
	case "$arg" in
	--rebuild) REBUILD=1 ;;
	-h | --help)
		sed -n '3,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) die "unknown argument: $arg (try --help)" ;;
	esac
done

# A worker "runs" if it loads all its shared libraries and reaches main():
# started without MEDIASOUP_VERSION it prints a complaint and exits with the
# dedicated code 41. Anything else (missing .so, wrong arch, crash) means no.
worker_runs() {
	local bin="$1" rc=0
	[[ -f "$bin" && -x "$bin" ]] || return 1
	env -u MEDIASOUP_VERSION timeout 10 "$bin" </dev/null >/dev/null 2>&1 || rc=$?
	[[ "$rc" -eq 41 ]]
}

# Copy via a temp file + rename so a concurrently starting server never sees a
# half-written binary.
install_binary() {
	local src="$1" dest="$2"
	mkdir -p "$(dirname "$dest")"
	cp "$src" "$dest.tmp.$$"
	chmod 755 "$dest.tmp.$$"
	mv -f "$dest.tmp.$$" "$dest"
}

# --- Locate mediasoup -------------------------------------------------------
# Resolve it the way the server does (it may be hoisted to the root
# node_modules or live in server/node_modules).
command -v node >/dev/null 2>&1 || die "node is not on PATH"
MEDIASOUP_DIR="$(cd "$REPO_ROOT/server" && node -e '
	const path = require("path");
	try {
		console.log(path.resolve(path.dirname(require.resolve("mediasoup")), "..", ".."));
	} catch {
		process.exit(1);
	}
')" || die "mediasoup is not installed (run 'npm ci' in $REPO_ROOT first)"
MEDIASOUP_VERSION="$(node -p 'require(process.argv[1]).version' "$MEDIASOUP_DIR/package.json")"
DEFAULT_BIN="$MEDIASOUP_DIR/worker/out/Release/mediasoup-worker"

CACHE_ROOT="${MEETAI_CACHE_DIR:-$HOME/.cache/meetai}"
CACHE_DIR="$CACHE_ROOT/mediasoup-worker-$MEDIASOUP_VERSION"
CACHED_BIN="$CACHE_DIR/mediasoup-worker"
BUILD_ROOT="$CACHE_DIR/build"
SRC_DIR="$BUILD_ROOT/worker"
BUILDDIR="$BUILD_ROOT/builddir"
JOBS="${MEETAI_BUILD_JOBS:-2}"

log "mediasoup $MEDIASOUP_VERSION at $MEDIASOUP_DIR"

# --- 1-3: reuse an existing binary -----------------------------------------
if [[ "$REBUILD" -eq 0 ]]; then
	if [[ -n "${MEDIASOUP_WORKER_BIN:-}" ]]; then
		# mediasoup will spawn exactly this path, so a bad value is an error
		# rather than something to silently work around.
		worker_runs "$MEDIASOUP_WORKER_BIN" ||
			die "MEDIASOUP_WORKER_BIN=$MEDIASOUP_WORKER_BIN is not a working mediasoup-worker; fix or unset it"
		log "MEDIASOUP_WORKER_BIN is set and works ($MEDIASOUP_WORKER_BIN); nothing to do."
		exit 0
	fi

	if worker_runs "$DEFAULT_BIN"; then
		log "A working worker is already installed at $DEFAULT_BIN; nothing to do."
		log "(use --rebuild to rebuild it in the cache dir and install that instead)"
		exit 0
	fi

	if worker_runs "$CACHED_BIN"; then
		install_binary "$CACHED_BIN" "$DEFAULT_BIN"
		log "Copied cached worker $CACHED_BIN -> $DEFAULT_BIN"
		exit 0
	fi

	# The normal path first: mediasoup's own prebuilt worker for this version, OS, arch and kernel
	# (named and located the way its postinstall does). Machines that cannot reach it build below.
	PREBUILT_URL="$(node -e '
		const os = require("os");
		const pkg = require(process.argv[1]);
		const base = process.env.MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL ||
			`${pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "")}/releases/download`;
		const kernel = os.platform() === "linux" ? `-kernel${os.release().split(".")[0]}` : "";
		console.log(`${base}/${pkg.version}/mediasoup-worker-${pkg.version}-${os.platform()}-${os.arch()}${kernel}.tgz`);
	' "$MEDIASOUP_DIR/package.json")"
	PREBUILT_DIR="$(mktemp -d)"
	if curl -fsSL --max-time 120 "$PREBUILT_URL" | tar -xz -C "$PREBUILT_DIR" 2>/dev/null &&
		worker_runs "$PREBUILT_DIR/mediasoup-worker"; then
		install_binary "$PREBUILT_DIR/mediasoup-worker" "$CACHED_BIN"
		install_binary "$CACHED_BIN" "$DEFAULT_BIN"
		rm -rf "$PREBUILT_DIR"
		log "Downloaded mediasoup's prebuilt worker -> $DEFAULT_BIN (cached in $CACHE_DIR)"
		exit 0
	fi
	rm -rf "$PREBUILT_DIR"
	log "mediasoup's prebuilt worker could not be downloaded here: building it from source (the offline path)"
fi

# --- 4: build ---------------------------------------------------------------
command -v dpkg-query >/dev/null 2>&1 ||
	die "this build recipe needs Debian/Ubuntu packages (${REQUIRED_PACKAGES[*]}); on other systems build the worker yourself and set MEDIASOUP_WORKER_BIN"

missing=()
for pkg in "${REQUIRED_PACKAGES[@]}"; do
	status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
	[[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if [[ "${#missing[@]}" -gt 0 ]]; then
	die "cannot build mediasoup-worker: missing Debian packages: ${missing[*]}
  install them with:  sudo apt-get install -y ${missing[*]}
  (or point MEDIASOUP_WORKER_BIN at an existing mediasoup-worker $MEDIASOUP_VERSION binary)"
fi

[[ -d "$MEDIASOUP_DIR/worker/src" && -f "$MEDIASOUP_DIR/worker/meson.build" ]] ||
	die "the mediasoup package has no worker sources at $MEDIASOUP_DIR/worker"

mkdir -p "$CACHE_DIR"

# Only one build per cache dir at a time: a second invocation (another
# terminal, another clone) waits here and then reuses the result.
exec 9>"$CACHE_DIR/.lock"
if ! flock -n 9; then
	log "Another build of mediasoup-worker $MEDIASOUP_VERSION is running; waiting for it..."
	flock 9
	if [[ "$REBUILD" -eq 0 ]] && worker_runs "$CACHED_BIN"; then
		install_binary "$CACHED_BIN" "$DEFAULT_BIN"
		log "Copied freshly built worker $CACHED_BIN -> $DEFAULT_BIN"
		exit 0
	fi
fi

# The prepared source copy is reused across runs (so an interrupted build
# resumes instead of restarting) unless this script or its helper files
# changed; the stamp records a hash of both. On a change only the source copy
# is redone: cp -a keeps the original timestamps, so ninja recompiles just
# what really changed (the patched files) instead of everything.
PREP_STAMP="$(
	{
		echo "mediasoup $MEDIASOUP_VERSION"
		cat "${BASH_SOURCE[0]}"
		find "$HELPERS_DIR/subprojects" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sed "s|$HELPERS_DIR/||"
	} | sha256sum | cut -d' ' -f1
)"

if [[ "$(cat "$BUILD_ROOT/.prepared" 2>/dev/null || true)" != "$PREP_STAMP" ]]; then
	log "Preparing worker sources in $SRC_DIR"
	rm -rf "$SRC_DIR" "$BUILD_ROOT/.prepared"
	mkdir -p "$BUILD_ROOT"
	# Work on a copy: node_modules must stay pristine (npm may verify or replace
	# it at any time) and the build must survive a reinstall of node_modules.
	cp -a "$MEDIASOUP_DIR/worker" "$SRC_DIR"
	rm -rf "$SRC_DIR/out"

	# (a) mediasoup declares meson >= 1.1 but builds fine with Debian 12's 1.0.1.
	grep -Eq "meson_version: *'>= *[0-9.]+'" "$SRC_DIR/meson.build" ||
		die "could not find meson_version in worker/meson.build; mediasoup $MEDIASOUP_VERSION changed its build file, review this script"
	sed -Ei "s/meson_version: *'>= *[0-9.]+'/meson_version: '>= $MESON_FLOOR'/" "$SRC_DIR/meson.build"

	# (b) Replace every download wrap by a local subproject that wraps the
	# Debian library. Fail if mediasoup grew a wrap we do not know about,
	# rather than letting meson fail later with a download error.
	for wrap in "$SRC_DIR"/subprojects/*.wrap; do
		name="$(basename "$wrap" .wrap)"
		case "$name" in
		# wingetopt is Windows-only; liburing is skipped by -Dms_disable_liburing.
		wingetopt | liburing) ;;
		*)
			[[ -d "$HELPERS_DIR/subprojects/$name" ]] ||
				die "mediasoup $MEDIASOUP_VERSION needs subproject '$name', which has no stand-in in $HELPERS_DIR/subprojects; add one"
			;;
		esac
		rm -f "$wrap"
	done
	rm -rf "$SRC_DIR/subprojects/packagefiles"
	cp -a "$HELPERS_DIR/subprojects/." "$SRC_DIR/subprojects/"

	# (c) DTLS crash fix. The BIO callback in DtlsTransport.cpp returns
	# `ret` only when operationType == BIO_CB_RETURN, but OpenSSL calls it
	# with BIO_CB_RETURN or-ed with the operation (e.g. BIO_CB_CTRL |
	# BIO_CB_RETURN), so every control query is answered with 1. Debian's
	# OpenSSL 3.0 (built with kTLS support) reads that 1 as "kTLS is active"
	# and then writes through a null pointer: SIGSEGV on the first DTLS
	# handshake with a browser. Testing the flag bitwise restores the real
	# return values.
	dtls_src="$SRC_DIR/src/RTC/DtlsTransport.cpp"
	grep -q '(operationType == BIO_CB_RETURN)' "$dtls_src" ||
		die "DTLS BIO-callback fix: pattern '(operationType == BIO_CB_RETURN)' not found in src/RTC/DtlsTransport.cpp of mediasoup $MEDIASOUP_VERSION; check whether upstream fixed it and update this script"
	sed -i 's/(operationType == BIO_CB_RETURN)/((operationType \& BIO_CB_RETURN) != 0)/' "$dtls_src"
	grep -q '((operationType & BIO_CB_RETURN) != 0)' "$dtls_src" ||
		die "DTLS BIO-callback fix did not apply to $dtls_src"

	echo "$PREP_STAMP" >"$BUILD_ROOT/.prepared"
else
	log "Reusing prepared sources in $SRC_DIR"
fi

start_ts="$(date +%s)"

if [[ ! -f "$BUILDDIR/build.ninja" ]]; then
	log "Configuring (meson setup, no downloads allowed)"
	# --wrap-mode=nodownload: fail instead of trying the network.
	# ms_disable_liburing: liburing would be another download; plain libuv I/O
	# is what every non-Linux-6 host uses anyway.
	meson setup "$BUILDDIR" "$SRC_DIR" \
		--wrap-mode=nodownload \
		--buildtype release \
		-Db_ndebug=true \
		-Dms_disable_liburing=true ||
		die "meson setup failed; see $BUILDDIR/meson-logs/meson-log.txt"
fi

log "Compiling with $JOBS jobs (log lines below come from ninja)"
# The FlatBuffers headers are generated by a custom target that the C++
# compile steps do not formally depend on; generate them first so no compile
# races ahead of its headers.
meson compile -C "$BUILDDIR" -j "$JOBS" flatbuffers-generator ||
	die "generating FlatBuffers headers failed"
meson compile -C "$BUILDDIR" -j "$JOBS" mediasoup-worker ||
	die "compiling mediasoup-worker failed (fix and re-run; the build resumes where it stopped)"

built="$BUILDDIR/mediasoup-worker"
worker_runs "$built" || die "the freshly built $built does not start"
install_binary "$built" "$CACHED_BIN"
install_binary "$CACHED_BIN" "$DEFAULT_BIN"

elapsed=$(($(date +%s) - start_ts))
log "Built mediasoup-worker $MEDIASOUP_VERSION in $((elapsed / 60))m$((elapsed % 60))s"
log "  cached at    $CACHED_BIN"
log "  installed at $DEFAULT_BIN"
