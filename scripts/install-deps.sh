#!/usr/bin/env bash
# Installs what building, running and testing Werkbank needs on Debian/Ubuntu.
# Idempotent: only packages that dpkg says are missing are installed, so warm runs skip apt.
# Usage: scripts/install-deps.sh [build|test]
set -euo pipefail
mode="${1:-build}"

pkgs=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
      libssl-dev libxdo-dev build-essential pkg-config file curl ca-certificates)
if [ "$mode" = "test" ]; then
  # poppler-utils: pdftotext, pdftoppm and pdffonts, which werkbank-pdf's tests use to read the PDFs they render
  # (they fail, not skip, without them).
  pkgs+=(webkit2gtk-driver xvfb xauth poppler-utils fonts-dejavu-core)
fi
if [ "$mode" = "run" ]; then
  pkgs+=(fonts-dejavu-core)
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust (cargo) is required: install it with rustup (https://rustup.rs) and run this again." >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js 20+ with npm is required (apt-get install nodejs npm) and run this again." >&2
  exit 1
fi

if [ "$mode" = "test" ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "==> cargo install tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi
