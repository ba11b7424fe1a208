# Sourced by scripts/capture-terminal.sh: the check every capture passes before it is kept, because
# each of these would tell an examiner that something is wrong while the capture reads as normal.
#   check_capture FILE   prints "==> FILE" when clean; otherwise the offending lines, and returns 1.

# Warnings the captured commands give on purpose, each for a reason the capture itself states:
#  - the in-memory document store (no MongoDB on these machines; start.sh says the same aloud);
#  - a restore, logged at warning level because it replaces what the databases hold;
#  - the restored copy started without SMTP, so that it never e-mails the people of the set again.
CAPTURE_EXPECTED_WARNINGS='warn: (SkillHub\.DocumentStore\[0\] !!! SkillHub__DocumentStore=memory|SkillHub\.Functions\.Backups\.RestoreService\[0\] (Restoring backup .* \(force: False\)|Backup .* restored; reconciliation made 0 repairs)$|SkillHub\.Functions\.Notifications\.NotificationsModule\[0\] Smtp__Host is not set)'

check_capture() {
  local file=$1 bad
  bad=$(grep -n -E \
      -e 'warning [A-Z]{2,}[0-9]{3,}' -e '[1-9][0-9]* Warning\(s\)' -e '[1-9][0-9]* Error\(s\)' \
      -e '^(warn|fail|crit): ' \
      -e 'Exception' -e '^ +at [A-Za-z_][A-Za-z0-9_.`<>]*[.(]' \
      -e 'Reconciliation: [A-Za-z]+ in workshop' -e 'made [1-9][0-9]* repairs' -e 'Reconciliation: [1-9][0-9]* repair' \
      "$file" \
    | grep -v -E "^[0-9]+:($CAPTURE_EXPECTED_WARNINGS)" || true)
  if [ -n "$bad" ]; then
    echo "La capture $file montre ce qu'elle ne doit pas montrer :" >&2
    echo "$bad" >&2
    return 1
  fi
  echo "==> $file"
}
