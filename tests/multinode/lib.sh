# Helpers shared by the multi-node and data tests (sourced): checks and curl as a browser; nodes and nginx come from scripts/nodes.sh.

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect_eq() {  # expect_eq NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 (expected '$2', got '$3')"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/nodes.sh"

# csrf_of JAR URL: the CSRF field of the form at URL, fetched with (and saving to) cookie jar JAR.
csrf_of() {
  curl -sS --max-time 10 -b "$1" -c "$1" "$2" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1
}

# post JAR URL [--data-urlencode k=v]...: prints the status code and a newline; the body goes to
# $TMP/last.html (or to $POST_OUT when set, for requests running in parallel). With POST_SHARED=1 the
# jar is only read: requests running in parallel on one jar must not rewrite it under each other.
# POST_MAX_TIME: seconds before giving up on the answer (default 15).
post() {
  local jar=$1 url=$2 code
  shift 2
  local -a save=(-c "$jar")
  [ "${POST_SHARED:-0}" = 1 ] && save=()
  code=$(curl -sS --max-time "${POST_MAX_TIME:-15}" -b "$jar" "${save[@]}" -o "${POST_OUT:-$TMP/last.html}" -w '%{http_code}' \
    -H 'Content-Type: application/x-www-form-urlencoded' "$@" "$url" 2>/dev/null)
  echo "${code:-000}"
}

# status URL [curl options]: the status code of a GET.
status() {
  local url=$1
  shift
  curl -sS --max-time 10 -o /dev/null -w '%{http_code}' "$@" "$url" 2>/dev/null || true
}

# sign_up JAR BASE NAME EMAIL: signs up through the form at BASE (password: un mot de passe solide), then
# follows the link of the confirmation mail (an .eml file the nodes write under $TMP/*.mail/), which
# signs the person in; prints the status of the sign-up. With SIGN_UP_CONFIRM=0 (nodes that mail through
# an SMTP server, which the caller reads), the link is not followed.
sign_up() {
  local c code file link
  c=$(csrf_of "$1" "$2/inscription")
  code=$(post "$1" "$2/inscription" --data-urlencode "csrf=$c" --data-urlencode "name=$3" --data-urlencode "email=$4" \
    --data-urlencode "password=un mot de passe solide" --data-urlencode "password_confirmation=un mot de passe solide")
  if [ "$code" = 303 ] && [ "${SIGN_UP_CONFIRM:-1}" = 1 ]; then
    for _ in $(seq 150); do
      file=$(grep -l -i "^To: .*<$4>" "$TMP"/*.mail/*.eml 2>/dev/null | head -1)
      [ -n "$file" ] && break
      sleep 0.1
    done
    # The link of the plain-text part, its quoted-printable soft line breaks and =3D undone.
    link=$(tr -d '\r' <"$file" | sed -e ':a' -e '/=$/{N;s/=\n//;ba' -e '}' | grep -o '/inscription/confirmer?jeton=3D[A-Za-z0-9_-]*' |
      head -1 | sed 's/=3D/=/')
    c=$(csrf_of "$1" "$2$link")
    POST_OUT=/dev/null post "$1" "$2/inscription/confirmer" --data-urlencode "csrf=$c" --data-urlencode "jeton=${link#*jeton=}" >/dev/null
  fi
  echo "$code"
}

# sign_in JAR BASE EMAIL PASSWORD: signs in through the form at BASE; prints the status.
sign_in() {
  local c
  c=$(csrf_of "$1" "$2/connexion")
  post "$1" "$2/connexion" --data-urlencode "csrf=$c" --data-urlencode "email=$3" --data-urlencode "password=$4"
}
