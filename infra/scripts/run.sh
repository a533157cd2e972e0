#!/usr/bin/env bash
# The run command (README): the CctvMask server on embedded defaults (Orleans localhost clustering,
# SQLite under ./data, loopback only). Installs ffmpeg if missing and assembles a model folder
# (third-party detectors from ../shared/models when present, else `cctvmask models pull`).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
if ! command -v ffmpeg >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ffmpeg fonts-dejavu-core >/dev/null
fi
export CCTVMASK_MODELS="${CCTVMASK_MODELS:-$REPO/data/models}"
SHARED="${CCTVMASK_SHARED:-$(cd "$REPO/.." && pwd)/shared}"
if [ -d "$SHARED/models" ]; then
  bash infra/scripts/assemble-models.sh "$SHARED" "$CCTVMASK_MODELS"
else
  mkdir -p "$CCTVMASK_MODELS"; cp -f models/*.onnx models/manifest.json "$CCTVMASK_MODELS/"
  dotnet run --project src/CctvMask.Cli -c Release -- models pull --models "$CCTVMASK_MODELS"
fi
exec dotnet run --project src/CctvMask.Server -c Release -- --urls "${CCTVMASK_URLS:-http://127.0.0.1:5080}" "$@"
