#!/usr/bin/env bash
# The container part of CI (infra/scripts/test.sh runs it): builds the images
# (infra/podman/build-images.sh), brings the compose stack up with podman-compose
# (infra/podman/stack.sh), checks it end to end, runs the fault-injection suite (chaos.py), plays the
# Helm chart with podman kube play (infra/podman/kube-play.sh), and always tears everything down
# (containers, volumes, networks), also on failure, timeout or Ctrl-C. Every phase has a hard time
# limit; one that runs out fails with a line saying so instead of hanging.
# Prints the fault table and one "chaos NAME: PASS|FAIL|SKIP" line per check (images, stack-up,
# stack/..., SCENARIO/INVARIANT, kube-play), which test.sh counts as tests. Exit status 0 only when
# every check passed.
#   run.sh down       only remove what an interrupted run left behind (stack and kube play)
#   CHAOS_KEEP=1      leave the stack running afterwards (for a look around; `stack.sh down` later)
#   CHAOS_SCENARIOS=kill,postgres   a subset (kube play is then skipped); CHAOS_RUNS /
#                     CHAOS_OUTAGE_RUNS: runs per scenario (chaos.py)
#   CHAOS_BREAK=double-count        a deliberately wrong counter: the suite must fail
#   CHAOS_LIMIT_IMAGES / _UP / _CHECK / _SUITE / _KUBE   phase limits in seconds
set -euo pipefail
LOG_TAG=chaos
CHAOS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$CHAOS_DIR/../podman/lib.sh"
require_root_podman
STACK="$REPO/infra/podman/stack.sh"
KUBE="$REPO/infra/podman/kube-play.sh"
eval "$("$STACK" env)"
export CHAOS_RESULTS="${CHAOS_RESULTS:-$CCTVMASK_PODMAN_WORK/chaos-results.json}"

# Generous for this 2-core machine: images 314 s from nothing (then ~1 min), stack up + check
# ~110 s, the suite ~6 min, kube play ~1 min.
LIMIT_IMAGES="${CHAOS_LIMIT_IMAGES:-900}" LIMIT_UP="${CHAOS_LIMIT_UP:-360}" LIMIT_CHECK="${CHAOS_LIMIT_CHECK:-300}"
LIMIT_SUITE="${CHAOS_LIMIT_SUITE:-1200}" LIMIT_KUBE="${CHAOS_LIMIT_KUBE:-300}" LIMIT_DOWN=120

remove_all() {
  for c in $(podman ps -a -q --filter "label=io.podman.compose.project=$COMPOSE_PROJECT_NAME" 2>/dev/null); do
    podman unpause "$c" >/dev/null 2>&1 || true   # a paused container cannot be removed
  done
  timeout -k 10 "$LIMIT_DOWN" "$STACK" down || log "stack teardown had errors"
  timeout -k 10 "$LIMIT_DOWN" "$KUBE" down || log "kube play teardown had errors"
}
if [ "${1:-}" = down ]; then remove_all; exit 0; fi

# A phase runs in the background under `timeout` so that a TERM/INT to this script (test.sh's own
# limit, Ctrl-C) is handled at once: the phase is stopped, then everything is torn down.
PHASE_PID=""
phase() { # phase LIMIT NAME COMMAND...: 0, the command's status, or 124 when it ran out of time
  local limit="$1" name="$2" rc=0; shift 2
  timeout -k 20 "$limit" "$@" & PHASE_PID=$!
  wait "$PHASE_PID" || rc=$?
  PHASE_PID=""
  [ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || log "$name: timed out after $limit s"
  return "$rc"
}
teardown() {
  local rc=$?
  if [ -n "$PHASE_PID" ]; then kill -TERM "$PHASE_PID" 2>/dev/null || true; wait "$PHASE_PID" 2>/dev/null || true; fi
  if [ "${CHAOS_KEEP:-0}" = 1 ]; then
    log "CHAOS_KEEP=1: stack left running (infra/podman/stack.sh down removes it)"
  else
    remove_all
  fi
  exit "$rc"
}
trap teardown EXIT
trap 'log "interrupted"; exit 130' INT TERM

t0=$SECONDS
remove_all   # leftovers of an interrupted run
if phase "$LIMIT_IMAGES" images "$REPO/infra/podman/build-images.sh"; then
  echo "chaos images: PASS"
else
  echo "chaos images: FAIL"; exit 1
fi
t_build=$((SECONDS - t0))

t1=$SECONDS
if phase "$LIMIT_UP" stack-up "$STACK" up; then
  echo "chaos stack-up: PASS"
else
  echo "chaos stack-up: FAIL"
  podman ps -a --filter "label=io.podman.compose.project=$COMPOSE_PROJECT_NAME" --format '{{.Names}} {{.Status}}' >&2 || true
  exit 1
fi
# stack.sh check prints its own "chaos stack/NAME" lines; a timeout is one more failure.
check=0; phase "$LIMIT_CHECK" stack-check "$STACK" check || check=$?
if [ "$check" -ne 0 ]; then
  [ "$check" -ne 124 ] && [ "$check" -ne 137 ] || echo "chaos stack/timed-out: FAIL"
  exit 1
fi
t_up=$((SECONDS - t1))

status=0
t2=$SECONDS
suite=0; phase "$LIMIT_SUITE" suite /usr/bin/python3 "$CHAOS_DIR/chaos.py" || suite=$?
if [ "$suite" -ne 0 ]; then
  status=1
  [ "$suite" -ne 124 ] && [ "$suite" -ne 137 ] || echo "chaos suite/timed-out: FAIL"
fi
t_chaos=$((SECONDS - t2))

# The Helm chart under podman kube play (its own network, PostgreSQL and Redis); CHAOS_KUBE=0 skips.
t3=$SECONDS
if [ "${CHAOS_KUBE:-1}" = 1 ] && [ -z "${CHAOS_SCENARIOS:-}" ]; then
  phase "$LIMIT_DOWN" stack-down "$STACK" down || true
  phase "$LIMIT_KUBE" kube-play "$KUBE" || { echo "chaos kube-play: FAIL"; status=1; }
fi
log "timings: images ${t_build} s, stack up + check ${t_up} s, fault suite ${t_chaos} s, kube play $((SECONDS - t3)) s, total $((SECONDS - t0)) s"
exit "$status"
