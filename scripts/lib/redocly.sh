# Sourced by scripts/lint-openapi.sh and scripts/test.sh: Redocly CLI from the npm registry (pure
# Node.js), pinned like Azurite and maildev. REDOCLY says where its command is.

# shellcheck source=node.sh
source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

ensure_redocly() {
  ensure_npm_package @redocly/cli@2.77.0
  REDOCLY="$NPM_BIN/redocly"
}
