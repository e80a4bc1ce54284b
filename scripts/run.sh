#!/usr/bin/env bash
# Builds and starts the Werkbank desktop app: installs what is missing (Debian/Ubuntu
# packages, npm packages), builds the UI and the app (release), and opens it on the
# database in your data folder (~/.local/share/werkbank/werkbank.sqlite). On first run
# the app offers to load a demo workplace.
# Extra arguments go to the app, e.g. `scripts/run.sh --db /tmp/proef.sqlite`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh run
bash scripts/ui-deps.sh
(cd ui && npm run --silent build)
cargo build --release -p werkbank-desktop --features custom-protocol

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: start Werkbank from a desktop session (or run it under xvfb-run)." >&2
  exit 1
fi
exec target/release/werkbank-desktop "$@"
