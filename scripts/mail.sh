#!/usr/bin/env bash
# Shows what maildev (started by scripts/start.sh) received for an address: subject, date, text and
# attachments of each message, oldest first, read through maildev's REST API; --subject keeps the
# messages whose subject contains TEXT.
#   scripts/mail.sh lea.dubois@skillhub.demo [--subject TEXT] [--inbox http://127.0.0.1:1080]
set -euo pipefail

inbox=${MAILDEV_URL:-http://127.0.0.1:1080}
address=""
subject=""
usage="Usage: scripts/mail.sh ADRESSE [--subject TEXTE] [--inbox http://127.0.0.1:1080]"
while [ $# -gt 0 ]; do
  case "$1" in
    --inbox) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; inbox=$2; shift 2 ;;
    --subject) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; subject=$2; shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) address=$1; shift ;;
  esac
done
[ -n "$address" ] || { echo "$usage" >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/node.sh
source "$root/scripts/lib/node.sh"
ensure_node

curl -fsS "$inbox/email?to.address=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$address")" | node -e '
  let json = "";
  process.stdin.on("data", d => json += d).on("end", () => {
    const [address, subject] = process.argv.slice(1);
    const mails = JSON.parse(json).filter(m => m.subject.includes(subject));
    if (mails.length === 0) { console.log(`Aucun message pour ${address}${subject ? ` dont le sujet contient « ${subject} »` : ""}.`); return; }
    for (const m of mails) {
      console.log(`--- ${m.time}  ${m.subject}`);
      console.log(`De : ${m.from.map(f => f.address).join(", ")}   À : ${m.to.map(t => t.address).join(", ")}`);
      console.log(`Message-ID : ${m.headers["message-id"]}`);
      console.log(m.text.trimEnd());
      // fileName: the name the message gives; maildev stores the file under a hashed generatedFileName.
      for (const a of m.attachments ?? []) console.log(`[pièce jointe : ${a.fileName ?? a.generatedFileName}, ${a.contentType}]`);
      console.log();
    }
  });
' "$address" "$subject"
