#!/bin/sh
# Determinism across builds (issue 12): runs every scenario listed in
# Tests/TerminalTests/determinism-checksums.txt headless for its duration with a session log
# and prints "name duration_ms checksum" (the state checksum on the log's end line).
#   Scripts/determinism-checksums.sh            debug build, compared with the table (exit 1 on a difference)
#   Scripts/determinism-checksums.sh release    the release build instead
#   Scripts/determinism-checksums.sh release --write   rewrite the table from this build
# The release test suite (DeterminismTests) compares two release processes with the same
# table, so a debug run of this script that passes means debug == release, bit for bit.
set -eu
cd "$(dirname "$0")/.."
config=${1:-debug}
mode=${2:-check}
table=Tests/TerminalTests/determinism-checksums.txt
if [ "$config" = release ]; then
  swift build -c release -Xswiftc -enable-testing --product spiketty >/dev/null
else
  swift build --product spiketty >/dev/null
fi
bin=.build/$config/spiketty
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
out="$work/table"
grep -v '^#' "$table" | while read -r name duration checksum; do
  [ -n "$name" ] || continue
  "$bin" run "$name" --headless --duration "${duration}ms" --record "$work/$name.stlog" >/dev/null
  got=$(awk -F'\t' '$4=="end"{print $6}' "$work/$name.stlog")
  printf '%s %s %s\n' "$name" "$duration" "$got" | tee -a "$out"
done
if [ "$mode" = --write ]; then
  { grep '^#' "$table"; cat "$out"; } > "$table.new" && mv "$table.new" "$table"
  echo "wrote $table"
elif grep -v '^#' "$table" | grep -v '^$' | diff - "$out"; then
  echo "determinism: $config matches $table"
else
  echo "determinism: $config differs from $table" >&2
  exit 1
fi
