#!/usr/bin/env bash
# Writes a SkillHub backup set (postgres.sql, mongo_<collection>.json, manifest.json) through the
# app's own command-line mode: `SkillHub.Functions backup`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
usage() {
  cat <<'HELP'
Usage : ./backup.sh [--directory DOSSIER]

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

Affiche l'identifiant du jeu et son chemin.
Codes de sortie : 0 fait ; 1 échec (message sur stderr).
HELP
}

args=(backup)
while [ $# -gt 0 ]; do
  case "$1" in
    --directory) [ $# -ge 2 ] || { echo "--directory attend un dossier" >&2; exit 1; }; args+=(--directory "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Option inconnue : $1 (voir --help)" >&2; exit 1 ;;
  esac
done

# shellcheck source=scripts/lib/app.sh
source "$root/scripts/lib/app.sh"
prepare_app
run_app "${args[@]}"
