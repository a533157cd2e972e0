#!/usr/bin/env bash
# server-bench.sh N [MAX_BATCH (default 1, the CPU default)] [SECONDS]: starts the built server on embedded defaults, registers N
# copies of $RTSP/$CLIP (640x360, 5 detect-fps), lets them run, and prints per-camera
# analysed/dropped frames over the measuring window plus p50/p95 of cctvmask.pipeline.latency
# (frame decoded -> results recorded), the mean batch size, frames skipped by the motion gate and phase-2
# crops per processed frame, from /metrics and the status API.
# SMALLFACE=960 turns the per-camera small-face pass on; MOTION=false turns motion gating off; PRIVACY=statistics|evidence|…
# sets the cameras' privacy mode (statistics: no evidence images, to measure what they cost);
# CLIP=name picks another path of the RTSP server (RTSP=rtsp://host:port overrides $CCTVMASK_TEST_RTSP);
# WARMUP=s changes the 10 s warm-up. CPU over the window is read from /proc: the server process, its ffmpeg
# decoders (per camera) and the RTSP simulator, in % of one core.
# Needs: `. infra/scripts/setup.sh` (RTSP simulator, models) and `dotnet build src/CctvMask.Server -c Release`.
set -euo pipefail
N="${1:?cameras}"; BATCH="${2:-1}"; SECS="${3:-30}"; WARMUP="${WARMUP:-10}"
RTSP="${RTSP:-$CCTVMASK_TEST_RTSP}"; CLIP="${CLIP:-crowd360}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DLL="$REPO/src/CctvMask.Server/bin/Release/net10.0/linux-x64/CctvMask.Server.dll"
[ -f "$DLL" ] || DLL="$REPO/src/CctvMask.Server/bin/Debug/net10.0/linux-x64/CctvMask.Server.dll"
PORT=$((20000 + RANDOM % 20000)); KEY="bench-admin-key-$RANDOM$RANDOM$RANDOM"
DATA="$(mktemp -d)"; URL="http://127.0.0.1:$PORT"
CCTVMASK_DATA="$DATA" CCTVMASK_ADMIN_KEY="$KEY" ASPNETCORE_URLS="$URL" ASPNETCORE_ENVIRONMENT=Production \
  Orleans__SiloPort=$((PORT + 1)) Orleans__GatewayPort=$((PORT + 2)) Cctv__Inference__MaxBatchSize="$BATCH" \
  dotnet "$DLL" > "$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "$URL/readyz" >/dev/null && break; sleep 0.5; done
H="X-Api-Key: $KEY"
for i in $(seq 1 "$N"); do
  curl -sf -H "$H" -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"id\":\"bench$i\",\"name\":\"bench$i\",\"url\":\"$RTSP/$CLIP\",\"detectFps\":5,\"analysisWidth\":640,\"analysisHeight\":360,\"motionGating\":${MOTION:-true},\"smallFacePass\":$([ -n "${SMALLFACE:-}" ] && echo true || echo false),\"smallFaceLongSide\":${SMALLFACE:-960}$([ -n "${PRIVACY:-}" ] && echo ",\"privacyMode\":\"$PRIVACY\"")}" "$URL/api/cameras"
done
snapshot() { for i in $(seq 1 "$N"); do curl -sf -H "$H" "$URL/api/cameras/bench$i/status"; echo; done; }
# CPU ticks (utime + stime) per pid: the server, its ffmpeg children, the RTSP simulator.
ticks() { for p in "$@"; do [ -r "/proc/$p/stat" ] && echo "$p $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')"; done; true; }
cpu_sample() {
  echo "server $(ticks $PID)"
  for p in $(pgrep -P $PID -x ffmpeg); do echo "ffmpeg $(ticks "$p")"; done
  for p in $(pgrep -f rtsp_simulator.py); do echo "simulator $(ticks "$p")"; done
}
sleep "$WARMUP"; A="$(snapshot)"; cpu_sample > "$DATA/c0"; curl -sf "$URL/metrics" > "$DATA/m0"
sleep "$SECS"; B="$(snapshot)"; cpu_sample > "$DATA/c1"; curl -sf "$URL/metrics" > "$DATA/m1"; grep -o "^cctvmask_[a-z_]*" "$DATA/m1" | sort -u | tr "\n" " " >&2; echo >&2
python3 - "$N" "$BATCH" "$SECS" "$DATA/m0" "$DATA/m1" "$DATA/c0" "$DATA/c1" "$(getconf CLK_TCK)" <<PY
import json, sys, re
n, batch, secs = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
def cpu(path):
    d = {}
    for line in open(path):
        kind, *rest = line.split()
        if len(rest) == 2: d[(kind, rest[0])] = float(rest[1])
    return d
