#!/usr/bin/env bash
# `./vigil test`: installs what the tests need when it is missing (Debian's Chromium and ChromeDriver for
# the browser tests, PostgreSQL for the persistence tests), starts a throwaway PostgreSQL cluster on
# loopback, runs every module's tests with the Maven wrapper, and stops the cluster again.
# Extra arguments go to Maven (e.g. ./vigil test -pl ingestion).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
say() { echo "vigil test: $*" >&2; }
die() { echo "vigil test: $*" >&2; exit 2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $* (install it by hand, or run as root)"; fi
}

apt_updated=0
install_packages() {
  [[ $# -gt 0 ]] || return 0
  command -v apt-get >/dev/null || die "cannot install $*: this is not a Debian-like machine; install them by hand"
  say "installing $* from Debian's packages..."
  if [[ $apt_updated -eq 0 ]]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

find_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

# ---- 1. what the tests need ---------------------------------------------------------------------
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
[[ -n "$(find_pg_bin)" ]] || missing+=(postgresql)
command -v node >/dev/null || missing+=(nodejs npm)
# Report figures (JFreeChart) and PDFs draw text: headless Java still needs fontconfig and a font.
command -v fc-list >/dev/null || missing+=(fontconfig)
[[ -d /usr/share/fonts/truetype/dejavu ]] || missing+=(fonts-dejavu-core)
install_packages "${missing[@]}"
PG_BIN="$(find_pg_bin)" || die "PostgreSQL's initdb was not found after installing postgresql"

# ---- 2. a throwaway PostgreSQL cluster on loopback ----------------------------------------------
PG_DIR="$(mktemp -d /tmp/vigil-pg.XXXXXX)"
PG_PORT="${VIGIL_TEST_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}"
pg_run() {
  # initdb and postgres refuse to run as root: run them as the postgres user Debian's package creates.
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    chown -R postgres "$PG_DIR"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
stop_pg() {
  pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_pg EXIT
say "starting PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$PG_PORT"
pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null \
  || { cat "$PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
pg_run "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE vigil LOGIN PASSWORD 'vigil'" -c "CREATE DATABASE vigil_test OWNER vigil" >/dev/null

# ---- 3. the tests -------------------------------------------------------------------------------
export DNNL_MAX_CPU_ISA=SSE41
cd "$ROOT"
./mvnw -B --fail-at-end verify \
  -Dvigil.test.postgres.url="jdbc:postgresql://127.0.0.1:$PG_PORT/vigil_test" \
  -Dvigil.test.postgres.user=vigil \
  -Dvigil.test.postgres.password=vigil \
  -Dvigil.test.chromium="$(command -v chromium)" \
  -Dvigil.test.chromedriver="$(command -v chromedriver)" \
  "$@"
