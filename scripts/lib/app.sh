# Sourced by backup.sh and restore.sh: PostgreSQL and its password as scripts/start.sh finds them,
# the app built in Release if needed, and its command-line mode run with the settings in the
# environment (never a password on a command line).

# shellcheck source=postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=settings.sh
source "$root/scripts/lib/settings.sh"
# shellcheck source=node.sh
source "$root/scripts/lib/node.sh"

prepare_app() {
  if [ -z "${ConnectionStrings__Postgres:-}" ]; then
    ensure_postgres
    ensure_skillhub_role
    ensure_database skillhub
    echo "==> PostgreSQL : base skillhub sur 127.0.0.1:$PG_PORT (rôle skillhub, mot de passe de $SKILLHUB_STATE_DIR)"
    ConnectionStrings__Postgres=$(skillhub_connection_string skillhub)
  else
    echo "==> PostgreSQL : ConnectionStrings__Postgres"
  fi
  export ConnectionStrings__Postgres
  use_document_store
  use_signing_keys

  app_dll="$root/SkillHub.Standalone/bin/Release/net10.0/SkillHub.Standalone.dll"
  # The build embeds data/'s manifest (the demo dump restore accepts), so a new export rebuilds too.
  if [ ! -f "$app_dll" ] || [ -n "$(find "$root/SkillHub.Functions" "$root/SkillHub.Standalone" "$root/sql" "$root/data/skillhub_dump_manifest.json" -newer "$app_dll" \( -name '*.cs' -o -name '*.sql' -o -name '*.csproj' -o -name skillhub_dump_manifest.json \) -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]; then
    echo "==> Compilation (Release)…"
    dotnet build "$root/SkillHub.Standalone/SkillHub.Standalone.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
    # An up-to-date build leaves the dll's date alone; the date records that this check was made.
    touch "$app_dll"
  fi
}

# The app inside the docker compose stack: the same command-line mode, run where the settings live.
compose_app_dll=/opt/skillhub/SkillHub.Standalone.dll

# run_in_compose VERB ARGS…: `docker compose exec` into the app container (SKILLHUB_DOCKER names another docker client).
run_in_compose() {
  local status=0
  ${SKILLHUB_DOCKER:-docker} compose exec -T app dotnet "$compose_app_dll" "$@" || status=$?
  return "$status"
}

# run_app VERB ARGS…: the app's exit code is the script's.
run_app() {
  local status=0
  dotnet "$app_dll" "$@" || status=$?
  return "$status"
}

# backup_through_app URL: the running app takes the set itself (POST /api/admin/backups), as the
# admin named by SKILLHUB_ADMIN_EMAIL / SKILLHUB_ADMIN_PASSWORD; credentials and token go through
# standard input, never a command line.
backup_through_app() {
  local base=$1 answer status body token
  : "${SKILLHUB_ADMIN_EMAIL:?définir SKILLHUB_ADMIN_EMAIL (compte administrateur) dans l'environnement}"
  : "${SKILLHUB_ADMIN_PASSWORD:?définir SKILLHUB_ADMIN_PASSWORD dans l'environnement}"
  echo "==> Sauvegarde prise par l'application en marche ($base, POST /api/admin/backups)"
  ensure_node
  answer=$(node -e 'process.stdout.write(JSON.stringify({ email: process.env.SKILLHUB_ADMIN_EMAIL, password: process.env.SKILLHUB_ADMIN_PASSWORD }))' \
    | curl -sS -w '\n%{http_code}' -X POST "$base/api/auth/login" -H 'Content-Type: application/json' --data-binary @-) \
    || { echo "L'application ne répond pas à $base" >&2; return 1; }
  status=${answer##*$'\n'}; body=${answer%$'\n'*}
  [ "$status" = 200 ] || { echo "Connexion refusée (HTTP $status) : $body" >&2; return 1; }
  token=$(printf '%s' "$body" | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => process.stdout.write(JSON.parse(s).accessToken))')
  answer=$(printf 'Authorization: Bearer %s\n' "$token" | curl -sS -w '\n%{http_code}' -X POST "$base/api/admin/backups" -H @-) \
    || { echo "L'application ne répond pas à $base" >&2; return 1; }
  status=${answer##*$'\n'}; body=${answer%$'\n'*}
  [ "$status" = 201 ] || { echo "Sauvegarde refusée (HTTP $status) : $body" >&2; return 1; }
  printf '%s' "$body" | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const set = JSON.parse(s);
      console.log(set.id);
      for (const f of set.files) console.log(`  ${f.name} (${f.bytes} octets, sha256 ${f.sha256})`);
      console.log("dans le dossier de sauvegarde de l'"'"'application (Backup__Directory)");
    })'
}
