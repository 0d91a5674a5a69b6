#!/usr/bin/env bash
# Fails when a message the code asks for has no French translation, or the catalogue is broken.
# The French catalogue is po/fr/*.po, one file per module, joined here as the build joins them.
set -euo pipefail
root=${1:-$(dirname "$0")/..}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$root/scripts/extract-messages.sh" "$root" "$work/code.pot"
msgcat --use-first -o "$work/fr.po" "$root"/po/fr/*.po
# A msgid in two module files must have one translation: msgcat without --use-first marks
# disagreements with "#-#-#-#-#" headers, which we list and refuse.
msgcat -o "$work/all.po" "$root"/po/fr/*.po
if grep -q '#-#-#-#-#' "$work/all.po"; then
  echo "po/fr/*.po: these messages are translated differently in two module files:" >&2
  msgattrib --only-fuzzy --no-location "$work/all.po" | grep -A8 '^msgid "[^"]' >&2
  exit 1
fi
msgfmt --check --statistics -o /dev/null "$work/fr.po" 2>&1 | tee /dev/stderr | grep -Eq 'fuzzy|untranslated' && {
  echo "po/fr/*.po has fuzzy or untranslated messages" >&2
  exit 1
}
# msgcmp: every msgid of the code must be in the catalogue.
msgcmp --use-untranslated "$work/fr.po" "$work/code.pot"
echo "po/fr/*.po: every message of the code is translated"
