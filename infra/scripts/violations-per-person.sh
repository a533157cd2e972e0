#!/usr/bin/env bash
# Violations per person from a real run (README, "Violations"): the built Release server at default settings
# with the simulator's crowd and street cameras for MINUTES (4), then the API's counts per camera: violations,
# incidents, and different people of the run's hour (masked / unmasked / not assessable).
# Needs `. infra/scripts/setup.sh` (CCTVMASK_TEST_RTSP, CCTVMASK_MODELS) and
# `dotnet build src/CctvMask.Server -c Release`. Usage: bash infra/scripts/violations-per-person.sh [MINUTES]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MINUTES="${1:-4}"
RTSP="${CCTVMASK_TEST_RTSP:?run . infra/scripts/setup.sh first}"
KEY="violations-per-person-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
PORT="${CCTVMASK_PORT:-5392}"
URL="http://127.0.0.1:$PORT"
DATA="$(mktemp -d /tmp/cctvmask-vpp-XXXXXX)"
SERVER="$REPO/src/CctvMask.Server/bin/Release/net10.0/linux-x64"

cd "$SERVER"
CCTVMASK_DATA="$DATA" CCTVMASK_ADMIN_KEY="$KEY" Orleans__SiloPort=21112 Orleans__GatewayPort=31002 \
  nice -n 19 dotnet CctvMask.Server.dll --urls "$URL" > "$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until curl -sf "$URL/healthz" >/dev/null; do sleep 1; done

api() { curl -sf -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
api -X POST "$URL/api/cameras" -d "{\"id\":\"crowd\",\"name\":\"Crowd\",\"url\":\"$RTSP/crowd360\"}" >/dev/null
api -X POST "$URL/api/cameras" -d "{\"id\":\"street\",\"name\":\"Street\",\"url\":\"$RTSP/street\"}" >/dev/null
echo "cameras added at $START; analysing for $MINUTES min (server log: $DATA/server.log)"
sleep $((MINUTES * 60))
END=$(date -u +%Y-%m-%dT%H:%M:%SZ)

for c in crowd street; do
  v=$(api "$URL/api/violations?cameraId=$c&pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  i=$(api "$URL/api/incidents?cameraId=$c&pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  api "$URL/api/cameras/$c/compliance?from=$START&to=$END&bucket=hour" | V=$v I=$i C=$c python3 -c '
import json, os, sys
t = json.load(sys.stdin)["total"] or {}
people, masked, unmasked, unknown = (t.get(k, 0) for k in ("people", "masked", "unmasked", "unknown"))
v, i, c = int(os.environ["V"]), int(os.environ["I"]), os.environ["C"]
per = lambda n, d: "%.3f" % (n / d) if d else "n/a"
print("%s: %d violations, %d incidents; people %d (masked %d, unmasked %d, not assessable %d); "
      "violations per unmasked person %s, incidents per unmasked person %s, incidents per person %s"
      % (c, v, i, people, masked, unmasked, unknown, per(v, unmasked), per(i, unmasked), per(i, people)))'
done
echo "run $START .. $END"
