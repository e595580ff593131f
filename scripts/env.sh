# Sourced by the other scripts: one cargo target dir, outside the work tree, shared by every
# checkout, session and CI run on this machine so that builds are incremental.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongzhi-target}"
export GONGZHI_NODE="${GONGZHI_NODE:-$CARGO_TARGET_DIR/release/gongzhi-node}"
# `frame-benchmarking-cli` builds a wasm runtime of its own, used only by `benchmark storage` in
# its validate-block mode. Skipping it saves minutes of every cold build; unset this to build it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD="${SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD-1}"
# OpenSSL (used by litep2p's WebRTC transport) comes from Debian's libssl-dev (setup.sh installs
# it) instead of being compiled from source by `openssl-src`: about three minutes of every cold
# build. Set OPENSSL_NO_VENDOR=0 to compile it again.
export OPENSSL_NO_VENDOR="${OPENSSL_NO_VENDOR-1}"
# The one feature set every build of the workspace uses (tests, the development node, chain
# specs): the same artefacts serve all of them, so one script's build is the next one's cache.
# `runtime-benchmarks` lets the pallets' benchmarks run as tests; the runtime's wasm blob leaves
# them out (runtime/build.rs).
export GONGZHI_FEATURES="runtime-benchmarks"

# Every build runs from one fixed path, a link to this checkout, whichever folder the checkout is
# in (a session's, CI's fresh clone, a district reviewer's). Cargo keeps the path it is given, so
# the runtime's wasm blob comes out byte for byte the same from every clone (runtime/build.rs
# explains why the path matters), and clones on one machine share one incremental cache.
export GONGZHI_SRC="${GONGZHI_SRC:-/tmp/gongzhi-src}"
if [ -e "$GONGZHI_SRC" ] && [ ! -L "$GONGZHI_SRC" ]; then
	echo "env: $GONGZHI_SRC is not a link (it must be free for the build's link to the checkout; set GONGZHI_SRC to use another path)" >&2
	exit 1
fi
ln -sfn "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)" "$GONGZHI_SRC"
export WASM_BUILD_WORKSPACE_HINT="$GONGZHI_SRC"
# `gongzhi_cargo build …` is `cargo build …` on the checkout seen through $GONGZHI_SRC.
gongzhi_cargo() {
	local command=$1
	shift
	cargo "$command" --manifest-path "$GONGZHI_SRC/Cargo.toml" "$@"
}
