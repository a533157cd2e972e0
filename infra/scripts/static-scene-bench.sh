#!/usr/bin/env bash
# static-scene-bench.sh LABEL=DLL[@K=V,K=V...] ...: what a camera that sees nothing costs, against a busy one (issue 13).
# Builds a clip from the street clip (its first frame held HOLD s, then the clip looped MOVE_LOOPS times) into a
# scratch dir (never the repo), serves it with the repo's RTSP simulator on port $SIM_PORT, and for each argument, in
# the order given (pass A B B A for paired runs), starts that server build (Release DLL; K=V are extra environment
# variables, e.g. Ingest__DecoderThreads=1), measures the idle server for IDLE s, adds one camera on the clip and
# samples CPU seconds (utime + stime from /proc) of the server and of its ffmpeg children over a window inside the
# static part and one inside the moving part. The clip is served live (one shared real-time stream, kept running by a
# stream-copying ffmpeg from the moment the camera is added): a camera that reconnects, e.g. to switch to key-frame-only
# decoding, joins the stream where it is, as with a real camera. Also prints the resume latency: from the first moving
# frame to the first second with >= 4 frames received (full 5-fps decoding again). Prints per run and per label: CPU % of one core (CPU-s ÷ window),
# static and busy net of the idle server, and ratio = static ÷ busy (server net of idle + ffmpeg).
# CPU seconds, not wall time, so other load on the box moves the figure less; the load average is printed too.
# VIEWER=1 polls the live-view endpoint once a second during both windows (someone watching).
# Needs: `. infra/scripts/setup.sh` (models) and `dotnet build src/CctvMask.Server -c Release`.
set -euo pipefail
[ $# -gt 0 ] || { sed -n '2,12p' "$0"; exit 2; }
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="${STREET:-${CCTVMASK_SHARED:-$REPO/../shared}/videos/street_2_masked_people_1366x768.mp4}"
SCRATCH="${SCRATCH:-/tmp/cctvmask-static-scene}"; HOLD="${HOLD:-60}"; MOVE_LOOPS="${MOVE_LOOPS:-9}"; GOP="${GOP:-30}"
SIM_PORT="${SIM_PORT:-8555}"; IDLE="${IDLE:-30}"; WIN="${WIN:-40}"; LEAD="${LEAD:-15}"; DETECT_FPS="${DETECT_FPS:-5}"
case "$SCRATCH" in "$REPO"*) echo "SCRATCH must be outside the repository" >&2; exit 2;; esac
mkdir -p "$SCRATCH"
CLIP="$SCRATCH/static-hold${HOLD}-move${MOVE_LOOPS}-gop${GOP}.mp4"
if [ ! -f "$CLIP" ]; then
  # tpad clones the first frame HOLD s long in front of the looped clip; H.264 (as cameras send), one key frame per GOP frames.
  nice -n 19 ffmpeg -hide_banner -loglevel error -y -stream_loop $((MOVE_LOOPS - 1)) -i "$SRC" -an \
    -vf "tpad=start=$((HOLD * 30)):start_mode=clone" -c:v libx264 -preset veryfast -g "$GOP" -pix_fmt yuv420p "$CLIP.part.mp4"
  mv "$CLIP.part.mp4" "$CLIP"
fi
MOVE_SECS="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$SRC" | awk -v n="$MOVE_LOOPS" '{printf "%d", $1 * n}')"
[ $((LEAD + WIN)) -lt "$HOLD" ] && [ $((LEAD + WIN)) -lt "$MOVE_SECS" ] || { echo "LEAD+WIN must fit in HOLD and the moving part ($MOVE_SECS s)" >&2; exit 2; }

SIM_LOG="$SCRATCH/simulator.log"
nice -n 19 /usr/bin/python3 "$REPO/infra/rtsp-simulator/rtsp_simulator.py" --port "$SIM_PORT" --scratch "$SCRATCH" \
  --loops 3 --live "static=$CLIP" > "$SIM_LOG" 2>&1 &
SIM=$!
PID=""; DATA=""; KEEPER=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; [ -n "$KEEPER" ] && kill "$KEEPER" 2>/dev/null; kill "$SIM" 2>/dev/null; wait "$SIM" 2>/dev/null; [ -n "$DATA" ] && rm -rf "$DATA"; true; }
trap cleanup EXIT
for _ in $(seq 1 600); do grep -q "ready on" "$SIM_LOG" && break; kill -0 "$SIM" || { cat "$SIM_LOG" >&2; exit 1; }; sleep 0.5; done
grep -q "ready on" "$SIM_LOG" || { echo "RTSP simulator did not start" >&2; exit 1; }

