#!/usr/bin/env bash
# Start the built application once, offscreen, on a freshly written demo season.
#
#   packaging/smoke_test.sh [EXECUTABLE]     # default: dist/sprintplan/sprintplan
#
# The bundle writes the demo season itself (its command line, resources and schemas are
# exercised too), checks it, then runs `--smoke-test`, which opens the window, paints it
# once and exits. Fails when anything exits non-zero or writes to stderr, except the one
# notice Qt's offscreen platform always prints ("This plugin does not support
# propagateSizeHints()"). Needs no display.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXE="${1:-$ROOT/dist/sprintplan/sprintplan}"
ALLOWED="This plugin does not support propagateSizeHints()"
# A window that never paints would otherwise hang CI; a healthy start takes about a second.
LIMIT_S=120

if [[ ! -x "$EXE" ]]; then
    echo "smoke_test.sh: no application at $EXE; build it with packaging/build.sh" >&2
    exit 2
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
# Keep the user's (or the CI runner's) settings, caches and recovery files out of it.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache" \
    XDG_DATA_HOME="$WORK/data" XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

run() {
    local name=$1
    shift
    local status=0
    if command -v timeout >/dev/null; then
        timeout "$LIMIT_S" "$EXE" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    else
        "$EXE" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    fi
    echo "== sprintplan $* -> exit $status"
    if [[ -s "$WORK/$name.err" ]]; then
        echo "-- stderr:"
        cat "$WORK/$name.err"
    fi
    local unexpected
    unexpected="$(grep -v -x -F "$ALLOWED" "$WORK/$name.err" || true)"
    if [[ $status -ne 0 || -n "$unexpected" ]]; then
        echo "smoke_test.sh: FAILED: sprintplan $*" >&2
        exit 1
    fi
}

run version --version
run demo demo "$WORK/demo.sprintplan"
run check check "$WORK/demo.sprintplan"
run smoke --smoke-test "$WORK/demo.sprintplan"
echo "smoke test passed: $EXE"
