#!/usr/bin/env bash
# `make run`: brings the database up to date (creating it under var/ when absent) and serves the site.
set -euo pipefail
bin=$1 database=$2 listen=$3
mkdir -p "$(dirname "$database")"
new=0
[ -e "$database" ] || new=1
"$bin" migrate --database "$database"
if [ "$new" = 1 ] && "$bin" demo --help >/dev/null 2>&1; then
  "$bin" demo load --database "$database"
fi
cat <<MSG

  fabrique is starting on http://$listen/
  To sign in as an animateur, create one in another terminal:
    $bin user add --admin --email you@example.org --name "Your Name" --database $database
  Stop with Ctrl-C.

MSG
exec "$bin" serve --database "$database" --listen "$listen"
