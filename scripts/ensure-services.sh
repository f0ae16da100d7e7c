#!/usr/bin/env bash
# Makes sure the local Postgres (with wal_level=logical, which change capture needs) and Redis
# are installed and running. Safe to run again: it only acts on what is missing.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Postgres
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "installing PostgreSQL"
  apt_install postgresql
fi
cluster_version=$(ls /etc/postgresql | sort -V | tail -n 1)
start_postgres() { as_root pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main "$1"; }
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "starting PostgreSQL $cluster_version"
  start_postgres start
fi
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done

psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -tAc "$1" 2>/dev/null || as_root su postgres -c "psql -d postgres -tAc \"$1\""; }
if [ "$(psql_admin 'SHOW wal_level')" != "logical" ]; then
  echo "setting wal_level = logical and restarting PostgreSQL"
  psql_admin 'ALTER SYSTEM SET wal_level = logical' >/dev/null
  start_postgres restart
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
echo "PostgreSQL: wal_level=$(psql_admin 'SHOW wal_level')"

# --- Redis
if ! command -v redis-server >/dev/null 2>&1; then
  echo "installing Redis"
  apt_install redis-server
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
fi
echo "Redis: $(redis-cli -h 127.0.0.1 -p 6379 ping)"
