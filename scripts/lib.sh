# Shared by scripts/setup, scripts/run and scripts/test. Source it; it sets
# ROOT, CACHE and `leptos_env`, the environment of every cargo-leptos build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Tools that outlive a clone (Debian's rustc-web) live here, so a second
# set-up is fast.
CACHE="${SIDHANTO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sidhanto}"
RUSTC_WEB="$CACHE/rustc-web-1.96"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Which wasm32 standard library the build uses, as chosen by scripts/setup:
# "rustup" (prebuilt, from `rustup target add`) or "debian" (rustc-web + build-std).
wasm_route() {
  if [ -f "$CACHE/wasm-route" ]; then cat "$CACHE/wasm-route"; else echo unknown; fi
}

# The environment for `cargo leptos …` and for the tests that share its build
# cache. Plain `cargo test` outside these scripts keeps rustup's own rustc.
leptos_env() {
  LEPTOS_ARGS=()
  export LEPTOS_OUTPUT_NAME=sidhanto
  if [ "$(wasm_route)" = debian ]; then
    export RUSTC="$RUSTC_WEB/usr/bin/rustc" RUSTDOC="$RUSTC_WEB/usr/bin/rustdoc"
    export LD_LIBRARY_PATH="$RUSTC_WEB/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export RUSTC_BOOTSTRAP=1
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$(rustc +stable --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER
    # Cargo's -Zbuild-std needs a nightly cargo; rustc-web's sources supply std.
    if rustup run nightly cargo --version >/dev/null 2>&1; then
      export RUSTUP_TOOLCHAIN=nightly
    fi
    LEPTOS_ARGS=(--lib-cargo-args=-Zbuild-std=std,panic_abort)
  fi
}

# Debug builds of cargo-leptos add this cfg; tests set it too so they reuse
# the server build's compiled dependencies instead of building them again.
test_rustflags() { echo "--cfg erase_components"; }
