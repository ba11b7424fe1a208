#!/usr/bin/env bash
# Writes a SkillHub backup set (postgres.sql, mongo_<collection>.json, manifest.json) through the
# app's own command-line mode: `SkillHub.Functions backup`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
usage() {
  cat <<'HELP'
Usage : ./backup.sh [--directory DOSSIER]
        ./backup.sh --compose

Écrit un jeu de sauvegarde dans DOSSIER (défaut : Backup__Directory, sinon
~/.local/share/SkillHub/backups), via le mode ligne de commande de l'application
(`dotnet SkillHub.Functions.dll backup`), compilée en Release si besoin.

  PostgreSQL : trouvé comme scripts/start.sh (scripts/lib/postgres.sh), rôle skillhub ; le mot de
               passe (~/.local/share/skillhub) passe par l'environnement (ConnectionStrings__Postgres),
               jamais par la ligne de commande. Base : skillhub, ou ConnectionStrings__Postgres.
               Les migrations sont appliquées avant la sauvegarde.
  Documents  : l'export du projet (IDocumentCollectionBackup, Extended JSON), pas mongodump.
               MongoDB si ConnectionStrings__MongoDB est défini. Sans lui, le magasin en mémoire
               d'un processus séparé est vide : les fichiers mongo_*.json seront des tableaux vides.

Avec --compose : contre la pile docker compose, la même commande est lancée DANS le conteneur
`app` (docker compose exec), avec ses réglages ; le jeu va dans son volume /home/backups (et dans
le conteneur blob `backups` d'Azurite, Backup__Blob=true).

Affiche l'identifiant du jeu et son chemin.
Codes de sortie : 0 fait ; 1 échec (message sur stderr).
HELP
}

args=(backup)
compose=false
while [ $# -gt 0 ]; do
  case "$1" in
    --compose) compose=true; shift ;;
    --directory) [ $# -ge 2 ] || { echo "--directory attend un dossier" >&2; exit 1; }; args+=(--directory "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Option inconnue : $1 (voir --help)" >&2; exit 1 ;;
  esac
done

# shellcheck source=scripts/lib/app.sh
source "$root/scripts/lib/app.sh"
if $compose; then
  [ ${#args[@]} -eq 1 ] || { echo "--compose écrit dans le volume du conteneur : pas de --directory" >&2; exit 1; }
  echo "==> docker compose : sauvegarde dans le conteneur app"
  run_in_compose backup
  exit $?
fi
prepare_app
run_app "${args[@]}"
