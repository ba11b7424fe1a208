#!/usr/bin/env bash
# Starts SkillHub standalone with demo data: PostgreSQL (installed if missing), migrations, demo
# accounts and workshops, maildev (npm, once) to receive the e-mails it sends, then the app on
# http://127.0.0.1:7071 (or the address given with --urls).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
urls="http://127.0.0.1:7071"
while [ $# -gt 0 ]; do
  case "$1" in
    --urls) urls=$2; shift 2 ;;
    -h|--help) echo "Usage: scripts/start.sh [--urls http://127.0.0.1:7071]"; exit 0 ;;
    *) echo "Option inconnue : $1 (voir --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/settings.sh
source "$root/scripts/lib/settings.sh"
# shellcheck source=lib/node.sh
source "$root/scripts/lib/node.sh"
if ! command -v curl >/dev/null 2>&1; then
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
fi
ensure_postgres
ensure_skillhub_role
ensure_database skillhub
# Node.js for maildev and the list of demo accounts below.
ensure_node

export ConnectionStrings__Postgres=${ConnectionStrings__Postgres:-$(skillhub_connection_string skillhub)}
use_signing_keys
data=$root/data
export SkillHub__DemoData="$data/demo.json"
use_document_store

# shellcheck source=lib/maildev.sh
source "$root/scripts/lib/maildev.sh"
# maildev's usual ports when they are free, so the inbox keeps its address from one run to the next.
MAILDEV_SMTP_PORT=${MAILDEV_SMTP_PORT:-$(port_or_free 1025)}
MAILDEV_WEB_PORT=${MAILDEV_WEB_PORT:-$(port_or_free 1080)}
ensure_maildev
export Smtp__Host=127.0.0.1 Smtp__Port=$MAILDEV_SMTP_PORT Smtp__Security=none
export Notifications__PublicUrl=${urls%%;*}

echo "==> Compilation…"
dotnet build "$root/SkillHub.Standalone/SkillHub.Standalone.csproj" -c Release -nologo -v q -clp:ErrorsOnly

app_dir="$root/SkillHub.Standalone/bin/Release/net10.0"
dotnet "$app_dir/SkillHub.Standalone.dll" --urls "$urls" &
app_pid=$!
trap 'kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; stop_maildev' INT TERM EXIT

base=${urls%%;*}
for _ in $(seq 1 60); do
  if curl -fsS "$base/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { echo "L'application s'est arrêtée au démarrage (voir ci-dessus)." >&2; exit 1; }
  sleep 1
done

cat <<MSG

SkillHub écoute sur $base/api
  santé    : curl $base/api/health
  OpenAPI  : $base/api/openapi.yaml
  e-mails  : http://127.0.0.1:$MAILDEV_WEB_PORT/index.html (maildev : tout ce que l'application envoie, rien n'est relayé)
Comptes de démonstration (data/demo.json) :
MSG
node -e '
  const data = require(process.argv[1]);
  for (const a of data.accounts) console.log(`  ${a.role.padEnd(12)} ${a.email.padEnd(32)} ${a.password}`);
' "$data/demo.json"
echo
echo "Ctrl+C pour arrêter."
wait "$app_pid"
