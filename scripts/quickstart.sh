#!/usr/bin/env bash
# Installs what Savy needs on a Debian machine with Swift 6.1+, builds it, and scores the
# bundled sample chat: one JSON line per message.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
if ! pkg-config --exists icu-uc icu-i18n 2>/dev/null; then
  $sudo apt-get update
  $sudo apt-get install -y libicu-dev pkg-config
fi
swift build -c release
.build/release/savy score --input samples/chats.txt
