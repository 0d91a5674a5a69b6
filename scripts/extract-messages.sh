#!/usr/bin/env bash
# Extracts the translatable messages of the code (tr, trn, N_) into a .pot file.
# Usage: scripts/extract-messages.sh [ROOT] [OUT.pot]; then scripts/missing-messages.sh lists what po/fr/*.po lacks.
set -euo pipefail
root=${1:-$(dirname "$0")/..}
out=${2:-$root/build/fabrique.pot}
cd "$root"
find src -name '*.cpp' -o -name '*.hpp' | sort | xargs xgettext --language=C++ --from-code=UTF-8 \
  --keyword=tr --keyword=trn:1,2 --keyword=N_ --no-wrap --sort-by-file --package-name=fabrique -o "$out"
