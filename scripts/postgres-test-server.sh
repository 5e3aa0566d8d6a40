#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the storage tests on 127.0.0.1:${PGPORT:-5432} and prints the line
# that points the tests at it. Idempotent: installs PostgreSQL only when missing, reuses a running cluster.
# Debian/Ubuntu only; run as root (CI containers). Usage: eval "$(scripts/postgres-test-server.sh)"
set -euo pipefail

port="${PGPORT:-5432}"
password="${EXPERTBOT_TEST_POSTGRES_PASSWORD:-postgres}"
cluster=main

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "Installing postgresql..." >&2
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

if ! pg_lsclusters --no-header | awk '{print $1" "$2}' | grep -qx "$version $cluster"; then
  as_root pg_createcluster --port "$port" "$version" "$cluster" >&2
fi

# Loopback only: the server is for tests and holds nothing of value. Debian's postgresql.conf reads conf.d/.
conf_dir="/etc/postgresql/$version/$cluster/conf.d"
as_root mkdir -p "$conf_dir"
wanted="$(printf "listen_addresses = '127.0.0.1'\nport = %s" "$port")"
changed=no
if [ "$(cat "$conf_dir/expertbot-test.conf" 2>/dev/null)" != "$wanted" ]; then
  printf '%s\n' "$wanted" | as_root tee "$conf_dir/expertbot-test.conf" >/dev/null
  changed=yes
fi

status="$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}')"
if [ "$status" != "online" ]; then
  as_root pg_ctlcluster "$version" "$cluster" start >&2
elif [ "$changed" = yes ]; then
  as_root pg_ctlcluster "$version" "$cluster" restart >&2
fi

for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not become ready on 127.0.0.1:$port" >&2; exit 1; }

# pg_hba.conf of Debian clusters allows password (scram) logins over 127.0.0.1; give postgres a known one.
as_root su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -c \"ALTER USER postgres PASSWORD '$password'\"" >&2

echo "export EXPERTBOT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres'"