HZ="$(getconf CLK_TCK)"
ticks() { [ -r "/proc/$1/stat" ] && sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}' || echo 0; }
# CPU ticks: "server T" and "ffmpeg T" (sum over the server's ffmpeg children alive now; a decoder that exits mid-window is lost).
sample() { local f=0 p; for p in $(pgrep -P "$PID" -x ffmpeg); do f=$((f + $(ticks "$p"))); done; echo "$(ticks "$PID") $f"; }
pct() { awk -v a="$1" -v b="$2" -v hz="$HZ" -v s="$3" 'BEGIN { printf "%.2f", 100 * (b - a) / hz / s }'; }
status() { curl -sf -H "X-Api-Key: $KEY" "$URL/api/cameras/static/status"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], 0))" "$1" "$2"; }
viewer() { while :; do curl -sf -H "X-Api-Key: $KEY" -o /dev/null "$URL/api/cameras/static/frame" || true; sleep 1; done; }
window() {  # window NAME: samples CPU over WIN s (with a viewer when VIEWER=1), prints "srv% ff% analysed skipped"
  local v="" s0 s1 a b
  [ -n "${VIEWER:-}" ] && { viewer & v=$!; }
  a="$(status)"; s0=($(sample)); sleep "$WIN"; s1=($(sample)); b="$(status)"
  [ -n "$v" ] && kill "$v" 2>/dev/null
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
  # The live stream starts with its first client: the keeper. t0 = its start (the clip's first frame, within ~0.5 s).
  ffmpeg -nostdin -loglevel error -rtsp_transport tcp -i "rtsp://127.0.0.1:$SIM_PORT/static" -c copy -f null - >/dev/null 2>&1 &
  KEEPER=$!; T0=$(date +%s.%N)
  curl -sf -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"id\":\"static\",\"name\":\"static\",\"url\":\"rtsp://127.0.0.1:$SIM_PORT/static\",\"detectFps\":$DETECT_FPS,\"analysisWidth\":640,\"analysisHeight\":360,\"motionGating\":true}" \
    "$URL/api/cameras"
  for _ in $(seq 1 600); do [ "$(field "$(status || echo '{}')" framesReceived)" -gt 0 ] && break; sleep 0.1; done
  sleep "$(awk -v t0="$T0" -v l="$LEAD" -v now="$(date +%s.%N)" 'BEGIN { d = t0 + l - now; print (d > 0 ? d : 0) }')"
  STATIC=($(window static))
  # Resume latency: framesReceived polled every 0.25 s from 2 s before the motion to LEAD s after it.
  RESUME="$(python3 - "$URL/api/cameras/static/status" "$KEY" "$T0" "$HOLD" "$LEAD" <<'PY'
import json, sys, time, urllib.request
url, key, t0, hold, lead = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
time.sleep(max(0, t0 + hold - 2 - time.time()))
seen = []
while time.time() < t0 + hold + lead:
    req = urllib.request.Request(url, headers={"X-Api-Key": key})
    try: seen.append((time.time(), json.load(urllib.request.urlopen(req, timeout=2))["framesReceived"]))
    except Exception: pass
    time.sleep(0.25)
for t, n in seen:
    if t < t0 + hold: continue
    later = [m for u, m in seen if t < u <= t + 1.0]
    if later and later[-1] - n >= 4: print(f"{t - (t0 + hold):.1f}"); break
else: print("none")
PY
)"
  sleep "$(awk -v t0="$T0" -v h="$HOLD" -v l="$LEAD" -v now="$(date +%s.%N)" 'BEGIN { d = t0 + h + l - now; print (d > 0 ? d : 0) }')"
  BUSY=($(window busy))
  RESTARTS="$(field "$(status)" ingestRestarts)"; LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; kill "$KEEPER"; wait "$KEEPER" 2>/dev/null || true; KEEPER=""
  grep -h "decoding\|key frames" "$DATA/server.log" | sed 's/^/    log: /' | head -6 || true
  rm -rf "$DATA"; DATA=""
  echo "$LABEL $IDLE_PCT ${STATIC[*]} ${BUSY[*]} $RESTARTS $LOAD $RESUME" | tee -a "$RESULTS" | awk '{
    s = $3 - $2 + $4; b = $7 - $2 + $8
    printf "%-10s idle %.2f | static srv %.2f ff %.2f (phase 1 %d, skipped %d) | busy srv %.2f ff %.2f (phase 1 %d, skipped %d) | static/busy %.3f | resume %s s | restarts %s load %s %s %s\n",
      $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, s / b, $15, $11, $12, $13, $14 }'
  sleep 3 # the shared stream closes with its last client; the next run starts it at t=0
done
echo "means (% of one core; net = server - idle + ffmpeg):"
awk '{ n[$1]++; for (i = 2; i <= 8; i++) if (i != 5 && i != 6) v[$1, i] += $i; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
  END { for (j = 1; j <= k; j++) { l = order[j]; c = n[l]
    id = v[l,2]/c; ss = v[l,3]/c; sf = v[l,4]/c; bs = v[l,7]/c; bf = v[l,8]/c
    printf "%-10s runs %d idle %.2f | static srv %.2f ff %.2f net %.2f | busy srv %.2f ff %.2f net %.2f | ratio %.3f\n",
      l, c, id, ss, sf, ss - id + sf, bs, bf, bs - id + bf, (ss - id + sf) / (bs - id + bf) } }' "$RESULTS"
rm -f "$RESULTS"
