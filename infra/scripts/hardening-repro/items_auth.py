"""Issue 8 items 5, 6 and 7: secrets, brute force, the session cookie."""
import os, re, stat, time, urllib.parse
from harness import check, http

SECRETS = ("SeCrEtT0kenUser", "AccessTok3nSecret", "S3cretQueryValue")


class Browser:
    """A cookie jar over the harness's http(), enough for the dashboard's SSR login form."""
    def __init__(self, port, headers=None, source=None):
        self.port, self.cookies, self.extra, self.source, self.set_cookies = port, {}, headers or {}, source, []

    def go(self, method, path, body=None, headers=None):
        h = dict(self.extra, **(headers or {}))
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        r = http(self.port, method, path, body, h, source=self.source)
        for c in r.headers_all("Set-Cookie"):
            self.set_cookies.append(c)
            name, _, rest = c.partition("=")
            value = rest.split(";")[0]
            if value and "expires=Thu, 01 Jan 1970" not in c:
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        return r

    def login(self, key):
        page = self.go("GET", "/login")
        token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page.text)
        form = {"_handler": "login", "ApiKey": key}
        if token:
            form["__RequestVerificationToken"] = token.group(1)
        return self.go("POST", "/login", urllib.parse.urlencode(form), {"Content-Type": "application/x-www-form-urlencoded"})


def item5_setup(srv, rtsp):
    url = f"rtsp://{SECRETS[0]}@{rtsp[len('rtsp://'):]}/crowd360?access_token={SECRETS[1]}&secret={SECRETS[2]}"
    r = srv.api("POST", "/api/cameras", {"id": "sec", "name": "sec", "url": url, "detectFps": 1, "analysisWidth": 640, "analysisHeight": 360})
    return url, r


def leaks(text):
    return [s for s in SECRETS if s in text]


def item5(srv, created, data_dir, csv_text):
    r = created
    check(5, "POST /api/cameras rtsp://TOKEN@…?access_token=…&secret=… (response)", "201, no secret", f"{r.status} leaks={leaks(r.text)}",
          r.status in (200, 201) and not leaks(r.text))
    bad = srv.api("POST", "/api/cameras", {"id": "sec", "name": "sec", "url": f"file:///nope?secret={SECRETS[2]}&access_token={SECRETS[1]}"})
    bad2 = srv.api("POST", "/api/cameras", {"id": "sec2", "name": "sec2", "detectFps": 0,
                                            "url": f"rtsp://{SECRETS[0]}@127.0.0.1:9/x?access_token={SECRETS[1]}"})
    surfaces = {"GET /api/cameras": srv.api("GET", "/api/cameras", key="viewer").text,
                "GET /api/cameras/sec": srv.api("GET", "/api/cameras/sec", key="viewer").text,
                "GET /api/cameras/sec/status": srv.api("GET", "/api/cameras/sec/status", key="viewer").text,
                "GET /api/fleet": srv.api("GET", "/api/fleet", key="viewer").text,
                f"error {bad.status} (refused file URL)": bad.text, f"error {bad2.status} (validation)": bad2.text,
                "GET /api/audit/export.csv": srv.api("GET", "/api/audit/export.csv").text,
                "GET /metrics": http(srv.port, "GET", "/metrics").text,
                "dashboard violations CSV": csv_text, "server log": srv.log_text()}
    for name, text in surfaces.items():
        found = leaks(text)
        check(5, f"secrets in {name}", "none of the 3", f"{len(text)} chars, leaks={found}", not found)
    mode = lambda p: oct(stat.S_IMODE(os.stat(p).st_mode))
    files = [os.path.join(dp, f) for dp, _, fs in os.walk(data_dir) for f in fs
             if f.startswith("cctvmask.db") or "journal" in dp or "spill" in f]
    wide = [f"{os.path.relpath(p, data_dir)}={mode(p)}" for p in files if stat.S_IMODE(os.stat(p).st_mode) & 0o077]
    return wide, len(files)


def item5_modes(label, wide, count):
    check(5, f"file modes in the data folder ({label}: SQLite db, -wal/-shm, journal, spill)", "600", f"{count} files, wider: {wide or 'none'}",
          count > 0 and not wide)


