#!/usr/bin/env bash
# Checks every sample Adaptive Card the bot can send (src/Bot/Cards/CardDump.cs) with the official schemas and
# Teams host rules: ../shared/tools/cards/validate.mjs (Adaptive Cards 1.5 schema, Teams limits, the adaptivecards
# renderer's own checks). Fails on any error.
#
#   tests/EndToEnd/validate-cards.sh [--render NAME...]   # --render: also PNGs of these samples (needs chromium)
#
# Environment: EXPERTBOT_SHARED (default ../shared beside the checkout), EXPERTBOT_CARD_OUT (default a temp dir),
# EXPERTBOT_CARD_TOOLS (scratch copy of the tools with their npm packages; default $TMPDIR/expertbot-card-tools).
# The tools are copied out of ../shared and installed with `npm ci` there, so ../shared stays untouched.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${EXPERTBOT_SHARED:-$repo/../shared}"
if [[ -z "${EXPERTBOT_SHARED:-}" && ! -d "$shared" ]]; then
  # A git worktree lives elsewhere: ../shared is beside the main checkout.
  common="$(git -C "$repo" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)"
  [[ -n "$common" && -d "$(dirname "$common")/../shared" ]] && shared="$(dirname "$common")/../shared"
fi
if [[ ! -f "$shared/tools/cards/validate.mjs" ]]; then
  echo "no $shared/tools/cards/validate.mjs; set EXPERTBOT_SHARED to the shared folder" >&2
  exit 2
fi
shared="$(cd "$shared" && pwd)"
tools="${EXPERTBOT_CARD_TOOLS:-${TMPDIR:-/tmp}/expertbot-card-tools}"
out="${EXPERTBOT_CARD_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/expertbot-cards.XXXXXX")}"
render=()
if [[ "${1:-}" == "--render" ]]; then
  shift
  render=("$@")
fi

# 1. The validator and renderer, with their npm dependencies, in a scratch folder (reinstalled when the lock changes).
mkdir -p "$tools"
rm -rf "$tools/validate.mjs" "$tools/render.mjs" "$tools/render-assets" "$tools/package.json" "$tools/package-lock.json"
cp -R "$shared/tools/cards/validate.mjs" "$shared/tools/cards/render.mjs" "$shared/tools/cards/render-assets" \
  "$shared/tools/cards/package.json" "$shared/tools/cards/package-lock.json" "$tools/"
chmod -R u+w "$tools/render-assets" "$tools"/*.mjs "$tools"/package*.json  # the shared originals are read-only
lock_hash="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
if [[ ! -d "$tools/node_modules" || "$(cat "$tools/.lock-hash" 2>/dev/null)" != "$lock_hash" ]]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$tools/.lock-hash"
fi

# 2. Every sample card as a JSON file: the env-gated dump test writes them (a plain `dotnet test` writes nothing).
rm -rf "$out/cards"
mkdir -p "$out/cards"
EXPERTBOT_CARD_DUMP_DIR="$out/cards" dotnet test "$repo/tests/Bot.Tests" --nologo -v q \
  --filter "FullyQualifiedName~Cards.CardDumpTests.Samples_DumpDirSet_WritesEveryCard" >"$out/dump.log" 2>&1 \
  || { cat "$out/dump.log"; echo "card dump failed" >&2; exit 1; }
shopt -s nullglob
cards=("$out/cards"/*.json)
if (( ${#cards[@]} == 0 )); then
  echo "no cards were dumped to $out/cards" >&2
  exit 1
fi

# 3. Validate all of them in one run (exit 1 on any error).
args=()
for card in "${cards[@]}"; do args+=(--card "$card"); done
status=0
node "$tools/validate.mjs" --host teams --schemas "$shared/schemas" "${args[@]}" >"$out/validate.log" 2>&1 || status=$?
grep -E '^(== |  ERROR|  WARN|[0-9]+ passed)' "$out/validate.log" || true
if (( status != 0 )); then
  echo "card validation failed ($status); full log: $out/validate.log" >&2
  exit "$status"
fi

# 4. Optional screenshots with the real adaptivecards renderer and the Teams host config.
for name in "${render[@]}"; do
  node "$tools/render.mjs" --card "$out/cards/$name.json" --out "$out/png" >"$out/png-$name.log" 2>&1 \
    || { cat "$out/png-$name.log"; echo "rendering $name failed" >&2; exit 1; }
  echo "rendered $out/png/$name.png"
done

echo "${#cards[@]} cards valid; output in $out"
