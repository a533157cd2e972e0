#!/usr/bin/env bash
# The run command (README): the CctvMask server on embedded defaults (Orleans localhost clustering,
# SQLite, loopback only) with ONE data folder, ./data at the repository root (the server's own default in a checkout,
# src/CctvMask.Server/Hosting/DataDirectory.cs; exported here because the models go under it): the database, the generated
# admin.key and the model folder (data/models) all live there (CCTVMASK_DATA moves it).
# The server is published once to .build/server (progress shown); a rerun starts it straight away and
# publishes again only when a source file changed since. Installs ffmpeg if missing; assembles the models
# (third-party detectors from ../shared/models when present, else `cctvmask models pull`).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
say() { printf '[run] %s\n' "$*"; }

if ! command -v ffmpeg >/dev/null; then
  say "installing ffmpeg (apt)…"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ffmpeg fonts-dejavu-core >/dev/null
fi

export CCTVMASK_DATA="${CCTVMASK_DATA:-$REPO/data}"
export CCTVMASK_MODELS="${CCTVMASK_MODELS:-$CCTVMASK_DATA/models}"
mkdir -p "$CCTVMASK_DATA"
PUBLISH="$REPO/.build/server"
STAMP="$PUBLISH/.published"

# Publish when there is no build yet or a source (code, markup, styles, project files) is newer than it.
stale() {
  [ -f "$STAMP" ] || return 0
  [ -n "$(find src Directory.Build.props Directory.Build.targets Directory.Packages.props \
      \( -name bin -o -name obj \) -prune -o -type f -newer "$STAMP" -print -quit 2>/dev/null)" ]
}
if stale; then
  say "publishing the server to .build/server (the first time takes a few minutes; later runs reuse it)…"
  rm -rf "$PUBLISH"
  dotnet publish src/CctvMask.Server -c Release -o "$PUBLISH" -v minimal -nologo -tl:auto
  touch "$STAMP"
  say "published."
else
  say "sources unchanged since the last publish: reusing .build/server"
fi

SHARED="${CCTVMASK_SHARED:-$(cd "$REPO/.." && pwd)/shared}"
if [ -d "$SHARED/models" ]; then
  bash infra/scripts/assemble-models.sh "$SHARED" "$CCTVMASK_MODELS"   # symlinks: cheap, refreshed every run
elif [ ! -e "$CCTVMASK_MODELS/manifest.json" ]; then
  say "downloading the third-party face detectors into $CCTVMASK_MODELS…"
  mkdir -p "$CCTVMASK_MODELS"; cp -f models/*.onnx models/manifest.json "$CCTVMASK_MODELS/"
  dotnet run --project src/CctvMask.Cli -c Release -- models pull --models "$CCTVMASK_MODELS"
fi

URLS="${CCTVMASK_URLS:-http://127.0.0.1:5080}"
say "data folder: $CCTVMASK_DATA"
say "starting the server on $URLS (dashboard: $URLS/ · API docs: $URLS/api-docs · metrics: $URLS/metrics)"
# The content root is the publish folder (its wwwroot holds the dashboard's static files).
cd "$PUBLISH"
exec dotnet CctvMask.Server.dll --urls "$URLS" "$@"
