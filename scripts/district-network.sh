#!/usr/bin/env bash
# A local district network on this machine's loopback: four street validators (Alice, Bob,
# Charlie, Dave: the `district` chain's authorities) and one non-validating RPC node for residents,
# each with its own base path, ports and log. Peers find each other through the boot nodes in
# the chain spec (street 1 and 2, with fixed development node keys).
#
#   scripts/district-network.sh start [DIR [NODE...]]    start nodes (default: street1-4 and rpc)
#   scripts/district-network.sh stop [DIR [NODE...]]     stop them cleanly (Ctrl-C each, wait)
#   scripts/district-network.sh status [DIR]             which are running, and their ports
#
# DIR defaults to /tmp/gongzhi-district; a node restarted with the same DIR resumes from its
# database there. `street5` is a spare validator node with no keys: it is started only when named,
# and becomes a validator once governance admits its account and it registers session keys
# (scripts/network-test.mjs does this). GONGZHI_SPEC names another chain spec than
# chain-specs/district.json.
#
# Ports: street N has p2p 3033(2+N), RPC 994(4+N), Prometheus 961(4+N); the residents' RPC node has
# p2p 30337, RPC 9944 (what wallets use), Prometheus 9620; street5 p2p 30338, RPC 9949,
# Prometheus 9621. Logs: DIR/<node>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

action="${1:-status}"
dir="${2:-/tmp/gongzhi-district}"
shift $(($# < 2 ? $# : 2))
spec="${GONGZHI_SPEC:-$PWD/chain-specs/district.json}"

# name | key flag | node key (development only: published here) | p2p | rpc | prometheus
nodes=(
	"street1 --alice   0000000000000000000000000000000000000000000000000000000000000001 30333 9945 9615"
	"street2 --bob     0000000000000000000000000000000000000000000000000000000000000002 30334 9946 9616"
	"street3 --charlie 0000000000000000000000000000000000000000000000000000000000000003 30335 9947 9617"
	"street4 --dave    0000000000000000000000000000000000000000000000000000000000000004 30336 9948 9618"
	"rpc     -         0000000000000000000000000000000000000000000000000000000000000005 30337 9944 9620"
	"street5 --validator 0000000000000000000000000000000000000000000000000000000000000006 30338 9949 9621"
)
default_nodes=(street1 street2 street3 street4 rpc)
chosen=("${@:-${default_nodes[@]}}")

# The table line of node $1.
line_of() {
	local line
	for line in "${nodes[@]}"; do
		[ "${line%% *}" = "$1" ] && { echo "$line"; return; }
	done
	echo "unknown node $1 (known: street1-5, rpc)" >&2
	exit 2
}

running() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

start_node() {
	local name=$1 role=$2 key=$3 p2p=$4 rpc=$5 prom=$6
	if running "$name"; then
		echo "$name already running (pid $(cat "$dir/$name.pid"))"
		return
	fi
	local args=(--chain "$spec" --base-path "$dir/$name" --name "$name" --node-key "$key"
		--listen-addr "/ip4/127.0.0.1/tcp/$p2p" --rpc-port "$rpc" --prometheus-port "$prom"
		--allow-private-ip --no-mdns --no-telemetry)
	if [ "$role" = "-" ]; then
		# The RPC node also listens for light clients (residents' browsers) over WebSocket, on
		# the p2p port plus 100: the address the chain spec lists among its boot nodes. Like a
		# district's public RPC node it keeps a day of block bodies only, so that text taken
		# down is not served from old blocks (docs/deployment.md, section 9).
		args+=(--rpc-cors all --listen-addr "/ip4/127.0.0.1/tcp/$((p2p + 100))/ws"
			--blocks-pruning 14400)
	else
		args+=("$role")
	fi
	nohup "$GONGZHI_NODE" "${args[@]}" >>"$dir/$name.log" 2>&1 &
	echo $! >"$dir/$name.pid"
	echo "$name started (pid $!, p2p $p2p, rpc $rpc, log $dir/$name.log)"
}

stop_node() {
	local name=$1
	running "$name" || { rm -f "$dir/$name.pid"; return; }
	local pid
	pid=$(cat "$dir/$name.pid")
	kill -INT "$pid"
	for _ in $(seq 1 60); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "$name did not stop within 30 s: killing it" >&2
		kill -KILL "$pid"
	fi
	rm -f "$dir/$name.pid"
	echo "$name stopped"
}

case "$action" in
start)
	[ -x "$GONGZHI_NODE" ] || { echo "no node binary at $GONGZHI_NODE: build it with scripts/dev.sh" >&2; exit 1; }
	[ -f "$spec" ] || { echo "no chain spec at $spec" >&2; exit 1; }
	mkdir -p "$dir"
	for name in "${chosen[@]}"; do
		line=$(line_of "$name") || exit 2
		# shellcheck disable=SC2086
		start_node $line
	done
	;;
stop)
	# Without names, every node, the spare one included.
	[ $# -gt 0 ] || chosen=(street1 street2 street3 street4 street5 rpc)
	for name in "${chosen[@]}"; do
		line_of "$name" >/dev/null || exit 2
		stop_node "$name"
	done
	;;
status)
	for line in "${nodes[@]}"; do
		read -r name _ _ p2p rpc _ <<<"$line"
		if running "$name"; then echo "$name running (pid $(cat "$dir/$name.pid"), p2p $p2p, rpc $rpc)"; else echo "$name stopped"; fi
	done
	;;
*)
	echo "usage: $0 start|stop|status [DIR [NODE...]]" >&2
	exit 2
	;;
esac
