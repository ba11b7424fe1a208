#!/usr/bin/env bash
# Runs every test: starts PostgreSQL (installed if missing), Azurite's blob service and maildev (npm),
# installs Debian's Chromium and Redocly CLI (npm) if missing, gives the tests a login that may create
# their own databases, then `dotnet test` on the solution, and prints the summary.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
ensure_postgres
ensure_skillhub_role

# shellcheck source=lib/chromium.sh
source "$root/scripts/lib/chromium.sh"
ensure_chromium
# Installed here, once, rather than inside the lint test's time (scripts/lint-openapi.sh would too).
# shellcheck source=lib/redocly.sh
source "$root/scripts/lib/redocly.sh"
ensure_redocly

# shellcheck source=lib/azurite.sh
source "$root/scripts/lib/azurite.sh"
# shellcheck source=lib/maildev.sh
source "$root/scripts/lib/maildev.sh"
trap 'stop_azurite; stop_maildev' EXIT
ensure_azurite
ensure_maildev
echo "==> maildev : SMTP sur 127.0.0.1:$MAILDEV_SMTP_PORT, boîte de réception sur http://127.0.0.1:$MAILDEV_WEB_PORT/index.html"
export SKILLHUB_TEST_SMTP="127.0.0.1:$MAILDEV_SMTP_PORT"
export SKILLHUB_TEST_MAILDEV="http://127.0.0.1:$MAILDEV_WEB_PORT"

export SKILLHUB_TEST_POSTGRES
SKILLHUB_TEST_POSTGRES=$(skillhub_connection_string postgres)
if [ -z "${SKILLHUB_TEST_MONGODB:-}" ]; then
  echo "==> SKILLHUB_TEST_MONGODB non défini : les tests MongoDB en direct seront signalés comme ignorés."
fi

log=$(mktemp)
trap 'rm -f "$log"; stop_azurite; stop_maildev' EXIT
set +e
dotnet test "$root/SkillHub.slnx" -c Release -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The runner's own totals ("     Passed: 12"), summed over test assemblies.
count() { awk -v key="$1" '$1 == key":" && $2 ~ /^[0-9]+$/ { n += $2 } END { print n + 0 }' "$log"; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
echo
if [ "$failed" -gt 0 ]; then
  # Each failed test again, with its message, so the end of a long log says which one and why.
  echo "Tests en échec :"
  awk '/^  Failed / { show = 1; lines = 0 }
       /^  Stack Trace:/ { show = 0 }
       show && lines++ < 40 { print }' "$log"
  echo
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test failed outside the tests themselves (build, or a fixture's clean-up): see above." >&2
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
