#!/usr/bin/env bash
# Regenerates the demo dump of data/ (skillhub_workshops.sql, mongo_<collection>.json,
# skillhub_dump_manifest.json) through the app's own export: `SkillHub.Standalone export-demo data/`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
usage() {
  cat <<'HELP'
Usage : scripts/export-demo-data.sh [--help]

Régénère le jeu de démonstration de data/ via le mode ligne de commande de l'application
(`dotnet SkillHub.Standalone.dll export-demo data/`), compilée en Release si besoin :
une base PostgreSQL TEMPORAIRE et vide (créée sur le serveur configuré, supprimée ensuite) et le
magasin de documents en mémoire ; migrations, jeu data/demo.json (comptes et ateliers), quelques
inscriptions de démonstration, puis l'export du projet (BackupService) copié dans data/ :

  data/skillhub_workshops.sql         PostgreSQL (postgres.sql d'un jeu de sauvegarde)
  data/mongo_<collection>.json        registrations, comments, activity_logs (Extended JSON)
  data/skillhub_dump_manifest.json    le manifeste (tailles, SHA-256, version du schéma)

  PostgreSQL : trouvé comme scripts/start.sh (scripts/lib/postgres.sh), rôle skillhub ; le mot de
               passe (~/.local/share/skillhub) passe par l'environnement (ConnectionStrings__Postgres),
               jamais par la ligne de commande. Aucune base existante n'est modifiée.

Les dates des ateliers sont relatives au jour de l'export. Validez ensuite data/ avec git.
Codes de sortie : 0 fait ; 1 échec (message sur stderr).
HELP
}

while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    *) echo "Option inconnue : $1 (voir --help)" >&2; exit 1 ;;
  esac
done

# shellcheck source=lib/app.sh
source "$root/scripts/lib/app.sh"
prepare_app
data=$root/data
export SkillHub__DemoData="$data/demo.json"
run_app export-demo "$data"
