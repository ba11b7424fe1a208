# Sourced by scripts/lint-openapi.sh: Redocly CLI from the npm registry (pure Node.js), installed once in
# $SKILLHUB_STATE_DIR/redocly, pinned like Azurite and maildev. REDOCLY says where its command is.

ensure_redocly() {
  local dir="$SKILLHUB_STATE_DIR/redocly"
  if [ ! -x "$dir/node_modules/.bin/redocly" ]; then
    echo "==> Installation de Redocly CLI (npm, @redocly/cli@2.77.0)…"
    mkdir -p "$dir"
    (cd "$dir" && npm install --no-audit --no-fund --silent @redocly/cli@2.77.0 >/dev/null)
  fi
  REDOCLY="$dir/node_modules/.bin/redocly"
}