def item5_cmdline(srv):
    p = srv.ffmpeg_for("crowd360?")
    cmd = open(f"/proc/{p}/cmdline", "rb").read().decode(errors="replace") if p else ""
    found = leaks(cmd)
    check(5, "ffmpeg command line (/proc/PID/cmdline) of camera sec", "documented limit: ffmpeg takes the URL as an argument",
          f"leaks={found}" if p else "ffmpeg not found", True, figure="known limit" if found else "")


def item7(srv):
    b = Browser(srv.port)
    r = b.login(srv.viewer)
    logged = "cctvmask.session" in b.cookies
    check(7, "POST /login (SSR form) with the viewer key", "302 + session cookie", f"{r.status} cookie={'yes' if logged else 'no'}", logged)
    kept = b.cookies.get("cctvmask.session")
    before = http(srv.port, "GET", "/dashboard/export/violations.csv", headers={"Cookie": f"cctvmask.session={kept}"})
    csv_text = before.text
    check(7, "GET /dashboard/export/violations.csv with the cookie", "200", str(before.status), before.status == 200)
    out = b.go("GET", "/dashboard/logout")
    after = http(srv.port, "GET", "/dashboard/export/violations.csv", headers={"Cookie": f"cctvmask.session={kept}"})
    check(7, "logout, then the CSV export with the old cookie", "401 (or redirect to /login)", f"logout {out.status}, export {after.status}",
          after.status in (401, 302, 303) and out.status in (302, 303))
    s = Browser(srv.port, headers={"X-Forwarded-Proto": "https"})
    s.login(srv.viewer)
    session = [c for c in s.set_cookies if c.startswith("cctvmask.session=") and "1970" not in c]
    secure = bool(session) and "secure" in session[-1].lower()
    check(7, "login behind X-Forwarded-Proto: https (Server:UseForwardedHeaders=true)", "session cookie has Secure",
          (session[-1].split(";", 1)[1].strip() if session else "no session cookie"), secure)
    plain = [c for c in b.set_cookies if c.startswith("cctvmask.session=") and "1970" not in c]
    check(7, "login over plain http (no proxy header)", "cookie without Secure (as configured: the request is http)",
          (plain[-1].split(";", 1)[1].strip() if plain else "none"), bool(plain) and "secure" not in plain[-1].lower())
    return csv_text


def item6(srv):
    codes, first429, ra = [], None, None
    for i in range(200):
        r = http(srv.port, "GET", "/api/cameras", headers={"X-Api-Key": f"wrong-key-{i:04d}-xxxxxxxxxxxx"}, source="127.0.0.2")
        codes.append(r.status)
        if r.status == 429 and first429 is None:
            first429, ra, prob = i + 1, r.header("Retry-After"), r.problem
    tally = {c: codes.count(c) for c in sorted(set(codes))}
    check(6, "200 wrong X-Api-Key values from 127.0.0.2", "429 + Retry-After after a few", f"{tally}, first 429 at #{first429}, Retry-After={ra}",
          first429 is not None and ra is not None, figure=f"429 from #{first429}")
    right = http(srv.port, "GET", "/api/cameras", headers={"X-Api-Key": srv.viewer}, source="127.0.0.2")
    check(6, "right key from the locked-out 127.0.0.2", "429 (lockout holds)", right.summary(), right.status == 429)
    other = http(srv.port, "GET", "/api/cameras", headers={"X-Api-Key": srv.viewer})
    check(6, "right key from 127.0.0.1 meanwhile", "200 (only the attacker is locked)", str(other.status), other.status == 200)
    b = Browser(srv.port, source="127.0.0.3"); codes = []; first429 = ra = None
    for i in range(50):
        r = b.login(f"wrong-dashboard-key-{i:03d}-xxxx")
        codes.append(r.status)
        if r.status == 429 and first429 is None:
            first429, ra = i + 1, r.header("Retry-After")
    tally = {c: codes.count(c) for c in sorted(set(codes))}
    check(6, "50 wrong dashboard logins from 127.0.0.3", "429 + Retry-After after a few", f"{tally}, first 429 at #{first429}, Retry-After={ra}",
          first429 is not None and ra is not None, figure=f"429 from #{first429}")
