#!/usr/bin/env bash
# Restores a SkillHub backup set through the app's own command-line mode: `SkillHub.Standalone restore`.
set -euo pipefail

# The project beside this script (the repository), or in src/ beside it (the archive that
# scripts/archive.sh builds: backup.sh and restore.sh at its root, the solution in src/).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ -f "$root/SkillHub.slnx" ] || root=$root/src
usage() {
  cat <<'HELP'
Usage : ./restore.sh DOSSIER_DU_JEU [--force] [--compose | --serve [--urls URL]]

Restaure un jeu écrit par backup.sh (ou par l'application), dans cet ordre :
  1. vérification du jeu ENTIER avant de toucher une base (manifest.json lisible, chaque fichier
     présent avec la taille et le SHA-256 du manifeste, les fichiers mongo_*.json exactement ceux
     des collections de l'application, chaque tableau JSON relu en entier, version de schéma
     connue de cette version de l'application) : un jeu abîmé, partiel ou étranger est refusé ;
  2. refus si PostgreSQL (users, workshops) ou une collection contient déjà des données, sauf
     --force qui les remplace ;
  3. postgres.sql rejoué par l'application (PostgresImport, Npgsql) ;
  4. chaque collection relue par l'export/import du projet (IDocumentCollectionBackup) dans
     MongoDB — pas mongorestore/mongoimport ;
  5. réconciliation des places (SeatReconciliation, sans délai de calme) et entrée
     `backup.restore` au journal d'activité.

PostgreSQL : trouvé comme scripts/start.sh (scripts/lib/postgres.sh), rôle skillhub, base skillhub
(ou ConnectionStrings__Postgres) ; le mot de passe passe par l'environnement, jamais par la ligne
de commande.
Documents : avec MongoDB (ConnectionStrings__MongoDB), restore.sh restaure puis rend la main.
Sans MongoDB (magasin EN MÉMOIRE, SkillHub__DocumentStore=memory), la mémoire d'un processus
n'est visible que de lui : il faut --serve. L'application démarre alors avec --restore : elle
vérifie et restaure le jeu (PostgreSQL et documents) dans son propre processus, réconcilie, puis
sert l'API sur URL (défaut http://127.0.0.1:7071) jusqu'à Ctrl+C. Sans --serve, restore.sh
vérifie le jeu puis refuse (code 1) en le disant.
Alternative pour PostgreSQL seul, dans une base VIDE, sans vérification ni réconciliation :
  PGPASSWORD=… psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -U skillhub -d base_vide -f DOSSIER/postgres.sql
(puis lancer la réconciliation : le minuteur ReconcileSeats de l'application).

Avec --compose : contre la pile docker compose, le jeu est copié dans le conteneur `app`
(docker compose cp) puis restauré par la même commande DANS ce conteneur (docker compose exec),
avec ses réglages (PostgreSQL et MongoDB de la pile) ; la copie est retirée ensuite.

Codes de sortie : 0 restauré (avec --serve : l'application s'est arrêtée normalement) ; 2 jeu refusé (abîmé, partiel, étranger : rien n'a été modifié) ;
1 autre échec (bases non vides sans --force, base injoignable, magasin en mémoire…).
HELP
}

set_dir=""
force=()
compose=false
serve=false
urls="http://127.0.0.1:7071"
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=(--force); shift ;;
    --compose) compose=true; shift ;;
    --serve) serve=true; shift ;;
    --urls) [ $# -ge 2 ] || { echo "--urls attend une adresse (voir --help)" >&2; exit 1; }; urls=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "Option inconnue : $1 (voir --help)" >&2; exit 1 ;;
    *) [ -z "$set_dir" ] || { echo "Un seul dossier de jeu (voir --help)" >&2; exit 1; }; set_dir=$1; shift ;;
  esac
done
[ -n "$set_dir" ] || { usage >&2; exit 1; }
if $compose && $serve; then echo "--serve et --compose s'excluent : dans la pile, l'application sert déjà (voir --help)" >&2; exit 1; fi
[ -d "$set_dir" ] || { echo "Jeu de sauvegarde introuvable : $set_dir" >&2; exit 2; }
set_dir=$(cd "$set_dir" && pwd)

# shellcheck source=scripts/lib/app.sh
source "$root/scripts/lib/app.sh"
if $compose; then
  inside="/tmp/skillhub-restore-$(basename "$set_dir")"
  docker_cli=${SKILLHUB_DOCKER:-docker}
  echo "==> docker compose : copie du jeu dans le conteneur app ($inside), puis vérification et restauration dans le conteneur"
  $docker_cli compose cp "$set_dir" "app:$inside"
  status=0
  run_in_compose restore "$inside" "${force[@]}" || status=$?
  $docker_cli compose exec -T app rm -rf "$inside" || true
  exit "$status"
fi
prepare_app
if $serve; then
  echo "==> Vérification puis restauration de $set_dir PAR l'application qui servira ensuite sur $urls (postgres.sql : PostgresImport ; documents : import du projet ; puis réconciliation)"
  # exec: the app replaces this shell, so Ctrl+C and a stop signal reach it directly.
  exec dotnet "$app_dll" --urls "$urls" --restore "$set_dir" "${force[@]}"
fi
echo "==> Vérification puis restauration de $set_dir (postgres.sql : PostgresImport ; documents : import du projet ; puis réconciliation)"
run_app restore "$set_dir" "${force[@]}"
