#!/usr/bin/env bash
# Lints the OpenAPI document with Redocly CLI's recommended rules, warnings counted as errors
# (redocly.yaml at the root); exits non-zero on any finding. OpenApiLintTests runs it with the tests.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/redocly.sh
source "$root/scripts/lib/redocly.sh"
ensure_redocly

# No usage report sent, no update check: this machine reaches no other host.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
cd "$root"
"$REDOCLY" lint --config redocly.yaml SkillHub.Functions/OpenApi/openapi.yaml "$@"
