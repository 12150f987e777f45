#!/bin/sh
# Soak (issue 12): a long headless run and a long live run of one scenario with the resident
# memory sampled, to show no growth beyond the bounded buffers.
#   Scripts/soak.sh SCENARIO [HEADLESS_DURATION] [LIVE_SECONDS]   (defaults: 1h of biological time, 600 s live)
# Prints "seconds rss_kib" samples for each run and the first/max/last resident size.
set -eu
cd "$(dirname "$0")/.."
scenario=${1:?usage: Scripts/soak.sh SCENARIO [DURATION] [LIVE_SECONDS]}
duration=${2:-1h}
live=${3:-600}
bin=${SPIKETTY_BIN:-.build/release/spiketty}
work=$(mktemp -d)
trap 'tmux -L soak$$ kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# Samples VmRSS of $1 every $2 seconds until it exits; one "elapsed_s rss_kib" line each.
sample() {
  pid=$1 every=$2 t=0
  while [ -r /proc/$pid/status ]; do
    rss=$(awk '/^VmRSS:/{print $2}' /proc/$pid/status 2>/dev/null || true)
    [ -n "$rss" ] && echo "$t $rss"
    sleep "$every"; t=$((t + every))
  done
}
summary() { awk 'NR==1{f=$2} {if($2>m)m=$2; l=$2} END{printf "samples %d, first %d KiB, max %d KiB, last %d KiB\n", NR, f, m, l}' "$1"; }

echo "headless: $scenario for $duration of biological time"
start=$(date +%s)
"$bin" run "$scenario" --headless --duration "$duration" > "$work/headless.out" 2> "$work/headless.err" &
pid=$!
sample $pid 5 > "$work/headless.rss"
wait $pid && status=0 || status=$?
echo "headless: exit $status after $(( $(date +%s) - start )) s wall; $(summary "$work/headless.rss")"
cat "$work/headless.rss" | awk 'NR%12==1' | sed 's/^/  /'
[ $status -eq 0 ] || { cat "$work/headless.err"; exit 1; }

echo "live: $scenario for $live s in tmux (120x40) at maximum speed"
tmux -L soak$$ -f /dev/null new-session -d -s soak -x 120 -y 40 "env TERM=tmux-256color LANG=C.UTF-8 sh -c 'echo \$\$ > $work/live.pid; exec $bin run $scenario'"
sleep 5
lpid=$(cat "$work/live.pid")
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do tmux -L soak$$ send-keys -t soak +; done
( sleep "$live"; tmux -L soak$$ send-keys -t soak q ) &
sample "$lpid" 10 > "$work/live.rss"
echo "live: $(summary "$work/live.rss")"
awk 'NR%6==1' "$work/live.rss" | sed 's/^/  /'
