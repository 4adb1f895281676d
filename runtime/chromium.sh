#!/usr/bin/env bash
# The map's browser tests (tests/map/) drive Debian's Chromium at /usr/bin/chromium. `make test` runs this
# first: as root (as CI runs) it installs the package when it is missing; otherwise it says how, and the
# browser tests skip with a banner at the end of the run (they fail instead when CI=true).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests (apt-get install chromium)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
    echo "No /usr/bin/chromium: the browser tests will skip. Install it with: sudo apt-get install chromium" >&2
fi
