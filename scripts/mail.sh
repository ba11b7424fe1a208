#!/usr/bin/env bash
# Shows what maildev (started by scripts/start.sh) received for an address: subject, date, text and
# attachments of each message, oldest first, read through maildev's REST API.
#   scripts/mail.sh lea.dubois@skillhub.demo [--inbox http://127.0.0.1:1080]
set -euo pipefail

inbox=${MAILDEV_URL:-http://127.0.0.1:1080}
address=""
while [ $# -gt 0 ]; do
  case "$1" in
    --inbox) inbox=$2; shift 2 ;;
    -h|--help) echo "Usage: scripts/mail.sh ADRESSE [--inbox http://127.0.0.1:1080]"; exit 0 ;;
    *) address=$1; shift ;;
  esac
done
[ -n "$address" ] || { echo "Usage: scripts/mail.sh ADRESSE [--inbox http://127.0.0.1:1080]" >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/node.sh
source "$root/scripts/lib/node.sh"
ensure_node

curl -fsS "$inbox/email?to.address=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$address")" | node -e '
  let json = "";
  process.stdin.on("data", d => json += d).on("end", () => {
    const mails = JSON.parse(json);
    if (mails.length === 0) { console.log(`Aucun message pour ${process.argv[1]}.`); return; }
    for (const m of mails) {
      console.log(`--- ${m.time}  ${m.subject}`);
      console.log(`De : ${m.from.map(f => f.address).join(", ")}   À : ${m.to.map(t => t.address).join(", ")}`);
      console.log(`Message-ID : ${m.headers["message-id"]}`);
      console.log(m.text.trimEnd());
      for (const a of m.attachments ?? []) console.log(`[pièce jointe : ${a.filename}, ${a.contentType}]`);
      console.log();
    }
  });
' "$address"
