#!/usr/bin/env bash
# Builds every image the compose stack needs with podman, without any container registry:
#   1. localhost/cctvmask-base:bookworm  debootstrap --variant=minbase from the host's Debian mirror
#      (the tree is cached in $CCTVMASK_PODMAN_WORK/base.tar and reused while younger than 7 days);
#   2. localhost/cctvmask-aspnet:10.0    that base + the host's ASP.NET Core runtime (the stand-in
#      for mcr.microsoft.com/dotnet/aspnet);
#   3. localhost/cctvmask:0.1.0          the real infra/docker/Dockerfile with RUNTIME_IMAGE=(2) and
#      PUBLISHED=context: `dotnet publish` runs on the host into artifacts/publish/;
#   4. postgres, redis and the camera simulator from Debian packages (infra/podman/images/).
#   build-images.sh [all|services|app] [--rebuild NAME]
# `services` is 1, 2 and 4 (nothing of this checkout's code: CI starts it while .NET builds); `app`
# is 3 (needs 2); `all` (default) is both. The app image is built on every call (the code changed);
# the others are cached between runs: the base while present (its debootstrap tree for 7 days), the
# others while their inputs (Containerfile, context files, base image id, the host's .NET runtime for
# 2) hash to the value in their `cctvmask.inputs` label; --rebuild NAME
# (base|aspnet|postgres|redis|camera-sim|all) forces one. podman's layer cache
# keeps the app image's apt layer; the superseded app image and its dangling layers are removed.
# CCTVMASK_PUBLISH_NO_BUILD=1 publishes from the existing Release build (test.sh just built it).
# Heavy steps run under `nice -n 10`. Prints the app image's size at the end.
set -euo pipefail
LOG_TAG=build
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root_podman

rebuild="" part=all
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) rebuild="${2:?--rebuild needs a name}"; shift 2 ;;
    all|services|app) part="$1"; shift ;;
    *) die "unknown argument $1" ;;
  esac
done
inputs_of() { # inputs_of NAME: hash of what the image NAME is built from (its cache key)
  local base_id=""
  [ "$1" = base ] || base_id="$(podman image inspect --format '{{.Id}}' "$CCTVMASK_BASE_IMAGE" 2>/dev/null || true)"
  case "$1" in
    aspnet) echo "$base_id"; cat "$PODMAN_DIR/images/aspnet.Containerfile"; dotnet --list-runtimes ;;
    postgres) echo "$base_id"; cat "$PODMAN_DIR/images/postgres.Containerfile" "$PODMAN_DIR/images/postgres-entrypoint.sh" ;;
    redis) echo "$base_id"; cat "$PODMAN_DIR/images/redis.Containerfile" "$PODMAN_DIR/images/redis-entrypoint.sh" ;;
    camera-sim) echo "$base_id"; cat "$PODMAN_DIR/images/camera-sim.Containerfile" "$REPO/infra/rtsp-simulator/rtsp_simulator.py" ;;
  esac | sha256sum | cut -c1-16
}
wants() { # wants NAME IMAGE: true when IMAGE must be (re)built (the base: only when missing)
  [ "$rebuild" = all ] || [ "$rebuild" = "$1" ] || ! image_exists "$2" ||
    { [ "$1" != base ] && [ "$(podman image inspect --format '{{index .Labels "cctvmask.inputs"}}' "$2" 2>/dev/null)" != "$(inputs_of "$1")" ]; }
}
STAGE="$CCTVMASK_PODMAN_WORK/stage"
cleanup() { rm -rf "$STAGE"; }
trap cleanup EXIT
label_for() { # the cache-key label of a service image (none for the app image)
  case "$1" in
    "$CCTVMASK_ASPNET_IMAGE") echo "--label cctvmask.inputs=$(inputs_of aspnet)" ;;
    "$CCTVMASK_POSTGRES_IMAGE") echo "--label cctvmask.inputs=$(inputs_of postgres)" ;;
    "$CCTVMASK_REDIS_IMAGE") echo "--label cctvmask.inputs=$(inputs_of redis)" ;;
    "$CCTVMASK_RTSP_IMAGE") echo "--label cctvmask.inputs=$(inputs_of camera-sim)" ;;
  esac
}
build() { # build IMAGE CONTEXT CONTAINERFILE [ARGS...]
  local image="$1" context="$2" file="$3"; shift 3
  local start=$SECONDS
  log "building $image"
  nice -n 10 podman build $(label_for "$image") --format docker --layers --pull=never -f "$file" -t "$image" \
    --build-arg "BASE_IMAGE=$CCTVMASK_BASE_IMAGE" "$@" "$context" > "$CCTVMASK_PODMAN_WORK/build-$(basename "$file").log" 2>&1 \
    || { tail -n 40 "$CCTVMASK_PODMAN_WORK/build-$(basename "$file").log" >&2; die "podman build of $image failed"; }
  log "built $image in $((SECONDS - start)) s"
}

