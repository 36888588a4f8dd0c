#!/bin/sh
# Make sure headless Chromium is installed for the browser tests and report.pdf (Debian package `chromium`).
# Idempotent: does nothing when /usr/bin/chromium exists. Installs with apt-get otherwise (as root, or via
# sudo when available). Exits non-zero only when it had to install and could not.
set -eu

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium by hand" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "ensure-chromium: $CHROMIUM is missing; run as root: apt-get install -y chromium" >&2
    exit 1
fi
echo "ensure-chromium: installing the Debian package chromium (a few minutes, once)" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
if [ ! -x "$CHROMIUM" ]; then
    echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
    exit 1
fi
