# Sourced by the other scripts: one cargo target dir, outside the work tree, shared by every
# checkout, session and CI run on this machine so that builds are incremental.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongzhi-target}"
export GONGZHI_NODE="${GONGZHI_NODE:-$CARGO_TARGET_DIR/release/gongzhi-node}"
