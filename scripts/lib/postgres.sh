# Sourced by the scripts: finds, installs and starts a local PostgreSQL, and gives SkillHub its
# role. Sets PG_PORT and SKILLHUB_PG_PASSWORD. The password is made once per machine user and
# kept in $SKILLHUB_STATE_DIR (default ~/.local/share/skillhub, mode 600), so every checkout on
# the machine shares the role; it never appears on a command line.

SKILLHUB_STATE_DIR=${SKILLHUB_STATE_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/skillhub}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

ensure_postgres() {
  if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "==> Installation de PostgreSQL (paquets Debian)…"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  fi

  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    as_root pg_createcluster "$version" main >/dev/null
  fi

  PG_PORT=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 ~ /online/ { found = 1 } END { exit !found }'; then
    echo "==> Démarrage de PostgreSQL $version (port $PG_PORT)…"
    as_root pg_ctlcluster "$version" main start
  fi

  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || { echo "PostgreSQL ne répond pas sur 127.0.0.1:$PG_PORT" >&2; return 1; }
  export PG_PORT
}

# ensure_skillhub_role: the login role 'skillhub' (allowed to create the test databases).
ensure_skillhub_role() {
  local secret_file="$SKILLHUB_STATE_DIR/postgres-password"
  (umask 077 && mkdir -p "$SKILLHUB_STATE_DIR")
  if [ ! -s "$secret_file" ]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$secret_file")
  fi
  SKILLHUB_PG_PASSWORD=$(cat "$secret_file")
  as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
SET client_min_messages = warning;
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'skillhub') THEN
    CREATE ROLE skillhub LOGIN CREATEDB;
  END IF;
END
\$\$;
ALTER ROLE skillhub LOGIN CREATEDB PASSWORD '$SKILLHUB_PG_PASSWORD';
-- The tests drop their databases WITH (FORCE), which must also end an autovacuum worker busy there.
GRANT pg_signal_backend TO skillhub;
SQL
  export SKILLHUB_PG_PASSWORD
}

# ensure_database NAME: an empty database owned by skillhub, if it does not exist yet.
ensure_database() {
  local name=$1
  if [ "$(as_postgres psql -p "$PG_PORT" -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
    as_postgres createdb -p "$PG_PORT" -O skillhub "$name"
  fi
}

skillhub_connection_string() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=skillhub;Password=$SKILLHUB_PG_PASSWORD"
}
