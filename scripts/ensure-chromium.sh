#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed: the console's browser tests drive it with
# playwright-core. Safe to run again: it only installs what is missing.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "Chromium: $(chromium --version 2>/dev/null || echo 'not found')"
