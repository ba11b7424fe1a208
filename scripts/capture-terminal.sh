#!/usr/bin/env bash
# Runs the README's real commands and writes what they print under docs/terminal/: the app started
# with demo data, a few curl calls with a token, a backup, a restore, the tests. .ci/run runs it, so
# the captures are produced again from a clean clone every time. Tokens are masked in the captures.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$root/docs/terminal"
port=${SKILLHUB_CAPTURE_PORT:-7081}
base="http://127.0.0.1:$port/api"
work=$(mktemp -d)
app_pid=""
restore_pid=""
cleanup() {
  for pid in $app_pid $restore_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"

mask() { sed -E 's/("(accessToken|refreshToken)":")[^"]+/\1…masqué…/g; s/(Bearer )[A-Za-z0-9._-]+/\1…masqué…/g'; }

# capture NAME COMMAND...: the command line, what it printed, its exit code.
capture() {
  local name=$1; shift
  local status=0
  { echo "\$ $*"; "$@" 2>&1 || status=$?; printf '\n[code de sortie : %s]\n' "$status"; } | mask > "$out/$name.txt"
  echo "==> docs/terminal/$name.txt"
}

# The demo admin (data/demo.json) takes the backup through the running app; sets go to a scratch folder.
export SKILLHUB_ADMIN_EMAIL=admin@skillhub.demo SKILLHUB_ADMIN_PASSWORD=Demo-Admin-2026
export Backup__Directory="$work/backups"
echo "==> Démarrage (scripts/start.sh --urls http://127.0.0.1:$port)…"
"$root/scripts/start.sh" --urls "http://127.0.0.1:$port" > "$work/start.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  grep -q "Ctrl+C" "$work/start.log" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/start.log" >&2; exit 1; }
  sleep 1
done
grep -q "Ctrl+C" "$work/start.log" || { cat "$work/start.log" >&2; echo "L'application n'a pas démarré." >&2; exit 1; }
{ echo "\$ scripts/start.sh --urls http://127.0.0.1:$port"; grep -v -E '^(info|warn|fail|dbug): |^      ' "$work/start.log"; } | mask > "$out/01-start.txt"
echo "==> docs/terminal/01-start.txt"

capture 02-health curl -s "$base/health"
capture 03-workshops curl -s "$base/workshops?q=sql&pageSize=2"
login='{"email":"lea.dubois@skillhub.demo","password":"Demo-Participant-2026"}'
capture 04-login curl -s -X POST "$base/auth/login" -H 'Content-Type: application/json' -d "$login"
token=$(curl -s -X POST "$base/auth/login" -H 'Content-Type: application/json' -d "$login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
workshop=$(curl -s "$base/workshops?pageSize=1" | sed -E 's/.*"items":\[\{"id":"([^"]+)".*/\1/')
capture 05-me curl -s "$base/me" -H "Authorization: Bearer $token"
capture 06-register curl -s -X POST "$base/workshops/$workshop/registrations" -H "Authorization: Bearer $token"
# The confirmation, as maildev received it (start.sh printed the inbox's address).
cd "$root"
inbox=$(sed -n -E 's|.*e-mails  : (http://127\.0\.0\.1:[0-9]+)/index\.html.*|\1|p' "$work/start.log" | head -n 1)
for _ in $(seq 1 60); do
  curl -fsS "$inbox/email?to.address=lea.dubois@skillhub.demo" 2>/dev/null | grep -q "Inscription" && break
  sleep 0.5
done
capture 06-email scripts/mail.sh lea.dubois@skillhub.demo --inbox "$inbox"
cd "$root"
capture 07-backup ./backup.sh --app "http://127.0.0.1:$port"
set_dir=$(find "$work/backups" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | head -n 1)

# The restore drill: the set into an EMPTY database, served by the app restore.sh starts (no MongoDB
# here, so the documents are restored into that app's memory: --serve).
# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
ensure_postgres >/dev/null
ensure_skillhub_role
as_postgres env PGOPTIONS="-c client_min_messages=warning" dropdb -p "$PG_PORT" --if-exists --force skillhub_exercice
ensure_database skillhub_exercice
drill_port=$((port + 1))
drill="http://127.0.0.1:$drill_port/api"
ConnectionStrings__Postgres=$(skillhub_connection_string skillhub_exercice) \
  ./restore.sh "$set_dir" --serve --urls "http://127.0.0.1:$drill_port" > "$work/restore.log" 2>&1 &
restore_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$drill/health" >/dev/null 2>&1 && break
  kill -0 "$restore_pid" 2>/dev/null || { cat "$work/restore.log" >&2; echo "restore.sh s'est arrêté." >&2; exit 1; }
  sleep 1
done
{
  echo "\$ ConnectionStrings__Postgres='…Database=skillhub_exercice…' ./restore.sh $set_dir --serve --urls http://127.0.0.1:$drill_port"
  grep -v -E '^(info|warn|fail|dbug): |^      ' "$work/restore.log"
  echo
  echo "\$ curl -s '$drill/me/registrations' -H 'Authorization: Bearer …'   # l'application restaurée"
  curl -s "$drill/me/registrations" -H "Authorization: Bearer $token"
  echo
  echo "\$ curl -s '$base/me/registrations' -H 'Authorization: Bearer …'   # l'application d'origine"
  curl -s "$base/me/registrations" -H "Authorization: Bearer $token"
  echo
} | mask > "$out/08-restore.txt"
kill "$restore_pid" 2>/dev/null || true
wait "$restore_pid" 2>/dev/null || true
as_postgres env PGOPTIONS="-c client_min_messages=warning" dropdb -p "$PG_PORT" --if-exists --force skillhub_exercice
echo "==> docs/terminal/08-restore.txt"
capture 09-tests scripts/test.sh --filter "FullyQualifiedName~Health"
echo "Captures écrites dans docs/terminal/."
