#!/bin/bash
# tmux end-to-end smoke test for the real ncurses front end (shared/terminal.md 1.5).
# Usage: Scripts/tmux-smoke.sh [path/to/spiketty]   (default: .build/debug/spiketty)
# Exit status 0 = all checks passed. Needs tmux and the C.UTF-8 locale.
# The same checks run in `swift test` as Tests/TerminalTests/TmuxEndToEndTests.swift.
set -u
BIN=$(readlink -f "${1:-.build/debug/spiketty}")
[ -x "$BIN" ] || { echo "FAIL - binary not found: $BIN (swift build first)"; exit 2; }
command -v tmux >/dev/null || { echo "FAIL - tmux not installed (apt-get install tmux)"; exit 2; }

T="tmux -L spiketty-smoke-$$"      # private server: never touches the user's tmux
PANE=t
TMP=$(mktemp -d)
fail=0
check() { if eval "$2"; then echo "ok   - $1"; else echo "FAIL - $1"; fail=1; fi; }
cleanup() { $T kill-server 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

plain() { $T capture-pane -p -t $PANE; }
colour() { $T capture-pane -p -e -t $PANE; }
has_braille() { LC_ALL=C.UTF-8 grep -qP '[\x{2801}-\x{28FF}]'; }
# wait_for SECONDS COMMAND...: poll every 0.1 s until COMMAND succeeds (no fixed sleeps).
wait_for() {
    local deadline=$(( $(date +%s%N) + $1 * 1000000000 )); shift
    until eval "$@"; do
        [ "$(date +%s%N)" -ge "$deadline" ] && return 1
        sleep 0.1
    done
}

$T -f /dev/null new-session -d -s $PANE -x 100 -y 30 \
   "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no PS1='$ ' bash --norc --noprofile"
wait_for 5 'plain | grep -q "\\$"' || echo "warning: shell prompt not seen"

# Run 1: keys, overlay, resize, q.
$T send-keys -t $PANE -l "stty -g > $TMP/before; sh -c 'echo \$\$ > $TMP/pid1; exec \"$BIN\"'; echo EXIT=\$?; stty -g > $TMP/after"
$T send-keys -t $PANE Enter
check "braille glyphs on screen (spike raster)"  'wait_for 10 "plain | has_braille"'
check "256-colour SGR in capture -e"            'colour | grep -qE $'"'"'\x1b\[([0-9]+;)*[34]8;5;[0-9]+'"'"
$T send-keys -t $PANE '?'
check "help overlay opens on ?"                 'wait_for 5 "plain | grep -q \"press any key to close\""'
check "overlay title says help"                 'plain | grep -qiE "[─┌┐│].*help|help.*[─┌┐│]"'
$T send-keys -t $PANE Space
check "any key closes the overlay"              'wait_for 5 "! plain | grep -q \"press any key to close\""'
$T resize-window -t $PANE -x 30 -y 8
check "too-small message at 30x8"               'wait_for 5 "plain | grep -q \"too small\""'
$T resize-window -t $PANE -x 100 -y 30
check "redraws after growing again"             'wait_for 5 "plain | has_braille && ! plain | grep -q \"too small\""'
$T send-keys -t $PANE q
check "exit status 0 after q"                   'wait_for 10 "plain | grep -q EXIT=" && plain | grep -q "EXIT=0"'
wait_for 5 "test -s $TMP/after"
check "alternate screen left (no braille)"      '! plain | has_braille'
check "tty modes restored (stty -g)"            'cmp -s $TMP/before $TMP/after'

# Run 2: SIGTERM by pid -> 143 and a clean screen.
$T send-keys -t $PANE -l "clear; sh -c 'echo \$\$ > $TMP/pid2; exec \"$BIN\"'; echo EXIT=\$?"
$T send-keys -t $PANE Enter
wait_for 10 "plain | has_braille && test -s $TMP/pid2" || echo "warning: second run did not start"
kill -TERM "$(cat $TMP/pid2 2>/dev/null)" 2>/dev/null
check "exit status 143 after SIGTERM"           'wait_for 10 "plain | grep -q EXIT=" && plain | grep -q "EXIT=143"'
check "screen restored after SIGTERM"           '! plain | has_braille'
exit $fail
