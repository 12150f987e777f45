#!/bin/bash
# Interleaved frame benches: base (session-9 end, 87fc210, 30-fps frames only) vs m2 (session 10) at 30 and 60 fps.
cd /work/main
out=Benchmarks/results/2026-11-30
for round in 1 2; do
  for b in base m2; do
    if [ $b = base ]; then args=""; else args="--fps 30"; fi
    echo "== round $round $b fps30 $(date +%T) $(uptime)" >> $out/frames-runs.txt
    /tmp/bin/$b bench frames --sizes 200x60,80x24 --frames 100 $args 2>/dev/null >> $out/frames-runs.txt
  done
  echo "== round $round m2 fps60 $(date +%T) $(uptime)" >> $out/frames-runs.txt
  /tmp/bin/m2 bench frames --sizes 200x60,80x24 --frames 100 --fps 60 2>/dev/null >> $out/frames-runs.txt
done
echo done >> $out/frames-runs.txt
