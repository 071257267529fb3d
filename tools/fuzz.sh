#!/usr/bin/env bash
# Fuzz thongbao-core: every cargo-fuzz target for a bounded time.
#
#   ./fuzz.sh [SECONDS_PER_TARGET]        (default 60; CI uses ~10)
#   TARGETS="ingest docx" ./fuzz.sh 300   only some targets
#   FUZZ_JOBS=2 ./fuzz.sh                 parallel libFuzzer workers per target
#
# Installs what is missing: a nightly toolchain (cargo-fuzz's default flags use
# -Zsanitizer=address) and cargo-fuzz. Without nightly it falls back to the
# stable toolchain with RUSTC_BOOTSTRAP=1 (same flags, ASan included), and if
# that does not build, to stable with `--sanitizer none` (libFuzzer and
# coverage, no ASan; the core has no `unsafe`, so panics, overflows, timeouts
# and OOMs are still found). FUZZ_TOOLCHAIN=stable forces the fallback.
#
# Seeds are read from core/fuzz/corpus/<target> (committed, never written);
# core/fuzz/dict/<target>.dict gives libFuzzer the words the code looks for;
# new inputs go to core/fuzz/corpus-work/<target> (git-ignored) so later runs
# start where earlier ones stopped. Crashes land in
# core/fuzz/artifacts/<target>/. Exit status is non-zero if any target crashed,
# timed out, ran out of memory or did not build.
set -uo pipefail

SECS="${1:-60}"
case "$SECS" in '' | *[!0-9]*) echo "usage: $0 [SECONDS_PER_TARGET]" >&2; exit 2 ;; esac

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -n "${THONGBAO_CORE:-}" ]; then CORE="$THONGBAO_CORE"
elif [ -d "$HERE/core/fuzz" ]; then CORE="$HERE/core"
elif [ -d "$HERE/../core/fuzz" ]; then CORE="$(cd "$HERE/../core" && pwd)"
else echo "fuzz.sh: cannot find core/fuzz (set THONGBAO_CORE)" >&2; exit 2; fi
FUZZ="$CORE/fuzz"
ALL_TARGETS="ingest numbers text docx office json"
TARGETS="${TARGETS:-$ALL_TARGETS}"
JOBS="${FUZZ_JOBS:-1}"

log() { printf '\n== %s\n' "$*"; }

# 1. Toolchain: nightly if it can be had (FUZZ_TOOLCHAIN=stable forces the
#    fallback), else stable with RUSTC_BOOTSTRAP=1 (stable's rust-std ships
#    the ASan runtime), else stable with --sanitizer none.
TOOLCHAIN="${FUZZ_TOOLCHAIN:-nightly}"
is_nightly() { case "$TOOLCHAIN" in nightly*) return 0 ;; *) return 1 ;; esac; }
if is_nightly && ! rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1; then
  log "installing the $TOOLCHAIN toolchain (rustup, minimal profile)"
  if ! rustup toolchain install "$TOOLCHAIN" --profile minimal; then
    echo "fuzz.sh: no nightly toolchain; falling back to stable" >&2
    TOOLCHAIN=stable
  fi
fi
BOOTSTRAP=()
is_nightly || BOOTSTRAP=(env RUSTC_BOOTSTRAP=1)
SANITIZER=()
rustup run "$TOOLCHAIN" rustc --version || exit 1
fz() { "${BOOTSTRAP[@]}" cargo "+$TOOLCHAIN" fuzz "$@"; }

# 2. cargo-fuzz.
if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz || {
    echo "fuzz.sh: could not install cargo-fuzz" >&2; exit 1; }
fi
cargo fuzz --version

cd "$CORE" || exit 2

# 3. Build every target once (debug assertions and overflow checks on).
log "building fuzz targets with $TOOLCHAIN ${BOOTSTRAP[*]:-}"
if ! fz build; then
  if is_nightly; then
    echo "fuzz.sh: build failed" >&2
    exit 1
  fi
  echo "fuzz.sh: retrying without a sanitizer (--sanitizer none)" >&2
  BOOTSTRAP=()
  SANITIZER=(--sanitizer none)
  fz build "${SANITIZER[@]}" || { echo "fuzz.sh: build failed" >&2; exit 1; }
fi

# 4. Run each target for SECS seconds.
mkdir -p "$FUZZ/artifacts"
failed=()
summary=()
for t in $TARGETS; do
  seeds="$FUZZ/corpus/$t"
  work="$FUZZ/corpus-work/$t"
  mkdir -p "$work" "$seeds" "$FUZZ/artifacts/$t"
  out="$FUZZ/artifacts/$t.log"
  log "fuzzing $t for ${SECS}s"
  extra=()
  [ -f "$FUZZ/dict/$t.dict" ] && extra+=("-dict=$FUZZ/dict/$t.dict")
  [ "$JOBS" -gt 1 ] && extra+=("-fork=$JOBS")
  fz run "${SANITIZER[@]}" "$t" "$work" "$seeds" -- \
    -max_total_time="$SECS" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 "${extra[@]}" >"$out" 2>&1
  rc=$?
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$out" | grep -Eo '[0-9]+$' | tail -1)
  [ -z "$execs" ] && execs=$(grep -Eo '^Done [0-9]+ runs' "$out" | grep -Eo '[0-9]+' | tail -1)
  [ -z "$execs" ] && execs=$(grep -Eo '^#[0-9]+' "$out" | tr -d '#' | tail -1)
  crashes=$(grep -Ec 'Test unit written to' "$out")
  cov=$(grep -Eo 'cov: [0-9]+' "$out" | tail -1)
  if [ "$rc" -ne 0 ]; then
    failed+=("$t")
    tail -n 40 "$out"
    grep -E 'Test unit written to' "$out" | sed 's/^.*written to /  input: /'
    echo "  reproduce: (cd $CORE && ${BOOTSTRAP[*]:-} cargo +$TOOLCHAIN fuzz run ${SANITIZER[*]:-} $t <input>)"
    echo "  minimise:  (cd $CORE && ${BOOTSTRAP[*]:-} cargo +$TOOLCHAIN fuzz tmin ${SANITIZER[*]:-} $t <input>)"
  fi
  if [ "$rc" -eq 0 ]; then status=ok
  elif [ "$crashes" -gt 0 ]; then status=CRASH
  else status="FAILED(exit $rc)"; fi
  line=$(printf '%-8s %12s execs  %-10s crashes: %s  %s  (log: %s)' \
    "$t" "${execs:-?}" "${cov:-}" "$crashes" "$status" "${out#"$CORE"/}")
  summary+=("$line")
  echo "$line"
done

log "summary (${SECS}s per target)"
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "FAILED: ${failed[*]} — see core/fuzz/artifacts/" >&2
  exit 1
fi
echo "no crashes"
