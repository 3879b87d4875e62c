#!/usr/bin/env bash
# Sourced by .ci/run: makes a throwaway PostgreSQL cluster for the outbox tests and exports its connection string
# as CAPIKIT_TEST_POSTGRES. Installs Debian's postgresql when absent; runs the server as the unprivileged
# `postgres` user (initdb refuses root), on 127.0.0.1 and a free port, in a temporary folder. capikit_pg_stop
# stops it and removes the folder; .ci/run calls it from its EXIT trap.

capikit_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  return 1
}

capikit_pg_start() {
  local bin port user
  if ! bin=$(capikit_pg_bin); then
    echo "Installing PostgreSQL from Debian's packages for the outbox tests..."
    export DEBIAN_FRONTEND=noninteractive
    # Only the binaries are wanted: no default cluster started on 5432 behind the tests' back.
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
      mkdir -p /etc/postgresql-common
      echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    fi
    apt-get update -qq >/dev/null && apt-get install -y -qq -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null
    bin=$(capikit_pg_bin) || { echo "PostgreSQL could not be installed." >&2; return 1; }
  fi

  user=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    user=postgres
  fi

  CAPIKIT_PG_DIR=$(mktemp -d /tmp/capikit-pg.XXXXXX)
  chown "$user" "$CAPIKIT_PG_DIR"
  # A free port: a random one in the ephemeral range that nothing answers on.
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done

  CAPIKIT_PG_USER=$user
  CAPIKIT_PG_BIN=$bin
  # Called as `capikit_pg_start || ...`, where bash ignores set -e: every step checks its own status.
  capikit_as "$user" "$bin/initdb" -D "$CAPIKIT_PG_DIR/data" -U capikit --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  # fsync off: a throwaway cluster needs no crash safety, and the tests then measure the outbox, not the disk.
  capikit_as "$user" "$bin/pg_ctl" -D "$CAPIKIT_PG_DIR/data" -l "$CAPIKIT_PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $CAPIKIT_PG_DIR -c max_connections=200 -c fsync=off" start >/dev/null || {
    cat "$CAPIKIT_PG_DIR/log" >&2 2>/dev/null
    return 1
  }
  export CAPIKIT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=capikit;Database=postgres"
  echo "PostgreSQL for the outbox tests on 127.0.0.1:$port"
}

capikit_as() {
  local user=$1; shift
  # From a folder the server's user can read, so initdb and pg_ctl do not trip over the caller's.
  if [ "$(id -un)" = "$user" ]; then (cd /tmp && "$@"); else (cd /tmp && runuser -u "$user" -- "$@"); fi
}

capikit_pg_stop() {
  if [ -n "${CAPIKIT_PG_DIR:-}" ] && [ -d "$CAPIKIT_PG_DIR" ]; then
    capikit_as "$CAPIKIT_PG_USER" "$CAPIKIT_PG_BIN/pg_ctl" -D "$CAPIKIT_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$CAPIKIT_PG_DIR"
  fi
}
