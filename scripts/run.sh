#!/usr/bin/env bash
# Builds and starts the Werkbank desktop app: installs what is missing (Debian/Ubuntu
# packages, npm packages), builds the UI and the app (release), and opens it on the
# database in your data folder (~/.local/share/werkbank/werkbank.sqlite). On first run
# the app offers to load a demo workplace.
# Extra arguments go to the app, e.g. `scripts/run.sh --db /tmp/proef.sqlite`.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*"; }

say "Werkbank: ontbrekende pakketten installeren (alleen de eerste keer)"
bash scripts/install-deps.sh run
bash scripts/ui-deps.sh
say "De schermen bouwen"
(cd ui && npm run --silent build)
if [ ! -x target/release/werkbank-desktop ]; then
  say "De app bouwen. De eerste keer duurt dit ongeveer een kwartier (daarna enkele seconden); cargo toont de voortgang."
else
  say "De app bijwerken"
fi
# cargo's own progress bar shows how far the build is.
cargo build --release -p werkbank-desktop --features custom-protocol
say "Werkbank starten"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Geen scherm gevonden: start Werkbank vanuit een bureaubladsessie (of onder xvfb-run)." >&2
  exit 1
fi
exec target/release/werkbank-desktop "$@"
