# Sourced by scripts/start.sh and scripts/lib/app.sh (after postgres.sh, which sets
# SKILLHUB_STATE_DIR): the settings the app needs that a local machine provides itself.

# use_document_store: MongoDB when ConnectionStrings__MongoDB names one, otherwise the in-memory
# store, said aloud.
use_document_store() {
  if [ -n "${ConnectionStrings__MongoDB:-}" ]; then
    export SkillHub__DocumentStore=${SkillHub__DocumentStore:-mongodb}
    echo "==> Documents : MongoDB (ConnectionStrings__MongoDB)"
  else
    export SkillHub__DocumentStore=memory
    echo "==> Documents : EN MÉMOIRE (SkillHub__DocumentStore=memory), aucun MongoDB ici : inscriptions,"
    echo "    commentaires et journal d'activité vivent dans le processus de l'application, perdus à l'arrêt."
  fi
}

# use_signing_key: Jwt__SigningKey as given, or this machine's own (48 random bytes, made once,
# kept in $SKILLHUB_STATE_DIR with mode 600, never on a command line).
use_signing_key() {
  if [ -z "${Jwt__SigningKey:-}" ]; then
    local key_file="$SKILLHUB_STATE_DIR/jwt-signing-key"
    if [ ! -s "$key_file" ]; then
      (umask 077 && mkdir -p "$SKILLHUB_STATE_DIR" && head -c 48 /dev/urandom | base64 -w0 > "$key_file")
    fi
    Jwt__SigningKey=$(cat "$key_file")
  fi
  export Jwt__SigningKey
}
