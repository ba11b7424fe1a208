# Sourced by scripts/test.sh and scripts/start.sh: maildev, an SMTP server that keeps what it receives
# and shows it in a web inbox and a REST API (npm, pure Node.js). Started on free loopback ports with
# nothing relayed anywhere; MAILDEV_SMTP_PORT and MAILDEV_WEB_PORT say where. stop_maildev ends it.

# shellcheck source=ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"
# shellcheck source=node.sh
source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

ensure_maildev() {
  ensure_npm_package maildev@2.2.1

  MAILDEV_SMTP_PORT=${MAILDEV_SMTP_PORT:-$(free_port)}
  MAILDEV_WEB_PORT=${MAILDEV_WEB_PORT:-$(free_port)}
  MAILDEV_LOG=$(mktemp)
  "$NPM_BIN/maildev" --ip 127.0.0.1 --smtp "$MAILDEV_SMTP_PORT" --web "$MAILDEV_WEB_PORT" --silent \
    >"$MAILDEV_LOG" 2>&1 &
  MAILDEV_PID=$!
  { wait_for_port "$MAILDEV_WEB_PORT" && wait_for_port "$MAILDEV_SMTP_PORT"; } || { cat "$MAILDEV_LOG" >&2; echo "maildev ne répond pas sur le port $MAILDEV_WEB_PORT" >&2; return 1; }
  export MAILDEV_SMTP_PORT MAILDEV_WEB_PORT
}

stop_maildev() {
  if [ -n "${MAILDEV_PID:-}" ]; then kill "$MAILDEV_PID" 2>/dev/null || true; wait "$MAILDEV_PID" 2>/dev/null || true; fi
  if [ -n "${MAILDEV_LOG:-}" ]; then rm -f "$MAILDEV_LOG"; fi
}

