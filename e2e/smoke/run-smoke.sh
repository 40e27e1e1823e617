#!/usr/bin/env bash
# The post-deploy smoke suite against any deployment:
#   e2e/smoke/run-smoke.sh <admin-url> [evaluator-url]
# Environment: SMOKE_TOKEN (admin API token, editor or admin), SMOKE_SDK_KEY (server SDK key),
# SMOKE_EMAIL and SMOKE_PASSWORD (a console user, for the signed-in pages), optionally
# SMOKE_CHROMIUM (the browser; /usr/bin/chromium or Chrome by default).
# Against ./mvnw -Prun, whatever is not set is read from .flagstream/credentials.properties.
# Prints a summary; writes it and JUnit XML to e2e/target/smoke/; exits non-zero on any failure.
# Builds only this module (e2e/smoke), never the services, so it runs beside a running platform.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/e2e/smoke"
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 <admin-url> [evaluator-url]" >&2
  exit 2
fi

local_credentials="$root/.flagstream/credentials.properties"
local_value() { grep "^$1=" "$local_credentials" | head -n 1 | cut -d= -f2-; }
if [ -r "$local_credentials" ]; then
  used_local=0
  if [ -z "${SMOKE_TOKEN:-}" ]; then SMOKE_TOKEN="$(local_value token)"; used_local=1; fi
  if [ -z "${SMOKE_SDK_KEY:-}" ]; then SMOKE_SDK_KEY="$(local_value serverKey)"; used_local=1; fi
  if [ -z "${SMOKE_EMAIL:-}" ]; then SMOKE_EMAIL="$(local_value email)"; used_local=1; fi
  if [ -z "${SMOKE_PASSWORD:-}" ]; then
    # Properties escape ':' and '=' with a backslash; the passwords made up locally have neither.
    SMOKE_PASSWORD="$(local_value password)"; used_local=1
  fi
  if [ "$used_local" = 1 ]; then echo "Using the local run's credentials ($local_credentials)."; fi
fi
export SMOKE_TOKEN="${SMOKE_TOKEN:-}" SMOKE_SDK_KEY="${SMOKE_SDK_KEY:-}"
export SMOKE_EMAIL="${SMOKE_EMAIL:-}" SMOKE_PASSWORD="${SMOKE_PASSWORD:-}"
export SMOKE_REPORTS="${SMOKE_REPORTS:-$root/e2e/target/smoke}"
# Playwright drives the machine's browser and must not download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

classpath="$module/target/smoke-classpath.txt"
echo "Building the smoke suite (e2e/smoke only)..."
"$root/mvnw" -B -q --no-transfer-progress -f "$module/pom.xml" \
  -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true -Denforcer.skip=true \
  compile dependency:build-classpath -Dmdep.outputFile="$classpath" -Dmdep.includeScope=runtime

exec java -cp "$module/target/classes:$(cat "$classpath")" dev.flagstream.smoke.RunSmoke "$@"
