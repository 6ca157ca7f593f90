#!/usr/bin/env bash
# Sets up a fresh machine and builds the site from data/: Debian packages (Chromium,
# poppler-utils, qpdf and Java (the Nu HTML checker), all for the tests),
# a virtual environment with the pinned Python packages, then `invoke build`.
set -euo pipefail
cd "$(dirname "$0")"

debian_packages=(chromium poppler-utils qpdf default-jre-headless)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Please install: ${missing[*]} (needed by the browser tests only)" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
.venv/bin/invoke build
