#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test Gongzhi Chain; a no-op when all
# of it is there. Needs root (or sudo) only when something must be installed.
set -euo pipefail

need_apt=()
command -v clang >/dev/null || need_apt+=(clang)
command -v protoc >/dev/null || need_apt+=(protobuf-compiler)
ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || need_apt+=(libclang-dev)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v git >/dev/null || need_apt+=(git)
# OpenSSL (for litep2p's WebRTC) is linked from Debian's, not compiled from source: env.sh sets
# OPENSSL_NO_VENDOR, which saves minutes of every cold build.
{ command -v pkg-config >/dev/null && pkg-config --exists openssl; } || need_apt+=(pkg-config libssl-dev)
# The portal's browser tests: Debian's Chromium (never a browser downloaded by a test tool) and a
# font with Chinese characters, so that pages and screenshots show Chinese text.
command -v chromium >/dev/null || need_apt+=(chromium)
{ command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; } || need_apt+=(fonts-wqy-microhei)

if ((${#need_apt[@]})); then
	echo "setup: installing ${need_apt[*]}"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v rustup >/dev/null; then
	echo "setup: rustup is missing; install Rust from https://rustup.rs first" >&2
	exit 1
fi
# rust-toolchain.toml names the targets and components; make sure they are installed.
installed_targets=$(rustup target list --installed)
for target in wasm32v1-none wasm32-unknown-unknown; do
	grep -qx "$target" <<<"$installed_targets" || rustup target add "$target"
done
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
