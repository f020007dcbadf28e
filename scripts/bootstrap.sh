#!/usr/bin/env bash
# Create (or refresh) the project's virtual environment in .venv: Python 3.11, the CPU build
# of torch 2.13.0, and the project with its test tools. Safe to run again: it only installs
# when pyproject.toml changed. Used by run-app.sh and run-tests.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for cand in python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PY="$cand"; break
    fi
  done
fi
if [ -z "$PY" ]; then
  echo "bootstrap: Python 3.11 is required (set PYTHON=/path/to/python3.11)" >&2
  exit 2
fi
# Qt needs a few system libraries even headless; install them when we can (root + apt).
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  missing=""
  for lib in libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libGL.so.1 libdbus-1.so.3; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || missing="yes"
  done
  if [ -n "$missing" ]; then
    (apt-get update -qq && apt-get install -y -qq libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
      libfontconfig1 libdbus-1-3 >/dev/null) || echo "bootstrap: could not install Qt system libraries" >&2
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
STAMP=.venv/.installed
# Re-install when the project metadata or the C engine changes (pip compiles it).
WANT="$(cat pyproject.toml inclusive_writer/ml/native/e5fast.c | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
  # The CPU wheel first: a bare "torch" requirement would pull a multi-GB CUDA build.
  .venv/bin/python -m pip install -q --disable-pip-version-check "torch==2.13.0"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
  echo "$WANT" > "$STAMP"
fi
