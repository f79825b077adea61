#!/bin/sh
# First step of `npm test`: the browser tests drive Debian's Chromium at /usr/bin/chromium (never a downloaded
# browser). When it is missing, install it if this user can (root with apt-get); otherwise stop before any test
# runs, with the command to run.
set -eu
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests (apt-get install chromium)…"
  install='apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'
  if command -v flock >/dev/null 2>&1; then
    # Two test runs starting together install once: the second waits for the first, then finds Chromium.
    flock /tmp/accord-chromium-install.lock sh -c "[ -x $CHROMIUM ] || { $install; }"
  else
    sh -c "$install"
  fi
  [ -x "$CHROMIUM" ] && exit 0
  echo "apt-get did not install $CHROMIUM; install Debian's chromium package, then run npm test again." >&2
  exit 1
fi

if command -v apt-get >/dev/null 2>&1; then
  command='sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'
else
  command="install Chromium so that $CHROMIUM runs it (Debian: apt-get install -y chromium)"
fi
cat >&2 <<MESSAGE
The browser tests need Debian's Chromium at $CHROMIUM, which is missing. Run:

  $command

then npm test again. (Never "npx playwright install": the tests use the system's Chromium.)
MESSAGE
exit 1
