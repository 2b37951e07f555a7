#!/usr/bin/env bash
# Installs what Savy needs on a Debian machine with Swift 6.1+, builds it, and scores the
# bundled sample chat: one JSON line per message.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
# ICU is required; Voikko (libvoikko1, voikko-fi) lemmatises Finnish when present.
packages="libicu-dev pkg-config libvoikko1 voikko-fi"
if ! dpkg -s $packages >/dev/null 2>&1; then
  $sudo apt-get update
  $sudo apt-get install -y $packages
fi
swift build -c release
.build/release/savy score --input samples/chats.txt
