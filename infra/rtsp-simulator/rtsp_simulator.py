#!/usr/bin/python3
"""RTSP camera simulator for tests and demos (GStreamer RTSP server on loopback).

Serves every clip given with --clip NAME=FILE at rtsp://HOST:PORT/NAME. Each client gets its own
pipeline starting at the beginning of the clip, so a test that connects sees the clip from t=0
and can compare against the clip's ground truth. Clips are looped by preparing a long copy
(ffmpeg -stream_loop, stream copy) in a scratch folder outside the repository.
Also serves /test: a synthetic videotestsrc pattern encoded with x264.

Run with Debian's /usr/bin/python3 (needs python3-gi and gir1.2-gst-rtsp-server-1.0).
"""
import argparse
import os
import signal
import subprocess
import sys
import tempfile

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def prepare_loop(src: str, scratch: str, loops: int) -> str:
    """Write a looped stream copy of src (H.264 in MP4) and return its path."""
    base = os.path.splitext(os.path.basename(src))[0]
    out = os.path.join(scratch, f"{base}.loop{loops}.mp4")
    if os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(src):
        return out
    tmp = f"{out}.{os.getpid()}.part.mp4"  # per process: test simulators may prepare the same clip at once
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", str(loops),
           "-i", src, "-an", "-c:v", "copy", tmp]
    subprocess.run(cmd, check=True)
    os.replace(tmp, out)
    return out


def needs_transcode(path: str) -> bool:
    """True when the clip is not H.264 (e.g. the MPEG-4 street clip)."""
    probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                            "stream=codec_name", "-of", "csv=p=0", path],
                           capture_output=True, text=True, check=True)
    return probe.stdout.strip() != "h264"


def to_h264(src: str, scratch: str) -> str:
    base = os.path.splitext(os.path.basename(src))[0]
    out = os.path.join(scratch, f"{base}.h264.mp4")
    if not os.path.exists(out):
        tmp = f"{out}.{os.getpid()}.part.mp4"
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", src, "-an",
                        "-c:v", "libx264", "-preset", "veryfast", "-g", "10", "-pix_fmt", "yuv420p",
                        tmp], check=True)
        os.replace(tmp, out)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", default="8554")
    ap.add_argument("--clip", action="append", default=[], metavar="NAME=FILE")
    ap.add_argument("--live", action="append", default=[], metavar="NAME=FILE",
                    help="like --clip, but one shared real-time stream for every client, as a camera: a client that "
                         "reconnects joins where the stream is (it restarts at t=0 only once no client is left)")
    ap.add_argument("--loops", type=int, default=40, help="how many times each clip repeats")
    ap.add_argument("--scratch", default=os.path.join(tempfile.gettempdir(), "cctvmask-rtsp"))
    args = ap.parse_args()

    os.makedirs(args.scratch, exist_ok=True)
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(args.host)
    server.set_service(args.port)
    mounts = server.get_mount_points()

    for spec, live in [(c, False) for c in args.clip] + [(c, True) for c in args.live]:
        name, _, path = spec.partition("=")
        if not name or not path or not os.path.isfile(path):
            print(f"rtsp-simulator: bad --clip {spec!r} (want NAME=FILE of an existing file)", file=sys.stderr)
            return 2
        src = to_h264(path, args.scratch) if needs_transcode(path) else path
        looped = prepare_loop(src, args.scratch, args.loops)
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(f'( filesrc location="{looped}" ! qtdemux ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )')
        factory.set_shared(live)
        mounts.add_factory(f"/{name}", factory)
        print(f"rtsp-simulator: rtsp://{args.host}:{args.port}/{name} <- {path}", flush=True)

    test = GstRtspServer.RTSPMediaFactory()
    test.set_launch("( videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=10/1 "
                    "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=10 ! rtph264pay name=pay0 pt=96 config-interval=1 )")
    test.set_shared(True)
    mounts.add_factory("/test", test)

    if server.attach(None) == 0:
        print(f"rtsp-simulator: cannot listen on {args.host}:{args.port}", file=sys.stderr)
        return 1
    print(f"rtsp-simulator: ready on rtsp://{args.host}:{args.port}", flush=True)
    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
