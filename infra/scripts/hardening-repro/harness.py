"""Processes and HTTP for the issue 8 reproductions: a private PostgreSQL, a private RTSP simulator, the built
server on random ports, and one PASS/FAIL line per check. Only processes started here are ever signalled."""
import http.client as httpc, json, os, random, shutil, signal, socket, subprocess, sys, tempfile, threading, time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DLL = os.path.join(REPO, "src/CctvMask.Server/bin/Release/net10.0/linux-x64/CctvMask.Server.dll")
PG_BIN = "/usr/lib/postgresql/15/bin"
RESULTS = []


def free_port():
    while True:
        port = random.randint(20000, 39000)
        if port in (30000,):
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port)); s.close()
                with socket.socket() as t:  # silo and gateway ports follow the HTTP port
                    t.bind(("127.0.0.1", port + 1))
                with socket.socket() as t:
                    t.bind(("127.0.0.1", port + 2))
                return port
            except OSError:
                continue


def check(item, request, expected, got, ok, figure=""):
    """One line per check: item | request | expected | got | PASS/FAIL."""
    RESULTS.append(dict(item=item, request=request, expected=expected, got=got, ok=bool(ok), figure=figure))
    print(f"[{item}] {request} | expected {expected} | got {got} | {'PASS' if ok else 'FAIL'}", flush=True)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    @property
    def problem(self):
        return (self.header("Content-Type") or "").startswith("application/problem+json")

    def summary(self):
        ra = self.header("Retry-After")
        return f"{self.status} problem+json={'yes' if self.problem else 'no'}" + (f" Retry-After={ra}" if ra else "")


def http(port, method, path, body=None, headers=None, source=None, timeout=60):
    conn = httpc.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return Response(r.status, r.getheaders(), r.read())
    finally:
        conn.close()


