#!/usr/bin/env bash
# `make run`: brings the database up to date (creating it under var/ when absent) and serves the site.
set -euo pipefail
bin=$1 database=$2 listen=$3
mkdir -p "$(dirname "$database")"
new=0
[ -e "$database" ] || new=1
"$bin" migrate --database "$database"
# A new database gets the official geography (from the npm package that `make run` installed).
if [ "$new" = 1 ]; then
  "$bin" territories load --database "$database" || echo "fabrique: the territories could not be loaded" >&2
fi
# A new database gets the demo programme, so there is something to look at; `demo load` prints the
# demo accounts and their shared password, which are repeated below once the log lines have scrolled.
demo=""
if [ "$new" = 1 ] && "$bin" demo --help >/dev/null 2>&1; then
  demo=$("$bin" demo load --database "$database") || {
    echo "fabrique: the demo could not be loaded; the site starts empty" >&2
    demo=""
  }
fi
if [ -n "$demo" ]; then
  sign_in="The demo programme is loaded. Sign in with one of its accounts
  (the animateur runs the programme; the others are members and co-porteurs):

$(printf '%s\n' "$demo" | sed 's/^/  /')"
else
  sign_in="To sign in as an animateur, create one in another terminal:
    $bin user add --admin --email you@example.org --name \"Your Name\" --database $database"
fi
# Without an SMTP server, mails (account confirmations, new passwords, notices) land in files.
if [ -n "${FABRIQUE_SMTP_URL:-}" ]; then
  mail="Mail goes through $(printf '%s' "$FABRIQUE_SMTP_URL" | sed 's#//[^@/]*@#//#')."
else
  mail="No SMTP server is set (FABRIQUE_SMTP_URL): mails are written as .eml files
  under ${FABRIQUE_MAIL_DIR:-var/mail}/ — open the newest one to follow a confirmation link."
fi
cat <<MSG

  fabrique is starting on http://$listen/
  $sign_in
  $mail
  Stop with Ctrl-C.

MSG
exec "$bin" serve --database "$database" --listen "$listen"