c0, c1, hz = cpu(sys.argv[6]), cpu(sys.argv[7]), float(sys.argv[8])
def share(kind):  # % of one core over the window, over the processes alive at both ends
    keys = [k for k in c1 if k[0] == kind and k in c0]
    return 100 * sum(c1[k] - c0[k] for k in keys) / hz / secs, len(keys)
a = [json.loads(l) for l in """$A""".splitlines() if l.strip()]
b = [json.loads(l) for l in """$B""".splitlines() if l.strip()]
an = sum(y["framesAnalyzed"] - x["framesAnalyzed"] for x, y in zip(a, b))
dr = sum(y["framesDropped"] - x["framesDropped"] for x, y in zip(a, b))
sk = sum(y.get("framesSkipped", 0) - x.get("framesSkipped", 0) for x, y in zip(a, b))
fd = sum(y["facesDetected"] - x["facesDetected"] for x, y in zip(a, b))
fj = sum(y.get("facesJudged", 0) - x.get("facesJudged", 0) for x, y in zip(a, b))
def hist(path, name):
    d = {}
    for line in open(path):
        m = re.match(name + r'_bucket\{.*le="([^"]+)"\} (\S+)', line)
        if m: d[float("inf") if m.group(1) == "+Inf" else float(m.group(1))] = d.get(float("inf") if m.group(1) == "+Inf" else float(m.group(1)), 0) + float(m.group(2))
    s = sum(float(l.split()[-1]) for l in open(path) if l.startswith(name + "_sum"))
    c = sum(float(l.split()[-1]) for l in open(path) if l.startswith(name + "_count"))
    return d, s, c
def delta(name):
    d0, s0, c0 = hist(sys.argv[4], name); d1, s1, c1 = hist(sys.argv[5], name)
    return {k: d1[k] - d0.get(k, 0) for k in sorted(d1)}, s1 - s0, c1 - c0
def pct(buckets, count, p):
    for le, cum in buckets.items():
        if cum >= p * count: return le
lat, ls, lc = delta("cctvmask_pipeline_latency_seconds")
bs, bsum, bcount = delta("cctvmask_inference_batch_size")
done = an + sk
print(f"cameras={n} max_batch={batch} window={secs:.0f}s processed={done} ({done/secs:.1f} frames/s, wanted {5*n}; phase 1 on {an}, motion-skipped {sk})"
      f" dropped={dr} ({100*dr/max(1,done+dr):.1f}%) faces/analysed={fd/max(1,an):.1f} crops/analysed={fj/max(1,an):.2f}"
      f" mean_batch={bsum/max(1,bcount):.2f} latency_p50<={pct(lat, lc, .5)}s p95<={pct(lat, lc, .95)}s mean={ls/max(1,lc):.3f}s")
srv, _ = share("server"); ff, nff = share("ffmpeg"); sim, _ = share("simulator")
print(f"cpu (% of one core): server={srv:.1f} ffmpeg={ff:.1f} ({ff/max(1,nff):.1f} per decoder, {nff} decoders) rtsp_simulator={sim:.1f}")
# Where the server's CPU goes: the loops' time in phase 1 and in phase 2 (crops included), in % of one core.
def phase(tag):
    s0 = sum(float(l.split()[-1]) for l in open(sys.argv[4]) if l.startswith("cctvmask_inference_duration_seconds_sum") and f'phase="{tag}"' in l)
    s1 = sum(float(l.split()[-1]) for l in open(sys.argv[5]) if l.startswith("cctvmask_inference_duration_seconds_sum") and f'phase="{tag}"' in l)
    return 100 * (s1 - s0) / secs
p1, p2 = phase("detect"), phase("classify")
print(f"server time (% of one core): phase 1={p1:.1f} ({10*p1/max(1,an/secs):.1f} ms/frame) phase 2 + crops={p2:.1f} rest={srv - p1 - p2:.1f} (ingest, tracking, live view, GC, HTTP)")
PY
