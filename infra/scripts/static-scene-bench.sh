#!/usr/bin/env bash
# static-scene-bench.sh LABEL=DLL[@K=V,K=V...] ...: what a camera that sees nothing costs, against a busy one (issue 13).
# Builds the static clip from the street clip (its first frame held HOLD s, then the clip) into a scratch dir (never the
# repo) and serves it, and the street clip itself, with the repo's RTSP simulator on port $SIM_PORT. For each argument,
# in the order given (pass A B B A for paired runs), starts that server build (Release DLL; K=V are extra environment
# variables, e.g. Ingest__DecoderThreads=1), measures the idle server for IDLE s, then one camera on the static clip
# (window LEAD..LEAD+WIN s inside the held frame), then replaces it by one camera on the street clip (busy: people
# walking, window LEAD..LEAD+WIN s). CPU = CPU seconds (utime + stime from /proc) of the server and its ffmpeg
# children (live ones plus the server's cutime + cstime, so a decoder restarted inside a window is counted), in % of one
# core over the window. Prints per run and per label: static and busy net of the idle server, ratio = static ÷ busy.
# CPU seconds, not wall time, so other load on the box moves the figure less; the load average is printed too.
# Resume: when the static camera decodes key frames only, the clip's motion (after HOLD s) switches it back; printed is
# the time from that switch (ingest log) to the first second with >= 4 frames received (5-fps decoding again).
# The simulator starts each connection at the clip's start, so a decode-mode restart starts the clip over (the
# static window is timed from the camera's first frame and stays inside the held frame either way).
# Needs: `. infra/scripts/setup.sh` (models) and `dotnet build src/CctvMask.Server -c Release`.
set -euo pipefail
[ $# -gt 0 ] || { sed -n '2,16p' "$0"; exit 2; }
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="${STREET:-${CCTVMASK_SHARED:-$REPO/../shared}/videos/street_2_masked_people_1366x768.mp4}"
SCRATCH="${SCRATCH:-/tmp/cctvmask-static-scene}"; HOLD="${HOLD:-60}"; GOP="${GOP:-30}"
SIM_PORT="${SIM_PORT:-8555}"; IDLE="${IDLE:-30}"; WIN="${WIN:-40}"; LEAD="${LEAD:-15}"; DETECT_FPS="${DETECT_FPS:-5}"
case "$SCRATCH" in "$REPO"*) echo "SCRATCH must be outside the repository" >&2; exit 2;; esac
[ $((LEAD + WIN)) -lt "$HOLD" ] || { echo "LEAD+WIN must fit in HOLD" >&2; exit 2; }
mkdir -p "$SCRATCH"
STATIC="$SCRATCH/static-hold$HOLD-gop$GOP.mp4"; STREET="$SCRATCH/street-gop$GOP.mp4"
# H.264 as cameras send it, one key frame per GOP frames; tpad clones the first frame HOLD s long in front of the clip.
[ -f "$STATIC" ] || { nice -n 19 ffmpeg -hide_banner -loglevel error -y -i "$SRC" -an -vf "tpad=start=$((HOLD * 30)):start_mode=clone" \
  -c:v libx264 -preset veryfast -g "$GOP" -pix_fmt yuv420p "$STATIC.part.mp4" && mv "$STATIC.part.mp4" "$STATIC"; }
[ -f "$STREET" ] || { nice -n 19 ffmpeg -hide_banner -loglevel error -y -i "$SRC" -an \
  -c:v libx264 -preset veryfast -g "$GOP" -pix_fmt yuv420p "$STREET.part.mp4" && mv "$STREET.part.mp4" "$STREET"; }

SIM_LOG="$SCRATCH/simulator.log"
nice -n 19 /usr/bin/python3 "$REPO/infra/rtsp-simulator/rtsp_simulator.py" --port "$SIM_PORT" --scratch "$SCRATCH" \
  --loops 40 --clip "static=$STATIC" --clip "street=$STREET" > "$SIM_LOG" 2>&1 &
SIM=$!
PID=""; DATA=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; kill "$SIM" 2>/dev/null; wait "$SIM" 2>/dev/null; [ -n "$DATA" ] && rm -rf "$DATA"; true; }
trap cleanup EXIT
for _ in $(seq 1 600); do grep -q "ready on" "$SIM_LOG" && break; kill -0 "$SIM" || { cat "$SIM_LOG" >&2; exit 1; }; sleep 0.5; done
grep -q "ready on" "$SIM_LOG" || { echo "RTSP simulator did not start" >&2; exit 1; }

