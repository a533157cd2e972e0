#!/usr/bin/env bash
# The compose stack for real with podman-compose and the repository's docker-compose.yml:
# PostgreSQL, Redis, the models one-shot (seeded offline from ../shared/models), two silos and the
# camera simulator serving a clip from ../shared/videos (read-only bind mount).
#   stack.sh up      start it in dependency order, each step waited for (bounded)
#   stack.sh check   register a camera on silo 1 and check: it streams, both silos list each other,
#                    violations and compliance rows land in PostgreSQL, the image's HEALTHCHECK passes;
#                    one "chaos stack/NAME: PASS|FAIL" line per check (test.sh counts them), stops
#                    at the first failure
#   stack.sh down    remove containers, volumes and the network
#   stack.sh env     print the environment the commands use (eval "$(stack.sh env)")
# podman-compose 1.0.3 ignores depends_on conditions and profiles, so `up` names services and waits
# itself. Images come from infra/podman/build-images.sh.
set -euo pipefail
LOG_TAG=stack
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SHARED="${CCTVMASK_SHARED:-$(cd "$REPO/.." && pwd)/shared}"
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-cctvmaskci}"
export CCTVMASK_ADMIN_KEY="${CCTVMASK_ADMIN_KEY:-ci-admin-key-$(printf '%s' "$COMPOSE_PROJECT_NAME" | sha256sum | cut -c1-16)}"
export CCTVMASK_PORT="${CCTVMASK_PORT:-18080}" CCTVMASK_PORT_2="${CCTVMASK_PORT_2:-18081}"
export CCTVMASK_RTSP_PORT="${CCTVMASK_RTSP_PORT:-18554}"
export CCTVMASK_DEMO_CLIPS="${CCTVMASK_DEMO_CLIPS:-$SHARED/videos}"
export CCTVMASK_DEMO_CLIP="${CCTVMASK_DEMO_CLIP:-crowd_640x360_10fps.mp4}"
export CCTVMASK_MODELS_SEED_DIR="${CCTVMASK_MODELS_SEED_DIR:-$SHARED/models/face-detection}"
export CCTVMASK_DETECT_FPS="${CCTVMASK_DETECT_FPS:-2}"
export POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-cctvmask}"
NET="${COMPOSE_PROJECT_NAME}_default"
SILO1="${COMPOSE_PROJECT_NAME}_server-1_1" SILO2="${COMPOSE_PROJECT_NAME}_server-2_1"
PG="${COMPOSE_PROJECT_NAME}_postgres_1" REDIS="${COMPOSE_PROJECT_NAME}_redis_1"
RTSP="${COMPOSE_PROJECT_NAME}_rtsp_1" MODELS="${COMPOSE_PROJECT_NAME}_models_1"
CAMERA="${CCTVMASK_CAMERA:-lobby}"

# CCTVMASK_COMPOSE_OVERRIDE: an extra compose file merged over docker-compose.yml (e.g. the suite's
# deliberately broken infra/chaos/broken.override.yml).
compose() {
  podman-compose --no-ansi -f "$REPO/docker-compose.yml" ${CCTVMASK_COMPOSE_OVERRIDE:+-f "$CCTVMASK_COMPOSE_OVERRIDE"} \
    -p "$COMPOSE_PROJECT_NAME" "$@"
}
api() { # api PORT METHOD PATH [JSON]
  local port="$1" method="$2" path="$3"
  curl -fsS --max-time 10 -X "$method" -H "X-Api-Key: $CCTVMASK_ADMIN_KEY" \
    ${4:+-H "Content-Type: application/json" --data "$4"} "http://127.0.0.1:$port$path"
}
psql_q() { podman exec "$PG" psql -U cctvmask -d cctvmask -qtAX -c "$1"; }
ready() { curl -fsS --max-time 5 "http://127.0.0.1:$1/readyz" >/dev/null; }
models_done() { [ "$(podman inspect -f '{{.State.Status}} {{.State.ExitCode}}' "$MODELS")" = "exited 0" ]; }

