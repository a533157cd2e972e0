#!/usr/bin/env bash
# The Helm chart as far as one machine without a Kubernetes API server allows: renders
# helm/cctvmask twice with infra/helm-render (releases silo-a and silo-b, one replica each, the same
# Orleans service/cluster ids, so two silos cluster through Redis: podman runs one replica per
# Deployment), keeps what `podman kube play` understands (ConfigMap, Secret, Deployment), plays it on
# a podman network next to PostgreSQL and Redis containers (downward-API fields podman cannot
# resolve are replaced by literal values first), and checks that both pods become ready
# (/readyz, the chart's readiness probe) and list each other in /api/fleet/silos. Always cleans up.
# Not exercised here: ServiceAccount/Role/RoleBinding (no API server), Service, PodDisruptionBudget,
# NetworkPolicy, HPA, ServiceMonitor, Orleans' Kubernetes hosting (KUBERNETES_SERVICE_HOST is unset
# under podman, so the silos use Redis clustering only), probes as the kubelet would run them.
# Needs the images from build-images.sh and Go + sprig (setup.sh installs them).
# `kube-play.sh down` only removes what an earlier (interrupted) run left behind.
set -euo pipefail
LOG_TAG=kube
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root_podman
SHARED="${CCTVMASK_SHARED:-$(cd "$REPO/.." && pwd)/shared}"
NET=cctvmask-kube
WORK="$CCTVMASK_PODMAN_WORK/kube"
KEY="kube-play-admin-key-$$-0123"
PG=cctvmask-kube-postgres REDIS=cctvmask-kube-redis VOLUME=cctvmask-kube-models
mkdir -p "$WORK"

cleanup() {
  for r in silo-a silo-b; do
    [ -f "$WORK/$r.yaml" ] && podman kube down "$WORK/$r.yaml" >/dev/null 2>&1 || true
    podman pod rm -f -t 2 "$r-cctvmask-pod-0" >/dev/null 2>&1 || true
    podman secret rm "$r-cctvmask" >/dev/null 2>&1 || true
    rm -f "$WORK/$r".*
  done
  podman rm -f -t 2 "$PG" "$REDIS" >/dev/null 2>&1 || true
  podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  podman network rm -f "$NET" >/dev/null 2>&1 || true
}
cleanup
[ "${1:-}" = down ] && exit 0
trap cleanup EXIT

log "building infra/helm-render"
(cd "$REPO" && GO111MODULE=off GOPATH=/usr/share/gocode nice -n 10 go build -o "$WORK/helm-render" ./infra/helm-render)

podman network create "$NET" >/dev/null
podman run -d --name "$PG" --network "$NET" --network-alias postgres \
  -e POSTGRES_USER=cctvmask -e POSTGRES_PASSWORD=cctvmask -e POSTGRES_DB=cctvmask "$CCTVMASK_POSTGRES_IMAGE" >/dev/null
podman run -d --name "$REDIS" --network "$NET" --network-alias redis "$CCTVMASK_REDIS_IMAGE" redis-server >/dev/null
# The chart's models PVC (models.existingClaim) is a podman volume here, seeded from ../shared.
podman volume create "$VOLUME" >/dev/null
podman run --rm -v "$VOLUME:/models" -v "$SHARED/models/face-detection:/seed:ro" -e CCTVMASK_MODELS=/models \
  -e CCTVMASK_MODELS_SEED=/seed --entrypoint /app/pull-models.sh "$CCTVMASK_IMAGE" >/dev/null
wait_until 60 "postgres" podman exec "$PG" pg_isready -U cctvmask -d cctvmask

cat > "$WORK/values.yaml" <<VALUES
replicaCount: 1
image: {repository: "${CCTVMASK_IMAGE%:*}", tag: "${CCTVMASK_IMAGE##*:}", pullPolicy: Never}
auth: {adminKey: "$KEY"}
database: {connectionString: "Host=postgres;Port=5432;Username=cctvmask;Password=cctvmask;Database=cctvmask"}
redis: {connectionString: "redis:6379"}
orleans: {serviceId: cctvmask, clusterId: kubeplay}
# A pre-filled models PVC and no pull init container (podman 4.3 races removing a finished
# "once" init container under runc: "cannot remove container ... as it is running").
models: {existingClaim: $VOLUME, pull: false}
VALUES
for r in silo-a silo-b; do
  "$WORK/helm-render" -f "$WORK/values.yaml" -name "$r" "$REPO/helm/cctvmask" > "$WORK/$r.all.yaml"
  # Only the kinds podman kube play acts on; podman 4.3 resolves no downward-API field but
  # metadata.name, so the others become the literal values a kubelet would give (POD_IP is left
  # out: the server then advertises its own address, which is the pod's).
  offset=20000; [ "$r" = silo-b ] && offset=21000
  /usr/bin/python3 - "$WORK/$r.all.yaml" "$WORK/$r.yaml" "$offset" <<'PY'