# 1. Debian base.
if [ "$part" != app ] && wants base "$CCTVMASK_BASE_IMAGE"; then
  tarball="$CCTVMASK_PODMAN_WORK/base.tar"
  if [ "$rebuild" = base ] || [ "$rebuild" = all ] || [ -z "$(find "$tarball" -mtime -7 2>/dev/null)" ]; then
    command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
    mirror="$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
    mirror="${mirror:-http://deb.debian.org/debian}"
    rootfs="$CCTVMASK_PODMAN_WORK/rootfs"
    rm -rf "$rootfs"
    log "debootstrap bookworm from $mirror (about 2 minutes)"
    start=$SECONDS
    nice -n 10 debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$CCTVMASK_PODMAN_WORK/debootstrap.log" 2>&1 \
      || { tail -n 20 "$CCTVMASK_PODMAN_WORK/debootstrap.log" >&2; die "debootstrap failed"; }
    # apt inside builds uses the host's sources (mirror, security, updates) and keyring.
    rm -f "$rootfs/etc/apt/sources.list"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      cp /etc/apt/sources.list.d/debian.sources "$rootfs/etc/apt/sources.list.d/debian.sources"
    else
      printf 'deb %s bookworm main\n' "$mirror" > "$rootfs/etc/apt/sources.list"
    fi
    [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] && cp /usr/share/keyrings/debian-archive-keyring.gpg "$rootfs/usr/share/keyrings/"
    # No recommends, no docs: smaller images.
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' > "$rootfs/etc/apt/apt.conf.d/90cctvmask"
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$rootfs"
    log "debootstrap done in $((SECONDS - start)) s"
  else
    log "reusing the cached debootstrap tree $tarball"
  fi
  podman import --change 'CMD ["/bin/bash"]' "$tarball" "$CCTVMASK_BASE_IMAGE" >/dev/null
  log "imported $CCTVMASK_BASE_IMAGE"
fi

