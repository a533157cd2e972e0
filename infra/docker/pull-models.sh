#!/bin/sh
# Fills the model folder ($CCTVMASK_MODELS): the project's own classifier, face detector and the manifest from the
# image, then `cctvmask models pull` downloads the missing third-party models (sha256 checked) from
# the manifest URLs, and `models verify` checks the result. Idempotent: present files with the right
# hash are kept. Arguments go to `pull` (e.g. --all for the optional models).
# Offline: CCTVMASK_MODELS_SEED names a folder (a read-only mount) whose *.onnx files are copied
# first; `pull` then finds them with the right hash and downloads nothing.
set -eu
dest="${CCTVMASK_MODELS:?CCTVMASK_MODELS must name the model folder}"
bundled="${CCTVMASK_BUNDLED_MODELS:-/app/models}"
mkdir -p "$dest"
if [ -n "${CCTVMASK_MODELS_SEED:-}" ] && [ -d "$CCTVMASK_MODELS_SEED" ]; then
  for f in "$CCTVMASK_MODELS_SEED"/*.onnx; do
    [ -f "$f" ] && [ ! -f "$dest/$(basename "$f")" ] && cp "$f" "$dest/"
  done
fi
cp -f "$bundled/mask_classifier.onnx" "$bundled/face_detector.onnx" "$bundled/manifest.json" "$dest/"
cctvmask models pull "$@"
exec cctvmask models verify
