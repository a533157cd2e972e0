# Sourced by infra/podman/*.sh and infra/chaos/*.sh: podman settings for this kind of host, logging,
# and bounded waits. Not executable on its own.
PODMAN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$PODMAN_DIR/../.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$PODMAN_DIR/containers.conf}"
# Work and cache folder (debootstrap tree, publish output, logs); outside the repository.
CCTVMASK_PODMAN_WORK="${CCTVMASK_PODMAN_WORK:-/var/tmp/cctvmask-podman}"
# Optional separate image/container store (so a shared machine's default store stays untouched).
if [ -n "${CCTVMASK_PODMAN_ROOT:-}" ] && [ -z "${CONTAINERS_STORAGE_CONF:-}" ]; then
  mkdir -p "$CCTVMASK_PODMAN_ROOT"
  cat > "$CCTVMASK_PODMAN_ROOT/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$CCTVMASK_PODMAN_ROOT/storage"
runroot = "$CCTVMASK_PODMAN_ROOT/run"
CONF
  export CONTAINERS_STORAGE_CONF="$CCTVMASK_PODMAN_ROOT/storage.conf"
fi
mkdir -p "$CCTVMASK_PODMAN_WORK"

# Image names (the compose file reads the same variables).
export CCTVMASK_BASE_IMAGE="${CCTVMASK_BASE_IMAGE:-localhost/cctvmask-base:bookworm}"
export CCTVMASK_ASPNET_IMAGE="${CCTVMASK_ASPNET_IMAGE:-localhost/cctvmask-aspnet:10.0}"
export CCTVMASK_IMAGE="${CCTVMASK_IMAGE:-localhost/cctvmask:0.1.0}"
export CCTVMASK_POSTGRES_IMAGE="${CCTVMASK_POSTGRES_IMAGE:-localhost/cctvmask-postgres:15}"
export CCTVMASK_REDIS_IMAGE="${CCTVMASK_REDIS_IMAGE:-localhost/cctvmask-redis:7}"
export CCTVMASK_RTSP_IMAGE="${CCTVMASK_RTSP_IMAGE:-localhost/cctvmask-camera-sim:1}"

log() { printf '[%s %s] %s\n' "${LOG_TAG:-podman}" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# wait_until SECONDS DESCRIPTION COMMAND...: runs COMMAND every second until it succeeds; fails
# after SECONDS with DESCRIPTION.
wait_until() {
  local limit="$1" what="$2"; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { log "timed out after ${limit}s waiting for $what"; return 1; }
    sleep 1
  done
}

require_root_podman() {
  command -v podman >/dev/null || die "podman is not installed (apt-get install podman runc)"
  [ "$(id -u)" -eq 0 ] || die "run as root (rootless podman is not set up on these hosts)"
}

image_exists() { podman image exists "$1"; }
