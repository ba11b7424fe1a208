#!/usr/bin/env bash
# Runs the benchmark of issue 5: the standalone app over a real PostgreSQL and the in-memory
# document store, loaded by bench/SkillHub.Bench (a closed-loop HttpClient load generator), beside
# the same SQL run directly (the floor) and pg_dump. Prints the table of medians and writes it to
# bench/results.md (or --out). Its databases are named skillhub_bench_* and dropped at the end,
# even on failure.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/bench.sh [--quick | --smoke] [--only SECTION] [--no-build] [--out FILE]

  --quick     smaller sizes and short runs (about 2 minutes): a fast look, not the issue's figures
  --smoke     tiny sizes, one run each (under a minute): proves every step runs, measures nothing
  --only SECTION
              start-up and one section only (reads, duties, registration-list, statistics,
              contention or export): to profile one, not the issue's figures
  --no-build  use the Release build already there (the tests run the bench this way)
  --out FILE  where to write the results (default: bench/results.md)
  --help      this text

Installs PostgreSQL (Debian packages) if missing, starts it, builds the solution in Release, then
runs every measurement (about 10 minutes on 2 cores). Needs no MongoDB: the app runs with
SkillHub__DocumentStore=memory.
USAGE
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$root/bench/results.md"
mode=()
only=()
build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=(--quick) ;;
    --smoke) mode=(--smoke) ;;
    --only) only=(--only "${2:?--only needs a section}"); shift ;;
    --no-build) build=false ;;
    --out) out=$2; shift ;;
    --help|-h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

out=$(realpath -m -- "$out")

# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
ensure_postgres
ensure_skillhub_role

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_dump="/usr/lib/postgresql/$version/bin/pg_dump"
if [ ! -x "$pg_dump" ]; then
  echo "==> Installation du client PostgreSQL (pg_dump)…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-client-$version" >/dev/null
fi

# This run's databases only (skillhub_bench_<run>_*): another run on the same server keeps its own.
run_id=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
drop_bench_databases() {
  as_postgres psql -p "$PG_PORT" -qAt -c "SELECT datname FROM pg_database WHERE datname LIKE 'skillhub\_bench\_${run_id}\_%'" |
    while read -r name; do
      as_postgres psql -p "$PG_PORT" -q -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null || true
    done
}
trap drop_bench_databases EXIT

if $build; then
  echo "==> dotnet build SkillHub.slnx -c Release"
  dotnet build "$root/SkillHub.slnx" -c Release -nologo -v quiet >/dev/null
fi

# The connection string carries the role's password: it goes through the environment only.
export SKILLHUB_BENCH_POSTGRES
SKILLHUB_BENCH_POSTGRES=$(skillhub_connection_string postgres)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- SkillHub.Functions SkillHub.Standalone sql bench/SkillHub.Bench bench/SkillHub.Bench.Peer 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi

cd "$root"
dotnet bench/SkillHub.Bench/bin/Release/net10.0/SkillHub.Bench.dll \
  --app "$root/SkillHub.Standalone/bin/Release/net10.0/SkillHub.Standalone.dll" \
  --peer "$root/bench/SkillHub.Bench.Peer/bin/Release/net10.0/SkillHub.Bench.Peer.dll" \
  --pg-dump "$pg_dump" \
  --out "$out" \
  --commit "$commit" \
  --run-id "$run_id" \
  --command "scripts/bench.sh${mode:+ ${mode[*]}}${only:+ ${only[*]}}" \
  "${mode[@]}" "${only[@]}"
