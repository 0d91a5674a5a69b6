#!/usr/bin/env bash
# Prints, as .po entries with an empty msgstr, the messages of the code that no po/fr/*.po translates yet.
# Usage: scripts/missing-messages.sh >> po/fr/MODULE.po, then write each msgstr.
set -euo pipefail
root=${1:-$(dirname "$0")/..}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$root/scripts/extract-messages.sh" "$root" "$work/code.pot"
msgcat --use-first -o "$work/fr.po" "$root"/po/fr/*.po
msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$work/merged.po" "$work/fr.po" "$work/code.pot"
msgattrib --untranslated --no-obsolete --no-wrap "$work/merged.po" | sed '1,/^$/d'