cmd_up() {
  require_root_podman
  command -v podman-compose >/dev/null || die "podman-compose is not installed (apt-get install podman-compose)"
  for image in "$CCTVMASK_IMAGE" "$CCTVMASK_POSTGRES_IMAGE" "$CCTVMASK_REDIS_IMAGE" "$CCTVMASK_RTSP_IMAGE"; do
    image_exists "$image" || die "image $image missing: run infra/podman/build-images.sh"
  done
  [ -f "$CCTVMASK_DEMO_CLIPS/$CCTVMASK_DEMO_CLIP" ] || die "clip $CCTVMASK_DEMO_CLIPS/$CCTVMASK_DEMO_CLIP not found"
  local start=$SECONDS
  log "up: postgres, redis, models (project $COMPOSE_PROJECT_NAME)"
  compose up -d --no-build postgres redis models > "$CCTVMASK_PODMAN_WORK/compose-up.log" 2>&1 \
    || { tail -n 30 "$CCTVMASK_PODMAN_WORK/compose-up.log" >&2; die "podman-compose up failed"; }
  wait_until 60 "postgres to accept connections" podman exec "$PG" pg_isready -U cctvmask -d cctvmask || { podman logs "$PG" 2>&1 | tail -20 >&2; return 1; }
  wait_until 30 "redis to answer" podman exec "$REDIS" redis-cli ping || { podman logs "$REDIS" 2>&1 | tail -20 >&2; return 1; }
  wait_until 60 "the models one-shot" models_done || { podman logs "$MODELS" 2>&1 | tail -20 >&2; return 1; }
  # The second silo starts once the first is ready, so migrations run once (as compose's depends_on).
  for svc in server-1 server-2; do
    local port="$CCTVMASK_PORT"; [ "$svc" = server-2 ] && port="$CCTVMASK_PORT_2"
    log "up: $svc (http://127.0.0.1:$port)"
    compose up -d --no-build "$svc" >> "$CCTVMASK_PODMAN_WORK/compose-up.log" 2>&1 \
      || { tail -n 30 "$CCTVMASK_PODMAN_WORK/compose-up.log" >&2; die "podman-compose up $svc failed"; }
    wait_until 120 "$svc to be ready" ready "$port" || { podman logs "${COMPOSE_PROJECT_NAME}_${svc}_1" 2>&1 | tail -30 >&2; return 1; }
  done
  log "up: rtsp (camera simulator, $CCTVMASK_DEMO_CLIP)"
  compose up -d --no-build rtsp >> "$CCTVMASK_PODMAN_WORK/compose-up.log" 2>&1 \
    || { tail -n 30 "$CCTVMASK_PODMAN_WORK/compose-up.log" >&2; die "podman-compose up rtsp failed"; }
  wait_until 60 "the camera simulator" sh -c "podman logs '$RTSP' 2>&1 | grep -q 'ready on'" || { podman logs "$RTSP" 2>&1 | tail -20 >&2; return 1; }
  log "stack up in $((SECONDS - start)) s"
}

cmd_down() {
  log "down: project $COMPOSE_PROJECT_NAME"
  # Containers first, with their anonymous volumes (the image's VOLUME /data of the models one-shot);
  # then podman-compose removes the named volumes and the network.
  podman ps -a --filter "label=io.podman.compose.project=$COMPOSE_PROJECT_NAME" -q | xargs -r podman rm -f -v -t 5 >/dev/null 2>&1 || true
  compose down -v > "$CCTVMASK_PODMAN_WORK/compose-down.log" 2>&1 || true
  podman volume ls -q --filter "label=io.podman.compose.project=$COMPOSE_PROJECT_NAME" | xargs -r podman volume rm -f >/dev/null 2>&1 || true
  podman network exists "$NET" && podman network rm -f "$NET" >/dev/null 2>&1 || true
}

silo_of() { # silo_of PORT: this silo's own address in /api/fleet/silos
  api "$1" GET /api/fleet/silos | python3 -c 'import json,sys; print(next(s["address"] for s in json.load(sys.stdin) if s["self"]))'
}
active_silos() { # active_silos PORT: sorted active addresses, comma separated
  api "$1" GET /api/fleet/silos | python3 -c 'import json,sys; print(",".join(sorted(s["address"] for s in json.load(sys.stdin) if s["status"]=="active")))'
}
camera_field() { # camera_field PORT FIELD
  api "$1" GET "/api/cameras/$CAMERA/status" | python3 -c "import json,sys; print(json.load(sys.stdin).get('$2'))"
}
both_listed() {
  local a b; a="$(active_silos "$CCTVMASK_PORT")"; b="$(active_silos "$CCTVMASK_PORT_2")"
  [ "$a" = "$b" ] && [ "$a" = "$(printf '%s\n%s\n' "$S1" "$S2" | sort | paste -sd,)" ]
}
streaming() { [ "$(camera_field "$CCTVMASK_PORT" state)" = running ] && [ "$(camera_field "$CCTVMASK_PORT" framesAnalyzed)" -gt 0 ]; }
stored() { [ "$(psql_q "select count(*) from applied_events")" -gt 0 ]; }