HZ="$(getconf CLK_TCK)"
stat_of() { [ -r "/proc/$1/stat" ] && sed 's/^.*) //' "/proc/$1/stat" || echo "x x x x x x x x x x x 0 0 0 0"; }
# "server ffmpeg" CPU ticks: the server's own; its live ffmpeg children + everything its exited children used (cutime + cstime).
sample() {
  local f p s; s=($(stat_of "$PID")); f=$((s[13] + s[14]))
  for p in $(pgrep -P "$PID" -x ffmpeg); do f=$((f + $(stat_of "$p" | awk '{print $12 + $13}'))); done
  echo "$((s[11] + s[12])) $f"
}
pct() { awk -v a="$1" -v b="$2" -v hz="$HZ" -v s="$3" 'BEGIN { printf "%.2f", 100 * (b - a) / hz / s }'; }
api() { curl -sf -H "X-Api-Key: $KEY" "$@"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], 0))" "$1" "$2"; }
add_camera() { api -H 'Content-Type: application/json' -o /dev/null -d "{\"id\":\"$1\",\"name\":\"$1\",\"url\":\"rtsp://127.0.0.1:$SIM_PORT/$1\",\"detectFps\":$DETECT_FPS,\"analysisWidth\":640,\"analysisHeight\":360,\"motionGating\":true}" "$URL/api/cameras"; }
first_frame() { for _ in $(seq 1 600); do [ "$(field "$(api "$URL/api/cameras/$1/status" || echo '{}')" framesReceived)" -gt 0 ] && break; sleep 0.1; done; }
window() {  # window CAMERA: CPU over WIN s, prints "srv% ff% analysed skipped"
  local a b s0 s1
  a="$(api "$URL/api/cameras/$1/status")"; s0=($(sample)); sleep "$WIN"; s1=($(sample)); b="$(api "$URL/api/cameras/$1/status")"
  echo "$(pct "${s0[0]}" "${s1[0]}" "$WIN") $(pct "${s0[1]}" "${s1[1]}" "$WIN") $(( $(field "$b" framesAnalyzed) - $(field "$a" framesAnalyzed) )) $(( $(field "$b" framesSkipped) - $(field "$a" framesSkipped) ))"
}

RESULTS="$(mktemp)"
for spec in "$@"; do
  LABEL="${spec%%=*}"; rest="${spec#*=}"; DLL="${rest%%@*}"; ENVS=""; [ "$rest" != "$DLL" ] && ENVS="${rest#*@}"
  [ -f "$DLL" ] || { echo "no such server build: $DLL" >&2; exit 2; }
  PORT=$((20000 + RANDOM % 20000)); KEY="bench-admin-key-$RANDOM$RANDOM$RANDOM"; DATA="$(mktemp -d)"; URL="http://127.0.0.1:$PORT"
  env CCTVMASK_DATA="$DATA" CCTVMASK_ADMIN_KEY="$KEY" ASPNETCORE_URLS="$URL" ASPNETCORE_ENVIRONMENT=Production \
    Orleans__SiloPort=$((PORT + 1)) Orleans__GatewayPort=$((PORT + 2)) ${ENVS//,/ } \
    nice -n 19 dotnet "$DLL" > "$DATA/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do curl -sf "$URL/readyz" >/dev/null && break; sleep 0.5; done
  sleep 5; i0=($(sample)); sleep "$IDLE"; i1=($(sample)); IDLE_PCT="$(pct "${i0[0]}" "${i1[0]}" "$IDLE")"

  add_camera static; first_frame static; sleep "$LEAD"; ST=($(window static))
  # Resume latency: status polled every 0.25 s until HOLD + 25 s after the first frame (the clip moves after HOLD s).
  RESUME="$(python3 - "$URL/api/cameras/static/status" "$KEY" "$((HOLD + 25 - LEAD - WIN))" "$DATA/server.log" <<'PY'
import datetime, json, sys, time, urllib.request
url, key, secs, log = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
seen, end = [], time.time() + secs
while time.time() < end:
    try: seen.append((time.time(), json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"X-Api-Key": key}), timeout=2))["framesReceived"]))
    except Exception: pass
    time.sleep(0.25)
switch = None
for line in open(log):
    if '"every frame"' in line and "IngestDecodeMode" in line:
        switch = datetime.datetime.fromisoformat(json.loads(line)["@t"][:26]).replace(tzinfo=datetime.timezone.utc).timestamp()
        break
if switch is None: print("n/a"); sys.exit()
for t, n in seen:
    later = [m for u, m in seen if t < u <= t + 1.0]
    if t >= switch and later and later[-1] - n >= 4: print(f"{t - switch:.1f}"); break
else: print("none")
PY
)"
  api -X DELETE -o /dev/null "$URL/api/cameras/static"
  add_camera street; first_frame street; sleep "$LEAD"; BU=($(window street))
  RESTARTS="$(field "$(api "$URL/api/cameras/street/status")" ingestRestarts)"; LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
  SWITCHES="$(grep -c IngestDecodeMode "$DATA/server.log" || true)"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; rm -rf "$DATA"; DATA=""
  echo "$LABEL $IDLE_PCT ${ST[*]} ${BU[*]} $RESTARTS $LOAD $RESUME $SWITCHES" | tee -a "$RESULTS" | awk '{
    s = $3 - $2 + $4; b = $7 - $2 + $8
    printf "%-10s idle %.2f | static srv %.2f ff %.2f (phase 1 %d, skipped %d) | busy srv %.2f ff %.2f (phase 1 %d, skipped %d) | static/busy %.3f | decode switches %s, resume %s s | busy restarts %s | load %s %s %s\n",
      $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, s / b, $16, $15, $11, $12, $13, $14 }'
done
echo "means (% of one core; net = server - idle + ffmpeg):"
awk '{ n[$1]++; for (i = 2; i <= 8; i++) if (i != 5 && i != 6) v[$1, i] += $i; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
  END { for (j = 1; j <= k; j++) { l = order[j]; c = n[l]
    id = v[l,2]/c; ss = v[l,3]/c; sf = v[l,4]/c; bs = v[l,7]/c; bf = v[l,8]/c
    printf "%-10s runs %d idle %.2f | static srv %.2f ff %.2f net %.2f | busy srv %.2f ff %.2f net %.2f | ratio %.3f\n",
      l, c, id, ss, sf, ss - id + sf, bs, bf, bs - id + bf, (ss - id + sf) / (bs - id + bf) } }' "$RESULTS"
rm -f "$RESULTS"
