# Sourced by scripts/start.sh and scripts/lib/app.sh (after postgres.sh, which sets
# SKILLHUB_STATE_DIR): the settings the app needs that a local machine provides itself.

# use_document_store: MongoDB when ConnectionStrings__MongoDB names one, otherwise the in-memory
# store, saved in $SKILLHUB_STATE_DIR/documents (or SkillHub__MemoryStore__Directory), said aloud.
use_document_store() {
  if [ -n "${ConnectionStrings__MongoDB:-}" ]; then
    export SkillHub__DocumentStore=${SkillHub__DocumentStore:-mongodb}
    echo "==> Documents : MongoDB (ConnectionStrings__MongoDB)"
  else
    export SkillHub__DocumentStore=memory
    export SkillHub__MemoryStore__Directory=${SkillHub__MemoryStore__Directory:-$SKILLHUB_STATE_DIR/documents}
    echo "==> Documents : EN MÉMOIRE (SkillHub__DocumentStore=memory), aucun MongoDB ici : inscriptions,"
    echo "    commentaires et journal d'activité enregistrés dans $SkillHub__MemoryStore__Directory"
    echo "    chaque minute et à l'arrêt (un plantage perd au plus la dernière minute)."
  fi
}

# use_machine_key VARIABLE FILE: VARIABLE as given, or this machine's own key (48 random bytes in
# base64, made once, kept in $SKILLHUB_STATE_DIR/FILE with mode 600, never on a command line).
use_machine_key() {
  local variable=$1 key_file="$SKILLHUB_STATE_DIR/$2"
  if [ -z "${!variable:-}" ]; then
    if [ ! -s "$key_file" ]; then
      (umask 077 && mkdir -p "$SKILLHUB_STATE_DIR" && head -c 48 /dev/urandom | base64 -w0 > "$key_file")
    fi
    printf -v "$variable" '%s' "$(cat "$key_file")"
  fi
  export "${variable?}"
}

# use_signing_keys: the JWT key (Jwt__SigningKey) and the key that signs backup manifests
# (Backup__SigningKey): backup.sh, restore.sh and start.sh share this machine's, so a set one writes
# the others verify.
use_signing_keys() {
  use_machine_key Jwt__SigningKey jwt-signing-key
  use_machine_key Backup__SigningKey backup-signing-key
}
