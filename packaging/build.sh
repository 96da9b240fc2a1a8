#!/usr/bin/env bash
# Build SprintPlan as a one-folder application with PyInstaller (packaging/sprintplan.spec).
#
#   packaging/build.sh            # from anywhere; the result goes to dist/ in the checkout
#
# Uses the project's virtual environment (.venv, created by `make` when missing), installs the
# `packaging` extra (PyInstaller) into it when it is not there yet, and prints where the
# application is. PyInstaller's work files go to build/pyinstaller/. PYTHON=/path/to/python
# builds with another environment that has SprintPlan installed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then
        PYTHON=.venv/bin/python
    elif [[ -x .venv/Scripts/python.exe ]]; then  # Git Bash on Windows
        PYTHON=.venv/Scripts/python.exe
    else
        make .venv/.installed
        PYTHON=.venv/bin/python
    fi
fi

# The spec reads the name and version from the installed package's metadata, so SprintPlan
# itself must be installed too; `pip install -e` of the extra covers both.
if ! "$PYTHON" -c "import PyInstaller, importlib.metadata as m; m.version('sprintplan')" 2>/dev/null; then
    echo "Installing the packaging extra (PyInstaller) into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
    "$PYTHON" -m pip install --quiet -e ".[packaging]"
fi

started=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
    packaging/sprintplan.spec

case "$(uname -s)" in
    Darwin) bundle="$ROOT/dist/SprintPlan.app" ;;
    MINGW* | MSYS* | CYGWIN*) bundle="$ROOT/dist/sprintplan/SprintPlan.exe" ;;
    *) bundle="$ROOT/dist/sprintplan/sprintplan" ;;
esac
if [[ ! -e "$bundle" ]]; then
    echo "build.sh: PyInstaller finished but $bundle is missing" >&2
    exit 1
fi
echo "Built in $((SECONDS - started)) s: $bundle"
