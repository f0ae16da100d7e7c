#!/usr/bin/env bash
# Makes sure a Compose CLI is installed: `npm test` checks docker-compose.yml with
# `docker compose config` (or `docker-compose config`), which needs no Docker engine. Safe to
# run again: it only installs what is missing.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  echo "installing docker-compose"
  as_root apt-get update -qq
  # Only the CLI: without --no-install-recommends apt would add a whole Docker engine.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
echo "Compose: $(docker compose version 2>/dev/null || docker-compose version --short 2>/dev/null || echo 'not found')"
