#!/usr/bin/env bash
# End-to-end run: the bot + the real Microsoft 365 Agents Playground, driven by Playwright in Debian's Chromium.
#
#   tests/EndToEnd/run.sh [spec-file ...]        default: every *.spec.mjs here (paths relative to tests/EndToEnd)
#
# Installs what it needs (Debian chromium, npm ci here), builds and starts the bot (Release, Development
# environment = anonymous local mode, http://127.0.0.1:3978), starts the playground headless on loopback, waits
# for both, runs the specs with `node --test`, and always stops both. Logs and screenshots: tests/EndToEnd/artifacts/.
#
# Environment:
#   E2E_BOT_COMMAND   start this instead of the repo's bot (e.g. a throwaway echo bot; see harness.selftest.md)
#   E2E_BOT_PORT      default 3978        E2E_PLAYGROUND_PORT   default 56150
#   E2E_TIMEOUT       seconds for the whole spec run, default 240
set -euo pipefail
e2e="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$e2e/../.." && pwd)"
artifacts="$e2e/artifacts"
bot_port="${E2E_BOT_PORT:-3978}"
pg_port="${E2E_PLAYGROUND_PORT:-56150}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

specs=("$@")
if [[ ${#specs[@]} -eq 0 ]]; then
  # Every spec in this folder (not selftest/), in name order.
  specs=()
  for spec in "$e2e"/*.spec.mjs; do specs+=("$(basename "$spec")"); done
fi
for spec in "${specs[@]}"; do
  [[ -f "$e2e/$spec" ]] || { echo "error: no spec $e2e/$spec" >&2; exit 2; }
done

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

rm -rf "$artifacts"
mkdir -p "$artifacts/playground" "$artifacts/bot"

# ---- prerequisites (idempotent)
if [[ ! -x /usr/bin/chromium ]]; then
  log "installing Debian chromium"
  sudo_="" ; [[ $(id -u) -eq 0 ]] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium >/dev/null
fi
if ! cmp -s "$e2e/package-lock.json" "$e2e/node_modules/.package-lock.json.ci" 2>/dev/null; then
  log "npm ci"
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$e2e/package-lock.json" "$e2e/node_modules/.package-lock.json.ci"
fi

for port in "$bot_port" "$pg_port"; do
  # The playground silently moves to a random port when its port is taken; fail clearly instead.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "error: port $port is already in use (another bot or playground running?)" >&2
    exit 1
  fi
done

# A fresh store per run: the bot welcomes a conversation once and remembers it, and the playground config uses
# fixed conversation ids, so a store kept between runs would swallow the welcome card.
export Storage__Provider=sqlite Storage__SqlitePath="$artifacts/bot/expertbot.db"

# ---- processes: each in its own session/process group, stopped on any exit
pids=()
cleanup() {
  local code=$?
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  log "stopped bot and playground; logs and screenshots in ${artifacts#"$root"/}/"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -n "${E2E_BOT_COMMAND:-}" ]]; then
  log "bot: $E2E_BOT_COMMAND"
  (cd "$artifacts/bot" && ASPNETCORE_ENVIRONMENT=Development Urls="http://127.0.0.1:$bot_port" \
    ASPNETCORE_URLS="http://127.0.0.1:$bot_port" exec setsid bash -c "exec $E2E_BOT_COMMAND") >"$artifacts/bot.log" 2>&1 &
  pids+=($!)
else
  log "building the bot (Release)"
  dotnet build "$root/src/Bot/Bot.csproj" -c Release -nologo -v quiet >"$artifacts/build.log" 2>&1 \
    || { tail -30 "$artifacts/build.log" >&2; exit 1; }
  dll="$root/src/Bot/bin/Release/net10.0/ExpertBot.Bot.dll"
  # Content root = the project (its appsettings*.json, like `dotnet run`); working directory = artifacts/bot.
  (cd "$artifacts/bot" && ASPNETCORE_ENVIRONMENT=Development Urls="http://127.0.0.1:$bot_port" \
    exec setsid dotnet "$dll" --contentRoot "$root/src/Bot") >"$artifacts/bot.log" 2>&1 &
  pids+=($!)
fi

# The playground looks for its config and writes ./devTools/ in its working directory.
(cd "$artifacts/playground" && TEAMSAPPTESTER_BROWSER=none \
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$e2e/playground/m365agentsplayground.yml" \
  M365_AGENTS_PLAYGROUND_LOGFILE="$artifacts/playground/m365agentsplayground.log" \
  exec setsid node "$e2e/node_modules/@microsoft/m365agentsplayground/cli.js" start \
    -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$pg_port" \
    --service-url "http://127.0.0.1:$pg_port/_connector" --disable-telemetry) >"$artifacts/playground.log" 2>&1 &
pids+=($!)

wait_for() { # name url expected-body-fragment timeout-seconds pid
  local deadline=$((SECONDS + $4))
  until curl -fsS --max-time 2 "$2" 2>/dev/null | grep -q "$3"; do
    if ! kill -0 "$5" 2>/dev/null; then echo "error: $1 exited; see ${artifacts#"$root"/}/$1.log" >&2; tail -20 "$artifacts/$1.log" >&2; exit 1; fi
    if (( SECONDS >= deadline )); then echo "error: $1 not healthy at $2 after $4 s" >&2; tail -20 "$artifacts/$1.log" >&2; exit 1; fi
    sleep 0.5
  done
  log "$1 healthy ($2)"
}
wait_for bot "http://127.0.0.1:$bot_port/healthz" ok 60 "${pids[0]}"
wait_for playground "http://127.0.0.1:$pg_port/_debug/ping" pong 60 "${pids[1]}"

log "specs: ${specs[*]}"
set +e
(cd "$e2e" && PLAYGROUND_URL="http://127.0.0.1:$pg_port/" BOT_URL="http://127.0.0.1:$bot_port" E2E_ARTIFACTS="$artifacts" \
  timeout "${E2E_TIMEOUT:-240}" node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}") 2>&1 | tee "$artifacts/specs.log"
status=${PIPESTATUS[0]}
set -e
if [[ $status -eq 0 ]]; then log "PASS"; else log "FAIL (exit $status)"; fi
exit "$status"
