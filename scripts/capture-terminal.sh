#!/usr/bin/env bash
# Runs the README's real commands on a FRESH database and writes what they print under
# docs/terminal/: the app started with demo data (migrations applied), psql on the tables, login and
# a JWT call, the 401 and 403 answers, a waiting list forming, the brief's combined route, a comment,
# the activity log, a notification received, a backup, a damaged set refused, a restore drill, and the
# tests' tally. .ci/run runs it on a clean clone, so the captures are taken again every time.
#
#   scripts/capture-terminal.sh                  the captures, then the whole test suite for the tally
#   scripts/capture-terminal.sh --tests-from LOG the captures, the tally read from a scripts/test.sh log
#
# Tokens and passwords are masked. It fails (exit 1) when a capture shows a build warning, a log line
# at warning level or above (the in-memory store's own warning aside: start.sh says the same aloud),
# a stack trace or a seat repair: each would tell an examiner something is wrong.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tests_log=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tests-from) [ $# -ge 2 ] || { echo "--tests-from attend le journal de scripts/test.sh" >&2; exit 2; }; tests_log=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Option inconnue : $1 (voir --help)" >&2; exit 2 ;;
  esac
done

out="$root/docs/terminal"
port=${SKILLHUB_CAPTURE_PORT:-7081}
drill_port=$((port + 1))
api="http://127.0.0.1:$port/api"
drill_api="http://127.0.0.1:$drill_port/api"
database=skillhub_capture
drill_database=skillhub_exercice
work=$(mktemp -d)
app_pid=""
drill_pid=""

# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/node.sh
source "$root/scripts/lib/node.sh"
# shellcheck source=lib/ports.sh
source "$root/scripts/lib/ports.sh"
# shellcheck source=lib/captures.sh
source "$root/scripts/lib/captures.sh"

drop_capture_databases() {
  local name
  for name in "$database" "$drill_database"; do
    as_postgres env PGOPTIONS="-c client_min_messages=warning" dropdb -p "$PG_PORT" --if-exists --force "$name"
  done
}
stop() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$app_pid"; stop "$drill_pid"
  drop_capture_databases 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ensure_postgres >/dev/null
