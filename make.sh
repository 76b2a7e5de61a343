#!/usr/bin/env bash
# Entry point for a fresh Debian 12 machine: installs what the build needs (make included), then
# runs the Makefile target given, e.g. `./make.sh run` or `./make.sh test`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps
exec make "$@"