passed() { echo "chaos stack/$1: PASS"; }
failed() { echo "chaos stack/$1: FAIL"; die "$2"; }
hardened() { # every silo runs as uid 1654 on a read-only root fs and its HEALTHCHECK passes
  local c
  for c in "$SILO1" "$SILO2"; do
    podman healthcheck run "$c" >/dev/null || { log "HEALTHCHECK of $c failed"; return 1; }
    [ "$(podman inspect -f '{{.HostConfig.ReadonlyRootfs}} {{.Config.User}}' "$c")" = "true 1654" ] || { log "$c: root fs not read-only or not uid 1654"; return 1; }
  done
}

cmd_check() {
  S1="$(silo_of "$CCTVMASK_PORT")"; S2="$(silo_of "$CCTVMASK_PORT_2")"
  wait_until 60 "both silos to list each other" both_listed || failed silos-listed "silos: 1 sees [$(active_silos "$CCTVMASK_PORT")], 2 sees [$(active_silos "$CCTVMASK_PORT_2")]"
  log "check: both silos list $S1 and $S2 as active"
  passed silos-listed
  hardened || failed hardened "a silo container is not as the image promises"
  log "check: HEALTHCHECK passes on both silos; they run as uid 1654 on a read-only root fs"
  passed hardened
  api "$CCTVMASK_PORT" GET "/api/cameras/$CAMERA" >/dev/null 2>&1 || api "$CCTVMASK_PORT" POST /api/cameras \
    "{\"id\":\"$CAMERA\",\"name\":\"$CAMERA\",\"url\":\"rtsp://rtsp:8554/cam1\",\"enabled\":true,\"detectFps\":$CCTVMASK_DETECT_FPS}" >/dev/null \
    || failed streams "registering camera $CAMERA on silo 1 failed"
  wait_until 90 "camera $CAMERA to stream" streaming || failed streams "camera not streaming: $(api "$CCTVMASK_PORT" GET "/api/cameras/$CAMERA/status")"
  log "check: camera $CAMERA streams on $(camera_field "$CCTVMASK_PORT" silo)"
  passed streams
  # A compliance delta is written when a minute closes: up to 60 s plus the write-behind flush.
  wait_until 100 "compliance rows in PostgreSQL" stored || failed stored "no compliance rows after 100 s"
  log "check: PostgreSQL has $(psql_q "select count(*) from compliance_buckets where camera_id='$CAMERA'") compliance buckets ($(psql_q "select coalesce(sum(people),0) from compliance_buckets where camera_id='$CAMERA'") people) and $(psql_q "select count(*) from violations where camera_id='$CAMERA'") violations for $CAMERA"
  passed stored
}

cmd_env() {
  for v in CONTAINERS_CONF CONTAINERS_STORAGE_CONF CCTVMASK_PODMAN_WORK CCTVMASK_COMPOSE_OVERRIDE COMPOSE_PROJECT_NAME CCTVMASK_ADMIN_KEY CCTVMASK_PORT CCTVMASK_PORT_2 \
           CCTVMASK_RTSP_PORT CCTVMASK_DEMO_CLIPS CCTVMASK_DEMO_CLIP CCTVMASK_MODELS_SEED_DIR CCTVMASK_DETECT_FPS \
           CCTVMASK_IMAGE CCTVMASK_POSTGRES_IMAGE CCTVMASK_REDIS_IMAGE CCTVMASK_RTSP_IMAGE POSTGRES_PASSWORD; do
    # Unset stays unset: an empty CONTAINERS_STORAGE_CONF makes every podman call fail with "stat : no such file".
    [ -n "${!v:-}" ] && printf 'export %s=%q\n' "$v" "${!v}"
  done
  return 0
}

# Sourced by the chaos suite for the helpers above; run for the commands.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    up) cmd_up ;;
    check) cmd_check ;;
    down) cmd_down ;;
    env) cmd_env ;;
    *) echo "usage: $0 up|check|down|env" >&2; exit 2 ;;
  esac
fi