wait_all() {
  local failed=() i
  for i in "${!jobs_pids[@]}"; do
    wait "${jobs_pids[$i]}" || failed+=("${jobs_names[$i]}")
  done
  [ ${#failed[@]} -eq 0 ] || die "image builds failed: ${failed[*]}"
}
report_size() {
  local size
  size="$(podman image inspect --format '{{.Size}}' "$CCTVMASK_IMAGE")"
  log "$CCTVMASK_IMAGE: $((size / 1000000)) MB ($(podman image inspect --format '{{.Config.User}}' "$CCTVMASK_IMAGE") user, healthcheck: $(podman image inspect --format '{{if .Config.Healthcheck}}{{join .Config.Healthcheck.Test " "}}{{else}}none{{end}}' "$CCTVMASK_IMAGE"))"
}

# 2-4 run side by side (apt downloads wait on the network, publish on the CPU): the service
# images, and the chain publish + ASP.NET base -> app image. Each job logs to its own file.
jobs_pids=() jobs_names=()
spawn() { # spawn NAME FUNCTION: run in the background, remember it
  "${@:2}" & jobs_pids+=($!) jobs_names+=("$1")
}

build_aspnet() {
  local dotnet_root
  dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  [ -d "$dotnet_root/shared/Microsoft.AspNetCore.App" ] || die "no ASP.NET Core runtime under $dotnet_root"
  rm -rf "$STAGE" && mkdir -p "$STAGE/dotnet"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$STAGE/dotnet/"
  build "$CCTVMASK_ASPNET_IMAGE" "$STAGE" "$PODMAN_DIR/images/aspnet.Containerfile"
  rm -rf "$STAGE"
}

publish() {
  local out="$REPO/artifacts/publish" start=$SECONDS
  rm -rf "$out"
  local no_build=(); [ "${CCTVMASK_PUBLISH_NO_BUILD:-0}" = 1 ] && no_build=(--no-build)
  log "dotnet publish ${no_build[*]} (server, cli) into $out"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  nice -n 10 dotnet publish "$REPO/src/CctvMask.Server/CctvMask.Server.csproj" -c Release "${no_build[@]}" -o "$out/server" -nologo -v q > "$CCTVMASK_PODMAN_WORK/publish.log" 2>&1 \
    && nice -n 10 dotnet publish "$REPO/src/CctvMask.Cli/CctvMask.Cli.csproj" -c Release "${no_build[@]}" -o "$out/cli" -nologo -v q >> "$CCTVMASK_PODMAN_WORK/publish.log" 2>&1 \
    || { tail -n 30 "$CCTVMASK_PODMAN_WORK/publish.log" >&2; die "dotnet publish failed"; }
  # Same trim as the Dockerfile's CLI_TRAINING=false, before the context is sent.
  rm -f "$out"/cli/libtorch*.so "$out"/cli/libc10.so "$out"/cli/libtorchbind_test.so "$out"/cli/libshm.so
  log "published in $((SECONDS - start)) s"
}

build_app_chain() {
  local pub_pid=""
  publish & pub_pid=$!
  if wants aspnet "$CCTVMASK_ASPNET_IMAGE"; then build_aspnet; fi
  wait "$pub_pid" || die "publish failed"
  build "$CCTVMASK_IMAGE" "$REPO" "$REPO/infra/docker/Dockerfile" \
    --build-arg "RUNTIME_IMAGE=$CCTVMASK_ASPNET_IMAGE" --build-arg PUBLISHED=context
  rm -rf "$REPO/artifacts/publish"
}

# After every build has finished: the superseded app image and the dangling layers of this and
# earlier app builds (the cached apt layer stays: the new image is its child). A chain of
# intermediate images frees one link per prune pass.
drop_superseded() {
  if [ -n "$old_app_id" ] && [ "$old_app_id" != "$(podman image inspect --format '{{.Id}}' "$CCTVMASK_IMAGE")" ]; then
    podman rmi "$old_app_id" >/dev/null 2>&1 || true
  fi
  local pass
  for pass in $(seq 1 20); do
    [ -n "$(podman image prune -f 2>/dev/null)" ] || break
  done
}

old_app_id="$(podman image inspect --format '{{.Id}}' "$CCTVMASK_IMAGE" 2>/dev/null || true)"
if [ "$part" != services ]; then
  spawn app build_app_chain
elif wants aspnet "$CCTVMASK_ASPNET_IMAGE"; then
  spawn aspnet build_aspnet
fi
[ "$part" != app ] || { wait_all; drop_superseded; report_size; exit 0; }
wants postgres "$CCTVMASK_POSTGRES_IMAGE" && spawn postgres \
  eval 'build "$CCTVMASK_POSTGRES_IMAGE" "$PODMAN_DIR/images" "$PODMAN_DIR/images/postgres.Containerfile"'
wants redis "$CCTVMASK_REDIS_IMAGE" && spawn redis \
  eval 'build "$CCTVMASK_REDIS_IMAGE" "$PODMAN_DIR/images" "$PODMAN_DIR/images/redis.Containerfile"'
wants camera-sim "$CCTVMASK_RTSP_IMAGE" && spawn camera-sim \
  eval 'build "$CCTVMASK_RTSP_IMAGE" "$REPO/infra/rtsp-simulator" "$PODMAN_DIR/images/camera-sim.Containerfile"'
wait_all
[ "$part" = services ] || { drop_superseded; report_size; }
