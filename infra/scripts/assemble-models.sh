#!/usr/bin/env bash
# assemble-models.sh SHARED OUT: builds a model folder outside the repository from
# SHARED/models (third-party files, symlinked, never copied into the repo) and the
# project's own committed classifier.
set -euo pipefail
SHARED="$1"; OUT="$2"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$OUT"
for f in "$SHARED"/models/face-detection/*.onnx "$SHARED"/models/reference/*.onnx; do
  [ -e "$f" ] && ln -sf "$f" "$OUT/$(basename "$f")"
done
for f in "$REPO"/models/*.onnx; do
  [ -e "$f" ] && ln -sf "$f" "$OUT/$(basename "$f")"
done
cp -f "$REPO/models/manifest.json" "$OUT/manifest.json" 2>/dev/null || true
