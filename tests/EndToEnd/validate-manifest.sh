#!/usr/bin/env bash
# Builds the Teams app package with test ids, unzips it and checks it offline:
#   manifest.json (+ icons) with shared/tools/cards/validate.mjs against shared/schemas/teams/v<manifestVersion>,
#   every localization file against the same version's MicrosoftTeams.Localization.schema.json.
# The validator lives beside the checkout (../shared/tools/cards from the repo root); CARDS_TOOLS overrides it.
# Usage: tests/EndToEnd/validate-manifest.sh        exit 0 = valid package
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

find_tools() {
  if [[ -n "${CARDS_TOOLS:-}" ]]; then echo "$CARDS_TOOLS"; return; fi
  # ../shared next to the checkout; also further up, so a git worktree (e.g. /work/wt/x) finds /work/shared.
  local dir="$root/.."
  while [[ "$(cd "$dir" && pwd)" != "/" ]]; do
    if [[ -f "$dir/shared/tools/cards/validate.mjs" ]]; then (cd "$dir/shared/tools/cards" && pwd); return; fi
    dir="$dir/.."
  done
  echo "error: shared/tools/cards/validate.mjs not found beside the checkout (set CARDS_TOOLS)" >&2
  exit 2
}
tools="$(find_tools)"
schemas="$(cd "$tools/../../schemas" && pwd)"

# The validator's own dependencies, per its README (once; npm ci is not run when they are already there).
if [[ ! -d "$tools/node_modules/ajv-draft-04" || ! -d "$tools/node_modules/adaptivecards" ]]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
app_id=11111111-2222-4333-8444-555555555555
bot_id=66666666-7777-4888-9999-000000000000

dotnet run --project src/Bot -- package --app-id "$app_id" --bot-id "$bot_id" --version 1.0.0 --out "$work/app.zip" >/dev/null
unzip -q "$work/app.zip" -d "$work/app"
echo "package: $(cd "$work/app" && ls | tr '\n' ' ')"

node "$tools/validate.mjs" --manifest "$work/app/manifest.json"

# Localization files: validate.mjs checks manifests and cards only, so use its ajv against the Localization schema
# (unicodeRegExp off: the published schema has patterns such as `\b]` that only non-unicode RegExps accept).
node --input-type=module - "$tools" "$schemas" "$work/app" <<'EOF'
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
const [tools, schemas, app] = process.argv.slice(2);
const require = createRequire(path.join(tools, "validate.mjs"));
const Ajv04 = require("ajv-draft-04").default ?? require("ajv-draft-04");
const manifest = JSON.parse(fs.readFileSync(path.join(app, "manifest.json"), "utf8"));
const schema = JSON.parse(fs.readFileSync(path.join(schemas, "teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.Localization.schema.json"), "utf8"));
const addFormats = require("ajv-formats").default ?? require("ajv-formats");
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const files = [manifest.localizationInfo?.defaultLanguageFile, ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)].filter(Boolean);
let failed = 0;
for (const file of files) {
  const p = path.join(app, file);
  if (!fs.existsSync(p)) { console.log(`== ${file}: FAIL (listed in localizationInfo, missing from the zip)`); failed++; continue; }
  const data = JSON.parse(fs.readFileSync(p, "utf8"));
  const keys = Object.keys(data).filter((k) => k !== "$schema" && k !== "localizationKeys");
  if (validate(data)) { console.log(`== ${file}: localization ${manifest.manifestVersion} PASS (${keys.length} strings)`); continue; }
  failed++;
  console.log(`== ${file}: FAIL`);
  for (const e of validate.errors) console.log(`  ${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`);
}
process.exit(failed ? 1 : 0);
EOF
echo "validate-manifest: OK"
