#!/usr/bin/env bash
# The third README command: every check that needs Node, Chromium or the shared schemas.
# Installs its own prerequisites (Debian chromium, npm packages) and runs:
#   1. every Adaptive Card the bot can send, validated against the official schema with Teams host rules;
#   2. the Teams app package (manifest + icons) validated against the manifest schema;
#   3. a conversation in the real Microsoft 365 Agents Playground, driven by Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "== Adaptive Cards against the official schema"
tests/EndToEnd/validate-cards.sh
echo "== Teams app package"
tests/EndToEnd/validate-manifest.sh
echo "== Conversation in the Agents Playground"
tests/EndToEnd/run.sh "$@"
