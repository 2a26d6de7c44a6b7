#!/usr/bin/env bash
# Debian packages the tests use: Chromium (browser tests, PDF), poppler-utils (PDF text),
# PostgreSQL (server mode). Installs only what is missing; needs root.
set -euo pipefail
pkgs=()
[ -x /usr/bin/chromium ] || pkgs+=(chromium)
command -v pdftotext >/dev/null 2>&1 || pkgs+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || pkgs+=(postgresql)
[ ${#pkgs[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing Debian packages: ${pkgs[*]} (run: sudo apt-get install ${pkgs[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
