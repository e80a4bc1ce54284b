#!/usr/bin/env bash
# npm ci in ui/, skipped when node_modules already matches package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../ui"
stamp=node_modules/.werkbank-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "==> npm ci (ui/)"
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