def raw(port, data, timeout=10):
    """Bytes on a socket, as `printf … | nc` would send them; returns the raw answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)  # no half-close: Kestrel drops a half-closed connection without answering
        chunks = []
        try:
            while True:
                c = s.recv(65536)
                if not c:
                    break
                chunks.append(c)
        except socket.timeout:
            pass
    return b"".join(chunks)


def proc_status(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0  # MB
    except OSError:
        return None


class RssSampler:
    """Samples VmRSS every 50 ms while running; `peak` is the highest sample (MB)."""
    def __init__(self, pid):
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            v = proc_status(self.pid, "VmRSS")
            if v:
                self.peak = max(self.peak, v)
            time.sleep(0.05)

    def __enter__(self):
        self._t.start(); return self

    def __exit__(self, *a):
        self._stop.set(); self._t.join()


class Postgres:
    """A private cluster (initdb into a temp folder, own port), run as the postgres user: the shared cluster is never touched."""
    def __init__(self, root):
        self.dir = os.path.join(root, "pg"); self.port = free_port()
        os.makedirs(self.dir); shutil.chown(self.dir, "postgres", "postgres")
        self._as_pg([f"{PG_BIN}/initdb", "-D", self.dir, "-A", "trust", "-U", "postgres", "--no-sync"])
        self.log = os.path.join(self.dir, "server.log")
        self.conn = f"Host=127.0.0.1;Port={self.port};Database=cctv;Username=postgres;Timeout=5;Command Timeout=10"

    def _as_pg(self, args):
        subprocess.run(["runuser", "-u", "postgres", "--"] + args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

    def start(self):
        self._as_pg([f"{PG_BIN}/pg_ctl", "-D", self.dir, "-l", self.log, "-w", "start", "-o",
                     f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=on"])

    def stop(self):
        self._as_pg([f"{PG_BIN}/pg_ctl", "-D", self.dir, "-m", "fast", "-w", "stop"])

    def sql(self, query):
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "cctv", "-At", "-c", query],
                             check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def create_db(self):
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "postgres", "-c", "CREATE DATABASE cctv"],
                       check=True, capture_output=True)


class Rtsp:
    """A private RTSP simulator serving crowd360, so its source can be taken away without touching the shared one."""
    def __init__(self, root, clip):
        self.port = free_port(); self.log = os.path.join(root, f"rtsp-{self.port}.log")
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(REPO, "infra/rtsp-simulator/rtsp_simulator.py"), "--port", str(self.port),
                                      "--scratch", os.path.join(root, f"rtsp-{self.port}"), "--clip", f"crowd360={clip}"],
                                     stdout=open(self.log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(240):
            if "ready" in open(self.log).read():
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.5)
        if "ready" not in open(self.log).read():
            raise RuntimeError("RTSP simulator failed: " + open(self.log).read()[-2000:])
        self.url = f"rtsp://127.0.0.1:{self.port}"

    def kill(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL); self.proc.wait()


class Server:
    """The built Release server (dotnet CctvMask.Server.dll) on random ports; env like server-bench.sh."""
    def __init__(self, data, env_extra, admin, viewer, port=None):
        self.data, self.admin, self.viewer = data, admin, viewer
        self.port = port or free_port(); self.env_extra = env_extra; self.proc = None; self.logs = []

    def start(self):
        env = dict(os.environ, CCTVMASK_DATA=self.data, CCTVMASK_ADMIN_KEY=self.admin, CCTVMASK_VIEWER_KEY=self.viewer,
                   ASPNETCORE_URLS=f"http://127.0.0.1:{self.port}", ASPNETCORE_ENVIRONMENT="Production",
                   Orleans__SiloPort=str(self.port + 1), Orleans__GatewayPort=str(self.port + 2), **self.env_extra)
        log = os.path.join(self.data, f"server-{len(self.logs)}.log"); self.logs.append(log)
        self.proc = subprocess.Popen(["dotnet", DLL], env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT, cwd=self.data)
        self.started = time.time()
        for _ in range(360):
            try:
                if http(self.port, "GET", "/healthz", timeout=2).status == 200:
                    return self
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {open(log).read()[-3000:]}")
            time.sleep(0.5)
        raise RuntimeError("server did not come up")

    @property
    def pid(self):
        return self.proc.pid

    def ready(self, timeout=180):
        end = time.time() + timeout
        while time.time() < end:
            try:
                if http(self.port, "GET", "/readyz", timeout=3).status == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.5)
        return False

    def ffmpeg_children(self):
        out = subprocess.run(["pgrep", "-P", str(self.pid), "-x", "ffmpeg"], capture_output=True, text=True).stdout.split()
        return [int(p) for p in out]

    def ffmpeg_for(self, needle, exclude=()):
        """The newest live (not stopped, not exiting) ffmpeg child whose command line contains needle."""
        found = []
        for p in self.ffmpeg_children():
            try:
                state = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[0]
                start = int(open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[19])
                if p not in exclude and state in "RS" and needle in open(f"/proc/{p}/cmdline", "rb").read().decode("utf-8", "replace"):
                    found.append((start, p))
            except (OSError, IndexError, ValueError):
                pass
        return max(found)[1] if found else None

    def kill9(self):
        children = self.ffmpeg_children()
        os.kill(self.pid, signal.SIGKILL); self.proc.wait()
        for c in children:  # its ffmpeg decoders would be orphaned; they are ours too
            try:
                os.kill(c, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill9()

    def api(self, method, path, body=None, key="admin", headers=None, **kw):
        h = {"X-Api-Key": self.admin if key == "admin" else self.viewer if key == "viewer" else key} if key else {}
        if isinstance(body, (dict, list)):
            body = json.dumps(body); h["Content-Type"] = "application/json"
        h.update(headers or {})
        return http(self.port, method, path, body, h, **kw)

    def status(self, cam):
        r = self.api("GET", f"/api/cameras/{cam}/status", key="viewer", timeout=10)
        return r.json() if r.status == 200 else {"state": f"HTTP {r.status}"}

    def wait_state(self, cam, states, timeout=120):
        end = time.time() + timeout
        while time.time() < end:
            s = self.status(cam)
            if s.get("state") in states and (s.get("framesAnalyzed", 0) > 0 or "running" not in states):
                return s
            time.sleep(0.5)
        return self.status(cam)

    def log_text(self):
        return "".join(open(p, errors="replace").read() for p in self.logs)


def camera(cam_id, url, fps=5, **extra):
    body = {"id": cam_id, "name": cam_id, "url": url, "detectFps": fps, "analysisWidth": 640, "analysisHeight": 360}
    body.update(extra)
    return body


def new_root():
    root = tempfile.mkdtemp(prefix="cctv-hardening-")
    os.chmod(root, 0o755)  # the postgres user needs to reach its folder inside
    return root