import sys, yaml
import base64
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d and d["kind"] in ("ConfigMap", "Secret", "Deployment")]
# podman 4.3 cannot read back a played Secret in its secretKeyRef lookup ("not valid JSON: illegal
# base64 data"), so secretKeyRef values are inlined from the rendered Secret and it is left out.
secrets = {d["metadata"]["name"]: {k: base64.b64decode(v).decode() for k, v in d.get("data", {}).items()}
           for d in docs if d["kind"] == "Secret"}
docs = [d for d in docs if d["kind"] != "Secret"]
for d in docs:
    if d["kind"] != "Deployment":
        continue
    labels = d["spec"]["template"]["metadata"]["labels"]
    for c in d["spec"]["template"]["spec"].get("containers", []) + d["spec"]["template"]["spec"].get("initContainers", []):
        # podman 4.3 publishes every containerPort on the host (hostPort = containerPort); two
        # releases would collide, so each gets its own host ports (offset by argv[3]).
        for port in c.get("ports", []):
            port["hostPort"] = port["containerPort"] + int(sys.argv[3])
        env = []
        for e in c.get("env", []):
            ref = (e.get("valueFrom") or {}).get("secretKeyRef")
            if ref:
                if ref["key"] in secrets.get(ref["name"], {}):
                    env.append({"name": e["name"], "value": secrets[ref["name"]][ref["key"]]})
                continue
            path = (e.get("valueFrom") or {}).get("fieldRef", {}).get("fieldPath")
            if path is None or path == "metadata.name":
                env.append(e)
            elif path == "metadata.namespace":
                env.append({"name": e["name"], "value": "default"})
            elif path.startswith("metadata.labels['"):
                env.append({"name": e["name"], "value": labels[path[len("metadata.labels['"):-2]]})
        c["env"] = env
yaml.safe_dump_all(docs, open(sys.argv[2], "w"), sort_keys=False)
PY
  log "podman kube play $r ($(grep -c '^kind:' "$WORK/$r.yaml") objects of $(grep -c '^kind:' "$WORK/$r.all.yaml"))"
  podman kube play --network "$NET" "$WORK/$r.yaml" > "$WORK/$r.play.log" 2>&1 || { cat "$WORK/$r.play.log" >&2; die "kube play $r failed"; }
done

ip_of() { podman inspect -f "{{(index .NetworkSettings.Networks \"$NET\").IPAddress}}" "$1"; }
server_of() { podman ps --filter "pod=$1-cctvmask-pod-0" --format '{{.Names}}' | grep -- '-server$' | head -1; }
ready_pod() { local c; c="$(server_of "$1")"; [ -n "$c" ] && curl -fsS --max-time 3 "http://$(ip_of "$c"):8080/readyz" >/dev/null; }
for r in silo-a silo-b; do
  wait_until 180 "pod $r to be ready" ready_pod "$r" || { podman pod ps >&2; podman logs "$(server_of "$r")" 2>&1 | tail -20 >&2; die "pod $r not ready"; }
  log "pod $r ready ($(server_of "$r"))"
done
active() { curl -fsS --max-time 3 -H "X-Api-Key: $KEY" "http://$(ip_of "$(server_of "$1")"):8080/api/fleet/silos" |
  /usr/bin/python3 -c 'import json,sys; print(sum(1 for s in json.load(sys.stdin) if s["status"]=="active"))'; }
both() { [ "$(active silo-a)" = 2 ] && [ "$(active silo-b)" = 2 ]; }
wait_until 60 "both pods to list two active silos" both || die "silos: a sees $(active silo-a), b sees $(active silo-b)"
log "both pods ready and clustered through Redis"
echo "chaos kube-play: PASS"