ensure_skillhub_role
ensure_node
drop_capture_databases
ensure_database "$database"
mkdir -p "$out"
rm -f "$out"/*.txt

# ---- What the captures show and how they are checked ------------------------------------------

mask() {
  sed -E 's/("(accessToken|refreshToken|password)": ?")[^"]+/\1…masqué…/g
          s/(Bearer )[A-Za-z0-9._-]{20,}/\1…masqué…/g
          s/(Password=)[^;"'"'"' ]+/\1…masqué…/g'
}

# Pretty-prints a JSON answer (problem+json included); anything else passes unchanged.
pretty() {
  node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      try { process.stdout.write(JSON.stringify(JSON.parse(s), null, 2) + "\n"); }
      catch { process.stdout.write(s.endsWith("\n") || s === "" ? s : s + "\n"); }
    })'
}

# field PATH: reads one value out of the JSON on standard input (a.b.0.c).
field() {
  node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      let v = JSON.parse(s);
      for (const k of process.argv[1].split(".")) v = v?.[k];
      if (v === undefined) { console.error(`pas de ${process.argv[1]} dans : ${s}`); process.exit(1); }
      process.stdout.write(String(v));
    })' "$1"
}

current=""
begin() { current="$out/$1.txt"; : > "$current"; }
note() { printf '%s\n' "$@" >> "$current"; }

# shown COMMAND_LINE COMMAND...: writes "$ COMMAND_LINE", then what COMMAND printed and its exit code.
shown() {
  local line=$1 status=0; shift
  { echo "\$ $line"; "$@" 2>&1 || status=$?; echo "[code de sortie : $status]"; echo; } | mask >> "$current"
  return 0
}

# http SHOWN_LINE CURL_ARGS...: an API call; the answer pretty-printed with its status line.
# The answer's body is also kept in $work/last for the next step to read.
http() {
  local line=$1; shift
  local status
  status=$(curl -sS -o "$work/last" -w '%{http_code} %{content_type}' "$@")
  { echo "\$ $line"; echo "→ HTTP ${status%% *} (${status#* })"; pretty < "$work/last"; echo; } | mask >> "$current"
}

finish() { (cd "$root" && check_capture "${current#"$root"/}"); }

# The app's console log as one line per entry ("info: Category[0] message"), for the lines kept.
log_lines() {
  awk '/^(trce|dbug|info|warn|fail|crit): / { if (entry != "") print entry; entry = $0; next }
       /^      / && entry != "" { sub(/^ +/, " "); entry = entry $0; next }
       { if (entry != "") print entry; entry = ""; print }
       END { if (entry != "") print entry }' "$1"
}

wait_for_health() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 1 180); do
    curl -fsS "$url/health" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "L'application s'est arrêtée (voir ci-dessus)." >&2; exit 1; }
    sleep 1
  done
  cat "$log" >&2; echo "L'application ne répond pas sur $url" >&2; exit 1
}

login() {
  printf '{"email":"%s","password":"%s"}' "$1" "$2" \
    | curl -sS -X POST "$api/auth/login" -H 'Content-Type: application/json' --data-binary @- | field accessToken
}

# ---- 01: the app on a fresh database ----------------------------------------------------------

export ConnectionStrings__Postgres
ConnectionStrings__Postgres=$(skillhub_connection_string "$database")
export SkillHub__MemoryStore__Directory="$work/documents"
export Backup__Directory="$work/backups"
MAILDEV_SMTP_PORT=$(free_port)
MAILDEV_WEB_PORT=$(free_port)
export MAILDEV_SMTP_PORT MAILDEV_WEB_PORT
inbox="http://127.0.0.1:$MAILDEV_WEB_PORT"

echo "==> Démarrage sur une base neuve ($database) : scripts/start.sh --urls http://127.0.0.1:$port"
"$root/scripts/start.sh" --urls "http://127.0.0.1:$port" > "$work/start.log" 2>&1 &
app_pid=$!
wait_for_health "$api" "$app_pid" "$work/start.log"
for _ in $(seq 1 30); do grep -q "Ctrl+C pour arrêter" "$work/start.log" && break; sleep 1; done

begin 01-start
note "# Base PostgreSQL NEUVE ($database, créée vide juste avant) : les migrations s'appliquent, puis les" \
     "# données de démonstration (data/demo.json) passent par les services de l'application. Le détail des" \
     "# comptes, inscriptions et commentaires créés un par un est résumé en une ligne (« Demo data: »)." \
     "" "\$ ConnectionStrings__Postgres='Host=127.0.0.1;…;Database=$database;…' scripts/start.sh --urls http://127.0.0.1:$port"
detail=$(log_lines "$work/start.log" | grep -c -E '^info: SkillHub\.Functions\.(Auth\.AccountService|Registrations\.|Comments\.|Workshops\.WorkshopService)' || true)
log_lines "$work/start.log" \
  | grep -v -E '^info: SkillHub\.Functions\.(Auth\.AccountService|Registrations\.|Comments\.|Workshops\.WorkshopService)' \
  | grep -v -E '^info: Microsoft\.Hosting\.Lifetime\[0\] (Hosting environment|Content root)' \
  | sed -E "s|^(info: SkillHub\.Functions\.Demo\.DemoData.*)$|(… $detail lignes « Created … account », « registered », « Comment … », « published » omises …)\n\1|" \
  | mask >> "$current"
finish

# ---- 02: psql on the tables the migrations made --------------------------------------------------

psql_shown() {
  shown "PGPASSWORD=… psql -h 127.0.0.1 -p $PG_PORT -U skillhub -d $database -c \"$1\"" \
    env PGPASSWORD="$SKILLHUB_PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U skillhub -d "$database" -P pager=off -c "$1"
}
begin 02-psql
note "# Le journal des migrations (DbUp) et les ateliers, lus directement dans PostgreSQL."
psql_shown "SELECT schemaversionsid, scriptname, applied FROM schema_versions ORDER BY schemaversionsid"
psql_shown "SELECT title, status, capacity, seats_taken, starts_at::date AS starts_on FROM workshops ORDER BY starts_at"
finish

# ---- 03: login and a call with the JWT ---------------------------------------------------------

begin 03-login
note "# Connexion : un JWT d'accès (15 min) et un jeton de rafraîchissement (tous deux masqués ici)," \
     "# puis un appel authentifié avec le JWT."
http "curl -s -X POST $api/auth/login -H 'Content-Type: application/json' -d '{\"email\":\"lea.dubois@skillhub.demo\",\"password\":\"…\"}'" \
  -X POST "$api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"lea.dubois@skillhub.demo","password":"Demo-Participant-2026"}'
lea=$(field accessToken < "$work/last")
http "curl -s $api/me -H \"Authorization: Bearer \$LEA\"" "$api/me" -H "Authorization: Bearer $lea"
finish

# ---- 04: who may not ----------------------------------------------------------------------------

begin 04-refused
note "# Sans jeton : 401. Avec le jeton d'une participante sur une route d'administrateur : 403."
http "curl -s $api/me" "$api/me"
http "curl -s $api/users -H \"Authorization: Bearer \$LEA\"   # Léa est participante" "$api/users" -H "Authorization: Bearer $lea"
finish

# ---- 05: a waiting list forming ------------------------------------------------------------------

claire=$(login claire.martin@skillhub.demo Demo-Formateur-2026)
hugo=$(login hugo.moreau@skillhub.demo Demo-Participant-2026)
starts=$(date -u -d '+10 days 09:00' +%Y-%m-%dT%H:%M:%SZ)
ends=$(date -u -d '+10 days 12:00' +%Y-%m-%dT%H:%M:%SZ)
begin 05-waiting-list
note "# Claire (formatrice) crée un atelier d'UNE place et le publie ; Léa prend la place, Hugo passe en" \
     "# liste d'attente (position 1) ; Léa annule et Hugo est promu, dans la même requête. Le compteur de" \
     "# places est dans PostgreSQL, les inscriptions (avec leur historique) dans les" \
     "# documents. \$CLAIRE et \$HUGO : leurs JWT, obtenus par la connexion de 03."
body="{\"title\":\"Git en équipe\",\"description\":\"Branches, revues et conflits.\",\"startsAt\":\"$starts\",\"endsAt\":\"$ends\",\"location\":\"Lyon — salle Hopper\",\"capacity\":1}"
http "curl -s -X POST $api/workshops -H \"Authorization: Bearer \$CLAIRE\" -H 'Content-Type: application/json' -d '$body'" \
  -X POST "$api/workshops" -H "Authorization: Bearer $claire" -H 'Content-Type: application/json' -d "$body"
workshop=$(field id < "$work/last")
http "curl -s -X POST $api/workshops/$workshop/publish -H \"Authorization: Bearer \$CLAIRE\"" \
  -X POST "$api/workshops/$workshop/publish" -H "Authorization: Bearer $claire"
http "curl -s -X POST $api/workshops/$workshop/registrations -H \"Authorization: Bearer \$LEA\"" \
  -X POST "$api/workshops/$workshop/registrations" -H "Authorization: Bearer $lea"
http "curl -s -X POST $api/workshops/$workshop/registrations -H \"Authorization: Bearer \$HUGO\"" \
  -X POST "$api/workshops/$workshop/registrations" -H "Authorization: Bearer $hugo"
http "curl -s -X DELETE $api/workshops/$workshop/registrations/me -H \"Authorization: Bearer \$LEA\"   # Léa annule : la place revient à Hugo" \
  -X DELETE "$api/workshops/$workshop/registrations/me" -H "Authorization: Bearer $lea"
http "curl -s '$api/me/registrations?pageSize=1' -H \"Authorization: Bearer \$HUGO\"" "$api/me/registrations?pageSize=1" -H "Authorization: Bearer $hugo"
finish

# ---- 06: the brief's combined route -------------------------------------------------------------

karim=$(login karim.benali@skillhub.demo Demo-Formateur-2026)
full=$(curl -sS "$api/workshops?q=parole&pageSize=1" | field items.0.id)
begin 06-combined-route
note "# La route combinée du sujet : les inscriptions (documents) jointes aux comptes et à l'atelier" \
     "# (PostgreSQL), vues par le formateur de l'atelier complet de la démonstration : confirmées," \
     "# en liste d'attente et annulées, avec leur historique."
note "# \$KARIM : le JWT de Karim Benali (formateur), obtenu par la connexion de 03."
http "curl -s '$api/workshops/$full/registrations?pageSize=20' -H \"Authorization: Bearer \$KARIM\"" \
  "$api/workshops/$full/registrations?pageSize=20" -H "Authorization: Bearer $karim"
finish

# ---- 07: a comment ------------------------------------------------------------------------------

past=$(curl -sS "$api/workshops?q=python&pageSize=1" | field items.0.id)
begin 07-comment
note "# Léa commente l'atelier de Claire (sans note : une note ne vient que d'un participant présent," \
     "# après la fin), puis les commentaires d'un atelier passé de la démonstration, lus sans être connecté :" \
     "# les notes des présents, pas le commentaire masqué par l'administrateur."
http "curl -s -X POST $api/workshops/$workshop/comments -H \"Authorization: Bearer \$LEA\" -H 'Content-Type: application/json' -d '{\"body\":\"Très hâte d'\''y être : le programme est clair.\"}'" \
  -X POST "$api/workshops/$workshop/comments" -H "Authorization: Bearer $lea" -H 'Content-Type: application/json' \
  -d "{\"body\":\"Très hâte d'y être : le programme est clair.\"}"
http "curl -s -X POST $api/workshops/$workshop/comments -H \"Authorization: Bearer \$LEA\" -H 'Content-Type: application/json' -d '{\"body\":\"Super !\",\"rating\":5}'   # une note avant l'atelier" \
  -X POST "$api/workshops/$workshop/comments" -H "Authorization: Bearer $lea" -H 'Content-Type: application/json' \
  -d '{"body":"Super !","rating":5}'
http "curl -s '$api/workshops/$past/comments?pageSize=10'" "$api/workshops/$past/comments?pageSize=10"
finish

# ---- 08: the activity log -----------------------------------------------------------------------

admin=$(login admin@skillhub.demo Demo-Admin-2026)
begin 08-activity
note "# Le journal d'activité (administrateurs) : ce que les étapes précédentes viennent d'écrire, le plus" \
     "# récent d'abord."
http "curl -s '$api/admin/activity?pageSize=6' -H \"Authorization: Bearer \$ADMIN\"" \
  "$api/admin/activity?pageSize=6" -H "Authorization: Bearer $admin"
finish

# ---- 09: a notification received ----------------------------------------------------------------

for _ in $(seq 1 60); do
  [ "$(curl -fsS "$inbox/email?to.address=hugo.moreau@skillhub.demo" 2>/dev/null | grep -o "Git en équipe" | wc -l)" -ge 2 ] && break
  sleep 1
done
begin 09-email
note "# Ce que maildev (le serveur SMTP local de scripts/start.sh) a reçu pour Hugo à l'étape 05 : l'avis" \
     "# de liste d'attente, puis celui de sa promotion avec l'invitation d'agenda. La boîte d'envoi" \
     "# (table notifications) les envoie avec MailKit."
shown "scripts/mail.sh hugo.moreau@skillhub.demo --subject 'Git en équipe' --inbox $inbox" \
  "$root/scripts/mail.sh" hugo.moreau@skillhub.demo --subject 'Git en équipe' --inbox "$inbox"
[ "$(grep -c '^--- .*Git en équipe' "$current")" -eq 2 ] && grep -q "pièce jointe : invitation\.ics, text/calendar" "$current" \
  || { cat "$current" >&2; echo "Les avis de liste d'attente et de promotion ne sont pas arrivés dans maildev." >&2; exit 1; }
finish

# ---- 10: a backup -------------------------------------------------------------------------------

begin 10-backup
note "# L'application en marche prend le jeu elle-même (sans MongoDB ici, ses documents ne vivent que" \
     "# dans son processus) : postgres.sql, un fichier mongo_*.json par collection, manifest.json signé."
cd "$root"
shown "SKILLHUB_ADMIN_EMAIL=admin@skillhub.demo SKILLHUB_ADMIN_PASSWORD=… ./backup.sh --app http://127.0.0.1:$port" \
  env SKILLHUB_ADMIN_EMAIL=admin@skillhub.demo SKILLHUB_ADMIN_PASSWORD=Demo-Admin-2026 ./backup.sh --app "http://127.0.0.1:$port"
set_dir=$(find "$work/backups" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | head -n 1)
[ -n "$set_dir" ] || { cat "$current" >&2; echo "Aucun jeu écrit dans $work/backups" >&2; exit 1; }
shown "ls -l $(basename "$set_dir")" bash -c "cd '$set_dir' && ls -l | tail -n +2 | awk '{ print \$1, \$5, \$NF }'"
finish

# ---- 11: a damaged set refused ------------------------------------------------------------------

ensure_database "$drill_database"
export ConnectionStrings__Postgres
ConnectionStrings__Postgres=$(skillhub_connection_string "$drill_database")
export SkillHub__MemoryStore__Directory="$work/drill-documents"
damaged="$work/abime"
cp -r "$set_dir" "$damaged"
# One character of postgres.sql changed, the size unchanged: only the SHA-256 can tell.
sed -i '0,/Prise de parole/s//Prise de parolE/' "$damaged/postgres.sql"
begin 11-damaged
note "# Le même jeu, un caractère de postgres.sql changé (la taille ne bouge pas) : restore.sh le" \
     "# refuse avant de toucher une base (code 2)."
shown "./restore.sh $damaged" ./restore.sh "$damaged"
grep -q '^\[code de sortie : 2\]' "$current" || { cat "$current" >&2; echo "Le jeu abîmé n'a pas été refusé avec le code 2." >&2; exit 1; }
finish

# ---- 12: the restore drill ----------------------------------------------------------------------

"$root/restore.sh" "$set_dir" --serve --urls "http://127.0.0.1:$drill_port" > "$work/restore.log" 2>&1 &
drill_pid=$!
wait_for_health "$drill_api" "$drill_pid" "$work/restore.log"
begin 12-restore
note "# L'exercice de restauration : le jeu de l'étape 10 dans une base PostgreSQL VIDE ($drill_database)" \
     "# et un magasin de documents vide, servi par l'application que restore.sh démarre sur le port" \
     "# $drill_port ; puis la même lecture sur les deux applications."
{
  echo "\$ ConnectionStrings__Postgres='…;Database=$drill_database;…' ./restore.sh $set_dir --serve --urls http://127.0.0.1:$drill_port"
  log_lines "$work/restore.log" \
    | grep -v -E '^info: SkillHub\.Standalone\.Hosting\.TimerScheduler|^info: Microsoft\.Hosting\.Lifetime\[0\] (Hosting environment|Content root)|^info: SkillHub\.Functions\.Infrastructure\.Sql\.Migrator'
  echo
} | mask >> "$current"
curl -sS "$api/workshops/$workshop/registrations" -H "Authorization: Bearer $claire" | pretty > "$work/origin.json"
http "curl -s $drill_api/workshops/$workshop/registrations -H \"Authorization: Bearer \$CLAIRE\"   # l'application restaurée" \
  "$drill_api/workshops/$workshop/registrations" -H "Authorization: Bearer $claire"
pretty < "$work/last" > "$work/restored.json"
shown "diff <(curl -s $api/workshops/$workshop/registrations …) <(curl -s $drill_api/workshops/$workshop/registrations …)   # aucune différence : code 0, rien d'affiché" \
  diff "$work/origin.json" "$work/restored.json"
grep -q '^\[code de sortie : 0\]' "$current" || { cat "$current" >&2; echo "L'application restaurée ne sert pas les mêmes inscriptions." >&2; exit 1; }
counts="SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM workshops) AS workshops, (SELECT sum(seats_taken) FROM workshops) AS seats_taken, (SELECT count(*) FROM notifications) AS notifications"
for name in "$database" "$drill_database"; do
  shown "PGPASSWORD=… psql -h 127.0.0.1 -p $PG_PORT -U skillhub -d $name -c \"$counts\"" \
    env PGPASSWORD="$SKILLHUB_PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U skillhub -d "$name" -P pager=off -c "$counts"
done
finish
stop "$drill_pid"; drill_pid=""
stop "$app_pid"; app_pid=""

# ---- 13: the tests' tally -----------------------------------------------------------------------

begin 13-tests
if [ -z "$tests_log" ]; then
  tests_log="$work/tests.log"
  echo "==> Tests (scripts/test.sh, 10 à 15 min)…"
  bash "$root/scripts/test.sh" > "$tests_log" 2>&1 || true
fi
note "# La suite entière (scripts/test.sh) : le décompte de chaque projet de tests, puis le total." \
     "# Les tests MongoDB « en direct » sont ignorés faute de serveur MongoDB sur ces machines." \
     "" "\$ scripts/test.sh"
grep -E '^(Passed|Failed)!? +- |^Test Run |^ *(Total tests|Passed|Failed|Skipped|Total time): |^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$tests_log" \
  | grep -v -E '^ +Passed [A-Za-z]' | mask >> "$current"
tally=$(tail -n 5 "$tests_log" | grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' || true)
[ -n "$tally" ] || { tail -n 40 "$tests_log" >&2; echo "Le journal des tests n'a pas de décompte final." >&2; exit 1; }
finish
echo "Captures écrites dans docs/terminal/ ; tests : $tally"
case "$tally" in *" 0 failed"*) ;; *) exit 1 ;; esac
