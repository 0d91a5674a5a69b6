#!/usr/bin/env bash
# Installs what fabrique needs to build, run and test on Debian 12, and nothing that is already there.
# Called by `make run` and `make test`; safe to run again (it only installs what is missing).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  # Boost 1.81: only the -dev packages we use (Beast/Asio are header-only). The 1.74 -dev
  # packages conflict with these, so none of them is named here.
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-locale1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev
  # the data documents' strong ETags: SHA-256 with the processor's instructions (http/open_data.hpp)
  libssl-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libhowardhinnant-date-dev tzdata libical-dev libstemmer-dev libfmt-dev
  zlib1g-dev libbrotli-dev gettext
  # the allocator the server runs with (CMakeLists.txt says why)
  libmimalloc-dev
  # build-time checks (scripts/check-pages.py) and test helpers
  python3
  # uploads: the type of a file read from its content
  libmagic-dev libmagic-mgc
  # mail: SMTP (STARTTLS, implicit TLS, AUTH) through libcurl; a real SMTP server for the tests
  libcurl4-openssl-dev python3-aiosmtpd
  # the static archive of the site packed as .tar.gz or .zip
  libarchive-dev
  # the register of datasets: its DCAT catalogue written as Turtle by serd, and read back by a real
  # RDF parser (rdflib) in the tests
  libserd-dev python3-rdflib
  libgtest-dev libgmock-dev
  # the sanitizer build and the fuzzers (libFuzzer, ASan/UBSan/TSan runtimes, readable stack traces)
  clang libclang-rt-14-dev llvm
  # the one formatting standard (.clang-format), checked by ctest `formatting`
  clang-format
  # browser tests and benchmarks
  chromium wrk nginx-light
  # second storage backend and its tests
  postgresql
  # open data tests: sitemaps read by a real XML parser (Python's xml.etree), bundles opened by hand
  python3 sqlite3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# Node.js may come from another source that bundles npm (and conflicts with Debian's npm):
# ask for Debian's packages only when the commands are absent.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages from the committed lock file: the browser tests' (never a browser download) and the
# official geography that `fabrique territories load` reads.
if [ -f package-lock.json ]; then
  stamp=node_modules/.fabrique-lock
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
fi
