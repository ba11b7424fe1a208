#!/usr/bin/env bash
# Builds the delivery archive EC03R_<NomPrenom>.zip from the files git tracks (so never build output,
# .env or local.settings.json): the whole repository under src/, where every command of the README
# runs as in the repository, and what an examiner opens first at the archive root: README.md, docs/
# (so the README's links resolve there), data/, backup.sh and restore.sh (which find src/).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)  # physical, as git rev-parse gives it
usage() {
  cat <<'HELP'
Usage : scripts/archive.sh NomPrenom [--output DOSSIER]

Construit DOSSIER/EC03R_NomPrenom.zip (défaut : le dossier courant) à partir des fichiers suivis
par git (git ls-files), dans leur état du dossier de travail :

  README.md, docs/, data/              à la racine de l'archive, pour la lecture : le README, les
                                      documents qu'il cite, le jeu de démonstration
                                      (skillhub_workshops.sql, mongo_<collection>.json,
                                      skillhub_dump_manifest.json, demo.json)
  backup.sh, restore.sh               à la racine aussi : ils trouvent la solution dans src/
  src/                                le dépôt entier, tel que git le suit (README.md, docs/ et
                                      data/ compris) : la solution et chacun de ses projets, sql/,
                                      scripts/, docker-compose.yml, Dockerfile, .env.example…
                                      Les commandes du README s'y lancent comme dans le dépôt.

Jamais dans l'archive : .git et les fichiers .git*, .ci/ (l'intégration continue du dépôt), ni
— seconde garde, même suivis par erreur — local.settings.json, .env, bin/, obj/, TestResults/.
Un fichier non suivi (pas encore `git add`) n'y est pas : le script le signale.

NomPrenom : lettres (accentuées comprises), chiffres et traits d'union, sans espace ni barre ;
par exemple DupontJean ou Lefèvre-Zoé.
Installe zip (paquet Debian) s'il manque. Affiche le chemin et la taille de l'archive.
Codes de sortie : 0 fait ; 1 échec (message sur stderr).
HELP
}

name=""
output=$PWD
while [ $# -gt 0 ]; do
  case "$1" in
    --output) [ $# -ge 2 ] || { echo "--output attend un dossier (voir --help)" >&2; exit 1; }; output=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "Option inconnue : $1 (voir --help)" >&2; exit 1 ;;
    *) [ -z "$name" ] || { echo "Un seul NomPrenom (voir --help)" >&2; exit 1; }; name=$1; shift ;;
  esac
done
[ -n "$name" ] || { usage >&2; exit 1; }

# Letters as Unicode counts them (C.UTF-8, whatever the caller's locale), digits and hyphens.
valid_name() {
  local LC_ALL=C.UTF-8
  [[ $1 =~ ^[[:alnum:]][[:alnum:]-]*$ ]]
}
if ! valid_name "$name"; then
  echo "Nom refusé : « $name ». NomPrenom ne contient que des lettres (accentuées comprises), des chiffres et des traits d'union, sans espace ni barre, par exemple DupontJean." >&2
  exit 1
fi

command -v git >/dev/null 2>&1 && [ "$(git -C "$root" rev-parse --show-toplevel 2>/dev/null)" = "$root" ] \
  || { echo "archive.sh construit l'archive depuis une copie git du dépôt (git ls-files) : $root n'en est pas une." >&2; exit 1; }
if ! command -v zip >/dev/null 2>&1; then
  # shellcheck source=lib/postgres.sh
  source "$root/scripts/lib/postgres.sh"
  echo "==> Installation de zip (paquet Debian)…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip >/dev/null
fi

mkdir -p "$output"
output=$(cd "$output" && pwd)
archive="$output/EC03R_$name.zip"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# Where each tracked file goes: under src/ (all of them) and, for the reader's part, at the root too.
at_root=()
in_src=()
while IFS= read -r -d '' file; do
  [ -e "$root/$file" ] || continue  # deleted in the working tree, not yet committed
  case "/$file/" in
    */.git*|/.ci/*) continue ;;
    */bin/*|*/obj/*|*/TestResults/*|*/local.settings.json/|*/.env/|*.user/)
      echo "Écarté (ne doit jamais être livré, même suivi par git) : $file" >&2
      continue ;;
  esac
  case "$file" in
    README.md|backup.sh|restore.sh|data/*|docs/*) at_root+=("$file") ;;
  esac
  in_src+=("$file")
done < <(cd "$root" && git ls-files -z | LC_ALL=C sort -z)

# listed FILE LIST…: whether FILE is one of LIST.
listed() {
  local file=$1 each
  shift
  for each in "$@"; do [ "$each" = "$file" ] && return 0; done
  return 1
}
# Every project the solution lists must travel with it: one not yet added to git would be missing.
while IFS= read -r project; do
  listed "$project" "${in_src[@]}" \
    || { echo "Projet de la solution absent des fichiers suivis par git : $project (git add ?)" >&2; exit 1; }
done < <(grep -o 'Path="[^"]*"' "$root/SkillHub.slnx" | sed -E 's/^Path="(.*)"$/\1/; s#\\#/#g')
for required in README.md backup.sh restore.sh data/skillhub_workshops.sql data/mongo_registrations.json; do
  listed "$required" "${at_root[@]}" || { echo "Fichier requis absent des fichiers suivis par git : $required" >&2; exit 1; }
done
untracked=$(cd "$root" && git ls-files --others --exclude-standard | LC_ALL=C sort)
if [ -n "$untracked" ]; then
  echo "Attention : fichiers non suivis par git, donc absents de l'archive :" >&2
  sed 's/^/  /' <<<"$untracked" >&2
fi

(cd "$root" && cp -p --parents -t "$stage" "${at_root[@]}")
mkdir "$stage/src"
(cd "$root" && cp -p --parents -t "$stage/src" "${in_src[@]}")

# The same files give the same archive: entries in byte order, dated by the last commit, no
# owner or extra timestamps (-X), no directory entries (-D).
epoch=$(git -C "$root" log -1 --format=%ct)
find "$stage" -type f -exec env TZ=UTC touch -d "@$epoch" {} +
zipped="$stage/EC03R_$name.zip"
(cd "$stage" && { printf '%s\n' "${at_root[@]}"; printf 'src/%s\n' "${in_src[@]}"; } | LC_ALL=C sort | TZ=UTC zip -X -D -q "$zipped" -@)
rm -f "$archive"
mv "$zipped" "$archive"

echo "==> ${#at_root[@]} fichiers à la racine (README.md, docs/, data/, backup.sh, restore.sh), ${#in_src[@]} dans src/ (le dépôt entier)"
size=$(stat -c %s "$archive")
echo "Archive : $archive ($size octets, $(((size + 1023) / 1024)) Kio)"
