#!/usr/bin/env bash
# Architecture check: the shared crates (domain, storage, import, use cases, CLI) must not
# depend on Tauri, directly or through another crate. Only src-tauri/ may.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for crate in werkbank-domain werkbank-store werkbank-import werkbank-api werkbank-cli werkbank-bench werkbank-pdf; do
  if cargo tree -q -p "$crate" -e normal,build --prefix none | grep -E '^(tauri|wry|tao)( |-)' >/dev/null; then
    echo "architecture check failed: $crate depends on Tauri (cargo tree -p $crate -i tauri shows how)" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "architecture check: shared crates have no Tauri dependency"
exit "$status"
