"""Issue 8 items 2, 3, 9 and 10: hostile input against the live server."""
import os, struct, threading, time, zlib
from harness import RssSampler, check, proc_status, raw


def png(path, w, h, row_fn):
    c = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    z = zlib.compressobj(9)
    data = b"".join(z.compress(row_fn(y)) for y in range(h)) + z.flush()
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + c(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + c(b"IDAT", data) + c(b"IEND", b""))
    return path


def concurrent_detect(srv, path, n):
    body = open(path, "rb").read(); out = [None] * n
    def one(i):
        t = time.time()
        try:
            r = srv.api("POST", "/api/detect", body, key="viewer", headers={"Content-Type": "image/png"}, timeout=300)
            out[i] = (r, time.time() - t)
        except Exception as e:  # a reset connection is an answer too
            out[i] = (e, time.time() - t)
    ts = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    [t.start() for t in ts]; [t.join() for t in ts]
    return out


def fps_window(srv, cam, seconds):
    a = srv.status(cam); time.sleep(seconds); b = srv.status(cam)
    return (b.get("framesAnalyzed", 0) + b.get("framesSkipped", 0) - a.get("framesAnalyzed", 0) - a.get("framesSkipped", 0)) / seconds


def item2(srv, root, cam):
    bomb = png(os.path.join(root, "bomb.png"), 7000, 7000, lambda y: b"\0" * (7000 * 3 + 1))
    noise = [b"\0" + os.urandom(4000 * 3) for _ in range(2)]  # two rows: inside zlib's window, so the file stays small
    worst = png(os.path.join(root, "worst.png"), 4000, 4000, lambda y: noise[y % 2])
    rest = proc_status(srv.pid, "VmRSS")
    before = fps_window(srv, cam, 10)
    with RssSampler(srv.pid) as s:
        res = concurrent_detect(srv, bomb, 4)
    hwm = proc_status(srv.pid, "VmHWM")
    codes = [r.status if hasattr(r, "status") else type(r).__name__ for r, _ in res]
    ok = all(hasattr(r, "status") and r.status in (400, 413, 429) and r.problem for r, _ in res)
    check(2, f"4 concurrent 7000x7000 PNG bombs ({os.path.getsize(bomb) // 1024} KB) POST /api/detect, viewer key",
          "4xx problem+json, bounded RSS", f"{codes} problem+json={[getattr(r, 'problem', None) for r, _ in res]} "
          f"in {max(t for _, t in res):.2f}s; RSS at rest {rest:.0f} MB, peak sampled {s.peak:.0f} MB, VmHWM {hwm:.0f} MB", ok,
          figure=f"peak {s.peak:.0f} MB")
    result = {}
    def run_worst():
        with RssSampler(srv.pid) as w:
            result["res"] = concurrent_detect(srv, worst, 4)
        result["peak"] = w.peak
    t = threading.Thread(target=run_worst); t0 = time.time(); t.start()
    time.sleep(2); during = fps_window(srv, cam, 8); t.join()
    hwm2 = proc_status(srv.pid, "VmHWM")
    after = fps_window(srv, cam, 10)
    res = result["res"]
    codes = [r.status if hasattr(r, "status") else type(r).__name__ for r, _ in res]
    check(2, f"4 concurrent worst admissible 4000x4000 noise PNGs ({os.path.getsize(worst) // 1024} KB) POST /api/detect",
          "200 (or 429 problem+json), bounded RSS", f"{codes} in {min(t for _, t in res):.1f}-{max(t for _, t in res):.1f}s; "
          f"peak sampled {result['peak']:.0f} MB, VmHWM {hwm2:.0f} MB", all(c in (200, 429) for c in codes) and result["peak"] < 2048,
          figure=f"peak {result['peak']:.0f} MB")
    check(2, f"camera {cam} processed frames/s before / during the 4 uploads / after (wanted 5)",
          "keeps analysing during the uploads (> 0)", f"{before:.1f} / {during:.1f} / {after:.1f}", during > 0,
          figure=f"{before:.1f} / {during:.1f} / {after:.1f} fps")


