#!/usr/bin/env bash
# hardening-repro.sh: re-runs every reproduction of issue 8 ("Hardening") against the built Release server and prints
# one line per check: [item] request | expected | got (status, problem+json, Retry-After) | PASS/FAIL, then a count.
# Manual, not run by CI (about 8 minutes; it starts its own PostgreSQL cluster, RTSP simulator and servers on random
# ports under a temp folder, and never touches the shared cluster). Exit status 1 if a check failed.
# Needs: root (the private cluster runs as the postgres user), `. infra/scripts/setup.sh` (CCTVMASK_TEST_RTSP, models),
# and `dotnet build src/CctvMask.Server -c Release`. Logs stay in the printed work folder.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DLL="$REPO/src/CctvMask.Server/bin/Release/net10.0/linux-x64/CctvMask.Server.dll"
[ -f "$DLL" ] || { echo "build first: dotnet build src/CctvMask.Server -c Release" >&2; exit 2; }
[ -x /usr/lib/postgresql/15/bin/initdb ] || { echo "needs PostgreSQL 15 binaries (initdb, pg_ctl)" >&2; exit 2; }
: "${CCTVMASK_TEST_RTSP:?source infra/scripts/setup.sh first}"
exec python3 "$REPO/infra/scripts/hardening-repro/main.py" "$@"
