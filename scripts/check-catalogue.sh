#!/usr/bin/env bash
# Fails when a message the code asks for has no French translation, or the catalogue is broken.
set -euo pipefail
root=${1:-$(dirname "$0")/..}
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
bash "$root/scripts/extract-messages.sh" "$root" "$pot"
msgfmt --check --statistics -o /dev/null "$root/po/fr.po" 2>&1 | tee /dev/stderr | grep -Eq 'fuzzy|untranslated' && {
  echo "po/fr.po has fuzzy or untranslated messages" >&2
  exit 1
}
# msgcmp: every msgid of the code must be in the catalogue.
msgcmp --use-untranslated "$root/po/fr.po" "$pot"
echo "po/fr.po: every message of the code is translated"
