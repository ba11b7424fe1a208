#!/usr/bin/env bash
# Writes a SkillHub backup set (postgres.sql, mongo_<collection>.json, manifest.json) through the
# app's own command-line mode: `SkillHub.Standalone backup`.
set -euo pipefail

# The project beside this script (the repository), or in src/ beside it (the archive that
# scripts/archive.sh builds: backup.sh and restore.sh at its root, the solution in src/).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ -f "$root/SkillHub.slnx" ] || root=$root/src
usage() {
  cat <<'HELP'
Usage : ./backup.sh [--directory DOSSIER]
        ./backup.sh --app URL
        ./backup.sh --compose

Écrit un jeu de sauvegarde dans DOSSIER (défaut : Backup__Directory, sinon
~/.local/share/SkillHub/backups), via le mode ligne de commande de l'application
(`dotnet SkillHub.Standalone.dll backup`), compilée en Release si besoin.

  PostgreSQL : trouvé comme scripts/start.sh (scripts/lib/postgres.sh), rôle skillhub ; le mot de
               passe (~/.local/share/skillhub) passe par l'environnement (ConnectionStrings__Postgres),
               jamais par la ligne de commande. Base : skillhub, ou ConnectionStrings__Postgres.
               Les migrations sont appliquées avant la sauvegarde.
  Documents  : l'export du projet (IDocumentCollectionBackup, Extended JSON), pas mongodump,
               depuis MongoDB (ConnectionStrings__MongoDB). Sans MongoDB, les documents ne vivent
               que dans la mémoire de l'application en marche, qu'un autre processus ne voit pas :
               backup.sh refuse alors (code 1) plutôt que d'écrire un jeu sans documents, et
               --app est le chemin à prendre.

Avec --app URL : l'application en marche à URL (par exemple http://127.0.0.1:7071) prend le jeu
elle-même (POST /api/admin/backups), avec ses propres bases, magasin en mémoire compris ; le jeu va
dans SON dossier (Backup__Directory de l'application). Compte administrateur lu dans
l'environnement, jamais sur la ligne de commande : SKILLHUB_ADMIN_EMAIL et SKILLHUB_ADMIN_PASSWORD.

Avec --compose : contre la pile docker compose, la même commande est lancée DANS le conteneur
`app` (docker compose exec), avec ses réglages ; le jeu va dans son volume /home/backups (et dans
le conteneur blob `backups` d'Azurite, Backup__Blob=true).

Affiche l'identifiant du jeu et son chemin.
Codes de sortie : 0 fait ; 1 échec (message sur stderr).
HELP
}

args=(backup)
compose=false
app_url=""
while [ $# -gt 0 ]; do
  case "$1" in
    --compose) compose=true; shift ;;
    --app) [ $# -ge 2 ] || { echo "--app attend l'adresse de l'application" >&2; exit 1; }; app_url=${2%/}; shift 2 ;;
    --directory) [ $# -ge 2 ] || { echo "--directory attend un dossier" >&2; exit 1; }; args+=(--directory "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Option inconnue : $1 (voir --help)" >&2; exit 1 ;;
  esac
done

# shellcheck source=scripts/lib/app.sh
source "$root/scripts/lib/app.sh"
if [ -n "$app_url" ]; then
  { ! $compose && [ ${#args[@]} -eq 1 ]; } || { echo "--app : le jeu va dans le dossier de l'application, sans --directory ni --compose" >&2; exit 1; }
  backup_through_app "$app_url"
  exit $?
fi
if $compose; then
  [ ${#args[@]} -eq 1 ] || { echo "--compose écrit dans le volume du conteneur : pas de --directory" >&2; exit 1; }
  echo "==> docker compose : sauvegarde dans le conteneur app"
  run_in_compose backup
  exit $?
fi
prepare_app
if [ "$SkillHub__DocumentStore" = memory ]; then
  cat >&2 <<'MSG'
backup.sh refuse : sans MongoDB, inscriptions, commentaires et journal d'activité ne vivent que dans
la mémoire de l'application en marche, qu'un processus séparé ne voit pas ; le jeu n'aurait que
PostgreSQL. Faire prendre le jeu par l'application : ./backup.sh --app http://127.0.0.1:7071
(SKILLHUB_ADMIN_EMAIL et SKILLHUB_ADMIN_PASSWORD dans l'environnement), ou définir
ConnectionStrings__MongoDB.
MSG
  exit 1
fi
run_app "${args[@]}"
