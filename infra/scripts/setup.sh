#!/usr/bin/env bash
# Installs and starts what CctvMask's tests and demo need on a fresh Debian 12 machine:
# apt packages, PostgreSQL, Redis, mosquitto (MQTT), the RTSP camera simulator, and the assembled model folder.
# podman, runc, debootstrap and podman-compose are for the container part of the tests (infra/chaos/run.sh).
# Idempotent; source it (". infra/scripts/setup.sh") to get the CCTVMASK_* variables exported.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${CCTVMASK_SHARED:-$(cd "$REPO/.." && pwd)/shared}"
WORK="${CCTVMASK_WORK:-/tmp/cctvmask-ci}"
mkdir -p "$WORK"

log() { echo "[setup] $*" >&2; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# 1. apt packages (only the missing ones; apt-get update once).
PKGS=(ffmpeg redis-server postgresql libtcmalloc-minimal4 python3-gi gir1.2-gst-rtsp-server-1.0
      gstreamer1.0-rtsp gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly
      gstreamer1.0-libav chromium fonts-dejavu-core
      golang-go golang-github-masterminds-sprig-dev golang-gopkg-yaml.v3-dev golang-github-xeipuuv-gojsonschema-dev
      docker-compose mosquitto
      podman runc debootstrap podman-compose netavark aardvark-dns iptables uidmap catatonit)
missing=()
for p in "${PKGS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. PostgreSQL 15 (installed but stopped on a fresh machine).
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  log "starting PostgreSQL"
  $SUDO pg_ctlcluster 15 main start
fi
for i in $(seq 1 30); do as_postgres psql -qtAc "select 1" >/dev/null 2>&1 && break; sleep 1; done
as_postgres psql -qtAc "select 1 from pg_roles where rolname='cctvmask'" | grep -q 1 ||
  as_postgres psql -qc "create role cctvmask login superuser password 'cctvmask'"
export CCTVMASK_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=cctvmask;Password=cctvmask;Database=cctvmask_test"

# 3. Redis on loopback.
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  log "starting Redis"
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no >/dev/null
  for i in $(seq 1 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
export CCTVMASK_TEST_REDIS="127.0.0.1:6379"

# 3b. MQTT broker (Debian's mosquitto) on loopback, for the alert tests. Where systemd runs, the package
# already started it (loopback-only by default); in a container it is started here. /usr/sbin may not be on
# a non-root PATH, hence the full path.
mqtt_up() { (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null; }
if ! mqtt_up; then
  log "starting mosquitto"
  printf 'listener 1883 127.0.0.1\nallow_anonymous true\npersistence false\n' > "$WORK/mosquitto.conf"
  /usr/sbin/mosquitto -c "$WORK/mosquitto.conf" -d
  for i in $(seq 1 20); do mqtt_up && break; sleep 0.5; done
  mqtt_up || { log "mosquitto did not start"; exit 1; }
fi
export CCTVMASK_TEST_MQTT="127.0.0.1:1883"

# 4. RTSP camera simulator serving ../shared/videos.
RTSP_PORT="${CCTVMASK_RTSP_PORT:-8554}"
if ! (exec 3<>/dev/tcp/127.0.0.1/$RTSP_PORT) 2>/dev/null; then
  log "starting RTSP simulator on :$RTSP_PORT"
  V="$SHARED/videos"
  nohup /usr/bin/python3 "$REPO/infra/rtsp-simulator/rtsp_simulator.py" --port "$RTSP_PORT" \
    --scratch "$WORK/rtsp" \
    --clip "crowd360=$V/crowd_640x360_10fps.mp4" --clip "crowd720=$V/crowd_1280x720_10fps.mp4" \
    --clip "street=$V/street_2_masked_people_1366x768.mp4" > "$WORK/rtsp-simulator.log" 2>&1 &
  for i in $(seq 1 120); do grep -q ready "$WORK/rtsp-simulator.log" 2>/dev/null && break; sleep 1; done
  grep -q ready "$WORK/rtsp-simulator.log" || { cat "$WORK/rtsp-simulator.log" >&2; log "RTSP simulator failed"; exit 1; }
fi
export CCTVMASK_TEST_RTSP="rtsp://127.0.0.1:$RTSP_PORT"

# 5. Model folder: third-party detectors linked from ../shared, our classifier from the repo.
export CCTVMASK_MODELS="${CCTVMASK_MODELS:-$WORK/models}"
bash "$REPO/infra/scripts/assemble-models.sh" "$SHARED" "$CCTVMASK_MODELS"
export CCTVMASK_SHARED="$SHARED"

# tcmalloc makes TorchSharp training ~2x faster on this CPU.
TCMALLOC=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
[ -f "$TCMALLOC" ] && export CCTVMASK_TCMALLOC="$TCMALLOC"
log "ready: models=$CCTVMASK_MODELS rtsp=$CCTVMASK_TEST_RTSP"
