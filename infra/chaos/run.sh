#!/usr/bin/env bash
# The container part of CI: builds the images (infra/podman/build-images.sh), brings the compose
# stack up with podman-compose (infra/podman/stack.sh), checks it end to end, runs the fault-injection
# suite (chaos.py), plays the Helm chart with podman kube play (infra/podman/kube-play.sh), and
# always tears everything down (containers, volumes, network), also on failure
# or Ctrl-C. Prints the fault table and one "chaos NAME: PASS|FAIL|SKIP" line per step, which
# infra/scripts/test.sh adds to its final count. Exit status 0 only when every step passed.
#   CHAOS_KEEP=1      leave the stack running afterwards (for a look around; `stack.sh down` later)
#   CHAOS_SCENARIOS=kill,postgres   a subset; CHAOS_RUNS / CHAOS_OUTAGE_RUNS: runs per scenario
#   CHAOS_BREAK=double-count        a deliberately wrong counter: the suite must fail
set -euo pipefail
LOG_TAG=chaos
CHAOS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$CHAOS_DIR/../podman/lib.sh"
require_root_podman
STACK="$REPO/infra/podman/stack.sh"
eval "$("$STACK" env)"
export CHAOS_RESULTS="${CHAOS_RESULTS:-$CCTVMASK_PODMAN_WORK/chaos-results.json}"

teardown() {
  local rc=$?
  if [ "${CHAOS_KEEP:-0}" = 1 ]; then
    log "CHAOS_KEEP=1: stack left running (infra/podman/stack.sh down removes it)"
  else
    for c in $(podman ps -a -q --filter "label=io.podman.compose.project=$COMPOSE_PROJECT_NAME" 2>/dev/null); do
      podman unpause "$c" >/dev/null 2>&1 || true   # a paused container cannot be removed
    done
    "$STACK" down || log "teardown had errors"
  fi
  exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT TERM

t0=$SECONDS
"$STACK" down   # leftovers of an interrupted run
"$REPO/infra/podman/build-images.sh"
t_build=$((SECONDS - t0))

status=0
t1=$SECONDS
if "$STACK" up && "$STACK" check; then
  echo "chaos stack: PASS"
else
  echo "chaos stack: FAIL"
  podman ps -a --filter "label=io.podman.compose.project=$COMPOSE_PROJECT_NAME" --format '{{.Names}} {{.Status}}' >&2 || true
  exit 1
fi
t_up=$((SECONDS - t1))

t2=$SECONDS
/usr/bin/python3 "$CHAOS_DIR/chaos.py" || status=$?
t_chaos=$((SECONDS - t2))

# The Helm chart under podman kube play (its own network, PostgreSQL and Redis); CHAOS_KUBE=0 skips.
t3=$SECONDS
if [ "${CHAOS_KUBE:-1}" = 1 ] && [ -z "${CHAOS_SCENARIOS:-}" ]; then
  "$STACK" down
  if ! "$REPO/infra/podman/kube-play.sh"; then echo "chaos kube-play: FAIL"; status=1; fi
fi
log "timings: images ${t_build} s, stack up + check ${t_up} s, fault suite ${t_chaos} s, kube play $((SECONDS - t3)) s, total $((SECONDS - t0)) s"
exit "$status"