def item3(srv):
    for name, url, label in (("a\u0000b", "rtsp://127.0.0.1:1/x", "NUL in name"), ("ok", "rtsp://127.0.0.1:1/x\u0000y", "NUL in URL")):
        r = srv.api("POST", "/api/cameras", {"id": "n1", "name": name, "url": url, "enabled": False})
        check(3, f"POST /api/cameras {label}", "400 problem+json", r.summary(), r.status == 400 and r.problem)
    for path in ("/api/violations?cameraId=%00", "/api/cameras/cam1/compliance?to=0001-01-01T00:00:00Z"):
        r = srv.api("GET", path, key="viewer")
        check(3, f"GET {path}", "400 problem+json", r.summary(), r.status == 400 and r.problem)
    body = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG-cut-off"
    r = srv.api("POST", "/api/detect", body, key="viewer", headers={"Content-Type": "multipart/form-data; boundary=XyZ"})
    check(3, "POST /api/detect multipart cut off before its closing boundary", "400 problem+json", r.summary(), r.status == 400 and r.problem)


def item9(srv):
    r = srv.api("GET", "/api/violations?x=" + "a" * 10_000, key="viewer")
    check(9, "GET /api/violations?x=<10 KB>", "414 problem+json", r.summary(), r.status == 414 and r.problem)
    r = srv.api("GET", "/api/cameras", key="viewer", headers={f"X-Filler-{i}": "b" * 5000 for i in range(8)})
    check(9, "GET /api/cameras with 40 KB of headers", "431 problem+json", r.summary(), r.status == 431 and r.problem)
    r = srv.api("GET", "/api/cameras", key="viewer", headers={f"X-Filler-{i}": "b" * 8000 for i in range(20)})
    check(9, "GET /api/cameras with 160 KB of headers (past Kestrel's hard limit)", "431 problem+json", r.summary(), r.status == 431 and r.problem)
    for label, data in (("malformed request line", b"GARBAGE / HTTP/9.9\r\n\r\n"),
                        ("request line without version", b"GET /api/cameras\r\nHost: x\r\n\r\n"),
                        ("URL past Kestrel's hard limit (40 KB)", b"GET /" + b"a" * 40_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")):
        ans = raw(srv.port, data)
        head, _, body = ans.partition(b"\r\n\r\n")
        line = head.split(b"\r\n")[0].decode(errors="replace") if head else "(no answer)"
        problem = b"application/problem+json" in head.lower()
        check(9, f"printf '{label}' | nc", "4xx (505 for an unknown HTTP version) problem+json", f"{line} problem+json={'yes' if problem else 'no'} body={len(body)} B",
              line.split(" ")[1:2] and line.split(" ")[1][0] in "45" and problem)


def item10(srv, media_root):
    existing, missing = "/etc/passwd", "/etc/no-such-file-cctv"
    bodies = {}
    for label, url in (("existing file outside media roots", f"file://{existing}"), ("missing file outside media roots", f"file://{missing}"),
                       ("server's own port", f"http://127.0.0.1:{srv.port}/api/cameras"),
                       ("link-local metadata", "http://169.254.169.254/latest/meta-data/"),
                       ("localhost name", "http://localhost:9/x"), ("path escaping the media root", f"file://{media_root}/../../etc/passwd")):
        r = srv.api("POST", "/api/cameras", {"id": "reach", "name": "reach", "url": url, "enabled": False})
        bodies[label] = r.text.replace(existing, "PATH").replace(missing, "PATH")
        check(10, f"POST /api/cameras url={url}", "400 problem+json", r.summary(), r.status == 400 and r.problem)
        if r.status in (200, 201):
            srv.api("DELETE", "/api/cameras/reach")
    a = bodies["existing file outside media roots"]; b = bodies["missing file outside media roots"]
    strip = lambda t: __import__("re").sub(r'"traceId":"[^"]*"', "", t)
    check(10, "error for an existing vs a missing file", "identical text (nothing revealed)",
          "identical" if strip(a) == strip(b) else f"differs: {a[:160]} / {b[:160]}", strip(a) == strip(b))
