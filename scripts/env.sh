# Sourced by the other scripts: one cargo target dir, outside the work tree, shared by every
# checkout, session and CI run on this machine so that builds are incremental.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongzhi-target}"
export GONGZHI_NODE="${GONGZHI_NODE:-$CARGO_TARGET_DIR/release/gongzhi-node}"
# `frame-benchmarking-cli` builds a wasm runtime of its own, used only by `benchmark storage` in
# its validate-block mode. Skipping it saves minutes of every cold build; unset this to build it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD="${SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD-1}"
# The one feature set every build of the workspace uses (tests, the development node, chain
# specs): the same artefacts serve all of them, so one script's build is the next one's cache.
# `runtime-benchmarks` lets the pallets' benchmarks run as tests; the runtime's wasm blob leaves
# them out (runtime/build.rs).
export GONGZHI_FEATURES="runtime-benchmarks"
