# Sourced by the scripts that run Node.js: Azurite, maildev and Redocly CLI (npm packages), and the
# few JSON reads of start.sh, mail.sh and app.sh. Node.js and npm come from Debian's packages (nodejs,
# npm) when missing, like PostgreSQL; Debian 12's Node.js 18 runs the pinned tools (README).

# shellcheck source=postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

ensure_node() {
  local missing=()
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installation de Node.js (paquets Debian ${missing[*]})…"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# ensure_npm_package NAME@VERSION: installed once in $SKILLHUB_STATE_DIR/npm/NAME@VERSION (a new pin, a
# new folder); NPM_BIN says where its commands are.
ensure_npm_package() {
  local package=$1 dir="$SKILLHUB_STATE_DIR/npm/$1"
  ensure_node
  if [ ! -f "$dir/.installed" ]; then
    echo "==> Installation de $package (npm)…"
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && npm install --no-audit --no-fund --silent "$package" >/dev/null && touch .installed)
  fi
  NPM_BIN="$dir/node_modules/.bin"
}
