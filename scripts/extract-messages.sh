#!/usr/bin/env bash
# Extracts the translatable messages of the code (tr, trn, trf, N_) and of the page templates
# (src/*/templates/*.html) into a .pot file.
# Usage: scripts/extract-messages.sh [ROOT] [OUT.pot]; then scripts/missing-messages.sh lists what po/fr/*.po lacks.
set -euo pipefail
root=${1:-$(dirname "$0")/..}
out=${2:-$root/build/fabrique.pot}
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
keywords=(--keyword=tr --keyword=trn:1,2 --keyword=trf --keyword=N_)
find src -name '*.cpp' -o -name '*.hpp' | sort | xargs xgettext --language=C++ --from-code=UTF-8 \
  "${keywords[@]}" --no-wrap --sort-by-file --package-name=fabrique -o "$work/code.pot"
# A template's slots and tags are C++ expressions: keep them, each on its own line of the
# template, and drop the markup around them, so that xgettext reads them as C++ and every
# message keeps its template file and line.
templates=$(find src -path '*/templates/*.html' | sort)
if [ -n "$templates" ]; then
  for t in $templates; do
    mkdir -p "$work/tpl/$(dirname "$t")"
    perl -0777 -ne '
      my $out = "";
      while (/\G(.*?)(?:\{\{(.*?)\}\}|\{%(.*?)%\}|\{#.*?#\}|\z)/gs) {
        my ($text, $expr) = ($1, defined $2 ? $2 : $3);
        my $whole = $&;
        $out .= "\n" x ($text =~ tr/\n//);
        if (defined $expr) { $out .= "$expr;" . ("\n" x ($expr =~ tr/\n//)); }
        elsif ($whole =~ /\{#(.*?)#\}\z/s) { $out .= "\n" x ($1 =~ tr/\n//); }
        last if $whole eq "";
      }
      print $out;' "$t" > "$work/tpl/$t"
  done
  (cd "$work/tpl" && printf '%s\n' $templates | xargs xgettext --language=C++ --from-code=UTF-8 \
    "${keywords[@]}" --no-wrap --sort-by-file --package-name=fabrique -o "$work/templates.pot")
  msgcat --use-first --no-wrap --sort-by-file -o "$out" "$work/code.pot" "$work/templates.pot"
else
  cp "$work/code.pot" "$out"
fi
