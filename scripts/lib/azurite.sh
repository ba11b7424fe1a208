# Sourced by scripts/test.sh: Azurite's blob service from the npm registry (pure Node.js, nothing
# downloaded at run time beyond the package), started on a free loopback port with a throw-away
# folder, and its connection string in SKILLHUB_TEST_AZURITE. stop_azurite ends it.

# shellcheck source=ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"
# shellcheck source=node.sh
source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

# The Azurite development account: a published, fixed key, not a secret.
AZURITE_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

ensure_azurite() {
  ensure_npm_package azurite@3.37.0

  local port
  port=$(free_port)
  AZURITE_DATA=$(mktemp -d)
  "$NPM_BIN/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" --location "$AZURITE_DATA" \
    --skipApiVersionCheck --silent >"$AZURITE_DATA/azurite.log" 2>&1 &
  AZURITE_PID=$!
  wait_for_port "$port" || { cat "$AZURITE_DATA/azurite.log" >&2; echo "Azurite ne répond pas sur le port $port" >&2; return 1; }
  echo "==> Azurite (blob) sur 127.0.0.1:$port"
  export SKILLHUB_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
}

stop_azurite() {
  if [ -n "${AZURITE_PID:-}" ]; then kill "$AZURITE_PID" 2>/dev/null || true; wait "$AZURITE_PID" 2>/dev/null || true; fi
  if [ -n "${AZURITE_DATA:-}" ]; then rm -rf "$AZURITE_DATA"; fi
}
