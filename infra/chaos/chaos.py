#!/usr/bin/python3
"""Fault-injection suite on the running podman compose stack (infra/podman/stack.sh up + check).

One camera streams; each scenario injects a fault N times and checks invariants against PostgreSQL
and the servers' own counters (GET /api/cameras/{id}/status, GET /metrics on each silo). A sampler
thread reads both once a second for the whole suite, so recovery times and double-run seconds come
from the same timeline.

Invariants (a broken one fails the scenario):
  recovered     the camera runs again with new frames within RECOVERY_BOUND s of the fault (kill) or
                of the heal (pause, disconnect); outages of PostgreSQL/Redis must not stop it at all
  one-runner    once membership settles, exactly one silo runs the camera (its /metrics state gauge)
  kept          every violation and compliance event stored before the fault is still stored after
  no-duplicate  no violation is stored twice (same camera, track and instant under two ids) and no
                compliance event is applied twice (applied_events is keyed by the event id)
  not-lost      violations the servers counted (status "violations" of every worker incarnation)
                are all stored; no compliance minute is missing; storage dropped/dead-lettered = 0.
                Counted and stored are baselined together (baseline()): a count older than the
                database read would charge a run with violations stored just before it began.
                kill -9 included: the killed silo restarts on its data volume and replays its
                journal (CHAOS_KILL_MAY_LOSE=1 reports such losses as notes instead of failing)
  kept-running  (PostgreSQL/Redis outages) the camera's silo keeps analysing throughout
  readiness     /readyz turns unhealthy while PostgreSQL or Redis is down and healthy after

Environment: what `infra/podman/stack.sh env` prints, plus CHAOS_RUNS (runs of kill/disconnect,
default 2), CHAOS_OUTAGE_RUNS (pause, postgres, redis, netem; default 1), CHAOS_SCENARIOS (comma
list to run a subset), CHAOS_RESULTS (JSON written at the end), CHAOS_BREAK=double-count (a
deliberately broken counter, to see the suite fail).
Exit status: 0 when every scenario held, 1 otherwise. Stdout ends with one line per scenario and
invariant, "chaos <scenario>/<invariant>: PASS|FAIL" ("chaos <scenario>: SKIP" for a scenario the
machine cannot run), that infra/scripts/test.sh counts as tests.
"""
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

ENV = os.environ
PROJECT = ENV["COMPOSE_PROJECT_NAME"]
KEY = ENV["CCTVMASK_ADMIN_KEY"]
CAMERA = ENV.get("CCTVMASK_CAMERA", "lobby")
NET = f"{PROJECT}_default"
SILOS = {  # container -> published API port
    f"{PROJECT}_server-1_1": int(ENV["CCTVMASK_PORT"]),
    f"{PROJECT}_server-2_1": int(ENV["CCTVMASK_PORT_2"]),
}
PG = f"{PROJECT}_postgres_1"
REDIS = f"{PROJECT}_redis_1"
RTSP = f"{PROJECT}_rtsp_1"
RUNS = int(ENV.get("CHAOS_RUNS", "2"))
OUTAGE_RUNS = int(ENV.get("CHAOS_OUTAGE_RUNS", "1"))
RECOVERY_BOUND = 90.0
SETTLE_BOUND = 150.0
STORE_GRACE = 60.0
BASELINE_QUIET = 2.0   # s; a counted violation is in PostgreSQL ~0.2 s later (journal group commit 100 ms, one batch)
BASELINE_TRIES = 10
KILL_MAY_LOSE = ENV.get("CHAOS_KILL_MAY_LOSE", "0") == "1"
BREAK = ENV.get("CHAOS_BREAK", "")


def log(msg):
    print(f"[chaos {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def sh(*args, check=True, timeout=60):
    r = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} -> {r.returncode}: {r.stderr.strip()[:300]}")
    return r.stdout.strip()


def http(port, path, timeout=3.0):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"X-Api-Key": KEY})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.status, resp.read().decode()


def ready(port):
    try:
        return http(port, "/readyz")[0] == 200
    except (urllib.error.URLError, OSError, TimeoutError):
        return False


def psql(sql):
    return sh("podman", "exec", PG, "psql", "-U", "cctvmask", "-d", "cctvmask", "-qtAX", "-c", sql)


def container_state(name):
    return sh("podman", "inspect", "-f", "{{.State.Status}}", name, check=False)


def parse_metrics(text):
    """Camera state gauge for CAMERA and the storage counters from a Prometheus text page."""
    out = {"state": None, "frames": None, "written": 0.0, "spilled": 0.0, "replayed": 0.0, "dropped": 0.0, "dead_lettered": 0.0, "backlog": 0.0}
    for line in text.splitlines():
        if line.startswith("#") or " " not in line:
            continue
        name, value = line.rsplit(" ", 1)
        base = name.split("{", 1)[0]
        try:
            v = float(value)
        except ValueError:
            continue
        # A state set: one series per state, 1 for the camera's current one (state="running", ...).
        if base == "cctvmask_camera_state" and f'camera_id="{CAMERA}"' in name and v == 1 and 'state="' in name:
            out["state"] = name.split('state="', 1)[1].split('"', 1)[0]
        if base in ("cctvmask_camera_frames_analyzed_total", "cctvmask_camera_frames_analyzed") and f'camera_id="{CAMERA}"' in name:
            out["frames"] = v
        for key in ("written", "spilled", "replayed", "dropped", "dead_lettered", "backlog"):
            if base in (f"cctvmask_storage_{key}_total", f"cctvmask_storage_{key}", f"cctvmask_storage_{key}_events_total", f"cctvmask_storage_{key}_events"):
                out[key] += v
    return out


class Sampler(threading.Thread):
    """Once a second: the camera's status (from whichever silo answers) and each silo's /metrics."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []          # (t, status dict or None, {container: metrics or None})
        self.incarnations = {}     # (silo, startedAt) -> max violations counted by that worker
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def status(self):
        for port in SILOS.values():
            try:
                code, body = http(port, f"/api/cameras/{CAMERA}/status")
                if code == 200:
                    return json.loads(body)
            except (urllib.error.URLError, OSError, TimeoutError, ValueError):
                continue
        return None

    def metrics(self, container, port):
        try:
            return parse_metrics(http(port, "/metrics")[1])
        except (urllib.error.URLError, OSError, TimeoutError):
            pass
        # Unreachable from the host (e.g. disconnected from the network) but maybe still running.
        if container_state(container) != "running":
            return None
        try:
            text = sh("podman", "exec", container, "curl", "-fsS", "--max-time", "2", "http://127.0.0.1:8080/metrics", timeout=5)
            return parse_metrics(text)
        except (RuntimeError, subprocess.TimeoutExpired):
            return None

    def run(self):
        while not self.stop.is_set():
            t = time.time()
            st = self.status()
            ms = {c: self.metrics(c, p) for c, p in SILOS.items()}
            with self.lock:
                self.samples.append((t, st, ms))
            self.note(st)
            self.stop.wait(max(0.0, 1.0 - (time.time() - t)))

    def note(self, st):
        """Folds one camera status (None when no silo answered) into the per-worker counts."""
        if st and st.get("silo") and st.get("startedAt"):
            k = (st["silo"], st["startedAt"])
            with self.lock:
                self.incarnations[k] = max(self.incarnations.get(k, 0), int(st.get("violations") or 0))

    def counted(self):
        with self.lock:
            total = sum(self.incarnations.values())
        return total * 2 if BREAK == "double-count" else total

    def window(self, t0, t1):
        with self.lock:
            return [s for s in self.samples if t0 <= s[0] <= t1]

    def runners(self, sample):
        return [c for c, m in sample[2].items() if m and m["state"] == "running"]


SAMPLER = Sampler()


def stored_ids():
    v = set(psql(f"select id from violations where camera_id='{CAMERA}'").split())
    a = set(psql("select event_id from applied_events").split())
    return v, a


def stored_violations():
    return int(psql(f"select count(*) from violations where camera_id='{CAMERA}'"))


def counted_now():
    """The violations counted so far with a status read now, not the sampler's last one (up to a
    second or more old); None when no silo answered."""
    st = SAMPLER.status()
    SAMPLER.note(st)
    return SAMPLER.counted() if st else None


def baseline():
    """(counted, stored) that cover the same violations.

    The sampler's count may be a second or more old while PostgreSQL is read now: a violation raised
    and stored in between is in stored but not in counted, and the run is later charged with it as
    "counted but not stored" (the camera's next violation usually hides it within STORE_GRACE; on a
    quiet stretch of the clip it does not: CI 8.1, Redis 60 s, counted 2, stored 1). So: count with a
    status read now, give the write-behind BASELINE_QUIET s, read stored, count again. Equal counts
    mean no violation was raised around the database read, so stored holds exactly the counted ones.
    """
    counted = None
    for _ in range(BASELINE_TRIES):
        before = counted_now()
        time.sleep(BASELINE_QUIET)
        stored = stored_violations()
        counted = counted_now()
        if before is not None and before == counted:
            return counted, stored
    # The camera raised around every try: stored was read before counted, so every stored violation
    # is counted (one still in flight is credited to the run: lenient by it, never a false loss).
    log(f"baseline: violations raised during each of {BASELINE_TRIES} tries; stored read before counted")
    return (counted if counted is not None else SAMPLER.counted()), stored


def duplicate_violations():
    return int(psql(f"select coalesce(sum(n-1),0) from (select count(*) n from violations where camera_id='{CAMERA}' "
                    "group by track_id, occurred_at having count(*) > 1) d"))


def silo_running_camera():
    """The container whose /metrics shows the camera running (exactly one), else None."""
    with SAMPLER.lock:
        last = SAMPLER.samples[-1] if SAMPLER.samples else None
    if not last:
        return None
    runners = SAMPLER.runners(last)
    return runners[0] if len(runners) == 1 else None


def wait_for(pred, bound, what):
    deadline = time.time() + bound
    while time.time() < deadline:
        try:
            if pred():
                return True
        except Exception:  # noqa: BLE001 - a probe that throws is a probe that says "not yet"
            pass
        time.sleep(1)
    log(f"timed out after {bound:.0f} s waiting for {what}")
    return False


def frames_after(t):
    """True when the latest status shows the camera running with a frame analysed after t."""
    st = SAMPLER.status()
    if not st or st.get("state") != "running" or not st.get("lastFrameAt"):
        return False
    from datetime import datetime
    last = datetime.fromisoformat(st["lastFrameAt"].replace("Z", "+00:00")).timestamp()
    return last > t and int(st.get("framesAnalyzed") or 0) > 0


def settled():
    if not all(container_state(c) == "running" for c in SILOS):
        return False
    if not all(ready(p) for p in SILOS.values()):
        return False
    for p in SILOS.values():
        silos = json.loads(http(p, "/api/fleet/silos")[1])
        if sum(1 for s in silos if s["status"] == "active") != 2:
            return False
    return silo_running_camera() is not None and frames_after(time.time() - 5)


def heal_and_settle():
    for c in SILOS:
        if container_state(c) in ("exited", "stopped", "created"):
            log(f"starting {c} again")
            sh("podman", "start", c, check=False)
    return wait_for(settled, SETTLE_BOUND, "the fleet to settle (both ready, both active, one runner)")


# The invariants each scenario checks (one counted test each in CI).
FAULT_INVARIANTS = ("recovered", "one-runner", "kept", "no-duplicate", "not-lost")
OUTAGE_INVARIANTS = ("kept-running", "readiness", "one-runner", "kept", "no-duplicate", "not-lost")


class Run:
    def __init__(self, scenario, index):
        self.scenario, self.index = scenario, index
        self.recovery = None
        self.counted = self.stored = 0
        self.duplicates = 0
        self.double_run = 0
        self.failures = []         # (invariant, why)
        self.notes = []
        self.skipped = False

    def fail(self, invariant, why):
        self.failures.append((invariant, why))
        log(f"{self.scenario} #{self.index}: INVARIANT BROKEN ({invariant}): {why}")


def begin(run):
    if not heal_and_settle():
        run.fail("one-runner", "fleet not settled before the fault")
    run.t0 = time.time()
    run.before = stored_ids()
    sampled, sampled_stored = SAMPLER.counted(), stored_violations()  # the old, racy baseline: reported below
    run.counted0, run.stored0 = baseline()
    phantom = (run.counted0 - sampled) - (run.stored0 - sampled_stored)
    if phantom > 0:
        log(f"{run.scenario} #{run.index}: baseline: {phantom} violations already stored were missing from the sampler's "
            f"count (counted {sampled} then {run.counted0}, stored {sampled_stored} then {run.stored0}); "
            "a baseline read from the sampler would have charged them to this run as lost")
    run.victim = silo_running_camera()
    log(f"{run.scenario} #{run.index}: camera runs on {run.victim}")


def finish(run, may_lose=False):
    settled_ok = heal_and_settle()
    if not settled_ok:
        run.fail("one-runner", "fleet did not settle after the fault (one runner, both active)")
    # Every violation counted by now must be stored within STORE_GRACE s (write-behind flush, spill
    # replay after a database outage); the camera keeps producing meanwhile, so stored may exceed it.
    counted = counted_now()
    run.counted = (counted if counted is not None else SAMPLER.counted()) - run.counted0
    wait_for(lambda: stored_violations() - run.stored0 >= run.counted, 20 if may_lose else STORE_GRACE,
             "the counted violations to be stored")
    run.stored = stored_violations() - run.stored0
    t1 = time.time()
    after_v, after_a = stored_ids()
    gone = (run.before[0] - after_v) | (run.before[1] - after_a)
    if gone:
        run.fail("kept", f"{len(gone)} events stored before the fault are gone")
    run.duplicates = duplicate_violations()
    if run.duplicates:
        run.fail("no-duplicate", f"{run.duplicates} violations stored twice")
    lost = run.counted - run.stored
    if lost > 0:
        if may_lose:
            run.notes.append(f"{lost} counted violations not stored (killed silo's unflushed events)")
        else:
            run.fail("not-lost", f"{lost} violations counted by the servers but not stored")
    samples = SAMPLER.window(run.t0, t1)
    run.double_run = sum(1 for s in samples if len(SAMPLER.runners(s)) > 1)
    for c, m in (samples[-1][2] if samples else {}).items():
        if m and (m["dropped"] or m["dead_lettered"]):
            run.fail("not-lost", f"{c}: storage dropped {m['dropped']:.0f}, dead-lettered {m['dead_lettered']:.0f}")
    log(f"{run.scenario} #{run.index}: recovery {run.recovery}, counted {run.counted}, stored {run.stored}, "
        f"duplicates {run.duplicates}, double-run {run.double_run} s{'; ' + '; '.join(run.notes) if run.notes else ''}")


def other(container):
    return next(c for c in SILOS if c != container)


def scenario_kill(run):
    begin(run)
    victim = run.victim or next(iter(SILOS))
    t = time.time()
    sh("podman", "kill", "-s", "KILL", victim)
    survivor_port = SILOS[other(victim)]

    def moved():
        code, body = http(survivor_port, f"/api/cameras/{CAMERA}/status")
        st = json.loads(body)
        return code == 200 and st.get("state") == "running" and frames_after(t) and silo_running_camera() == other(victim)
    if wait_for(moved, RECOVERY_BOUND, "the camera to run on the survivor"):
        run.recovery = time.time() - t
    else:
        run.fail("recovered", f"camera not running on the survivor within {RECOVERY_BOUND:.0f} s")
    finish(run, may_lose=KILL_MAY_LOSE)


def scenario_pause(run, seconds=20):
    begin(run)
    victim = run.victim or next(iter(SILOS))
    sh("podman", "pause", victim)
    time.sleep(seconds)
    sh("podman", "unpause", victim)
    t = time.time()
    if wait_for(lambda: frames_after(t), RECOVERY_BOUND, "frames after the unpause"):
        run.recovery = time.time() - t
    else:
        run.fail("recovered", "camera not analysed after the unpause")
    finish(run)


def scenario_disconnect(run, seconds=30):
    begin(run)
    victim = run.victim or next(iter(SILOS))
    ip = sh("podman", "inspect", "-f", f'{{{{(index .NetworkSettings.Networks "{NET}").IPAddress}}}}', victim)
    aliases = ["server-1" if "server-1" in victim else "server-2"]
    sh("podman", "network", "disconnect", NET, victim)
    try:
        time.sleep(seconds)
    finally:
        connect = ["podman", "network", "connect", "--ip", ip] + [a for al in aliases for a in ("--alias", al)] + [NET, victim]
        if container_state(victim) == "running":
            sh(*connect, check=False)
    t = time.time()
    if wait_for(lambda: frames_after(t), RECOVERY_BOUND, "frames after the reconnect"):
        run.recovery = time.time() - t
    else:
        run.fail("recovered", "camera not analysed after the reconnect")
    finish(run)


def outage(run, container, seconds=60):
    """Stops a dependency; the camera must keep running and readiness must reflect the outage."""
    begin(run)
    t = time.time()
    runner = run.victim
    frames0 = (SAMPLER.window(t - 3, t) or [(0, None, {})])[-1][2].get(runner) or {}
    sh("podman", "stop", "-t", "5", container)
    try:
        unready = wait_for(lambda: not any(ready(p) for p in SILOS.values()), 45, "/readyz to report the outage")
        if not unready:
            run.fail("readiness", f"/readyz stayed healthy with {container} down")
        time.sleep(max(0, seconds - (time.time() - t)))
        # The camera's own silo says it still runs and analyses (its /metrics need neither
        # PostgreSQL nor Redis; the status API reads the camera catalogue from PostgreSQL).
        t_end = time.time()
        window = SAMPLER.window(t + 5, t_end)
        frames1 = (window[-1][2].get(runner) or {}) if window else {}
        stopped = [s for s in window if runner not in SAMPLER.runners(s)]
        if not frames1 or frames1.get("state") != "running" or (frames1.get("frames") or 0) <= (frames0.get("frames") or 0):
            run.fail("kept-running", f"camera stopped during the outage ({runner} metrics: {frames1})")
        elif stopped:
            run.fail("kept-running", f"camera not running on {runner} in {len(stopped)} of {len(window)} samples during the outage")
        else:
            run.notes.append(f"{(frames1.get('frames') or 0) - (frames0.get('frames') or 0):.0f} frames analysed during the outage")
        no_status = sum(1 for s in window if s[1] is None)
        if no_status:
            run.notes.append(f"status API unanswered in {no_status} of {len(window)} samples during the outage")
    finally:
        sh("podman", "start", container, check=False)
    t = time.time()
    if wait_for(lambda: all(ready(p) for p in SILOS.values()), RECOVERY_BOUND, "/readyz healthy again"):
        run.recovery = time.time() - t
    else:
        run.fail("readiness", "/readyz not healthy after the outage")
    finish(run)


def scenario_postgres(run):
    outage(run, PG)


def scenario_redis(run):
    outage(run, REDIS)


def scenario_netem(run, seconds=45):
    """200 ms latency and 5 % loss on the simulator's link (tc netem inside its container)."""
    r = subprocess.run(["podman", "exec", "--user", "root", "--privileged", RTSP, "tc", "qdisc", "add", "dev", "eth0", "root",
                        "netem", "delay", "200ms", "loss", "5%"], capture_output=True, text=True)
    if r.returncode != 0:
        run.notes.append(f"skipped: tc netem unavailable ({r.stderr.strip()[:80]})")
        run.skipped = True
        return
    begin(run)
    try:
        time.sleep(seconds)
        if not frames_after(time.time() - 10):
            run.fail("recovered", "camera not analysed under 200 ms / 5 % loss")
    finally:
        subprocess.run(["podman", "exec", "--user", "root", "--privileged", RTSP, "tc", "qdisc", "del", "dev", "eth0", "root"], capture_output=True)
    run.recovery = 0.0
    finish(run)


SCENARIOS = [  # title, key, function, runs, invariants
    ("kill -9 silo running the camera", "kill", scenario_kill, RUNS, FAULT_INVARIANTS),
    ("pause silo 20 s", "pause", scenario_pause, OUTAGE_RUNS, FAULT_INVARIANTS),
    ("disconnect silo 30 s", "disconnect", scenario_disconnect, RUNS, FAULT_INVARIANTS),
    ("PostgreSQL stopped 60 s", "postgres", scenario_postgres, OUTAGE_RUNS, OUTAGE_INVARIANTS),
    ("Redis stopped 60 s", "redis", scenario_redis, OUTAGE_RUNS, OUTAGE_INVARIANTS),
    ("camera link 200 ms / 5 % loss", "netem", scenario_netem, OUTAGE_RUNS, FAULT_INVARIANTS),
]


def missing_minutes(t_start, t_end):
    """Whole minutes between t_start and t_end with no compliance row for the camera."""
    rows = psql(f"select extract(epoch from bucket_start)::bigint from compliance_buckets where camera_id='{CAMERA}'").split()
    have = {int(r) for r in rows}
    first = (int(t_start) // 60 + 1) * 60
    last = (int(t_end) // 60 - 1) * 60
    return [m for m in range(first, last + 1, 60) if m not in have]


def fmt(x):
    return "-" if x is None else f"{x:.1f}"


def main():
    wanted = set(filter(None, ENV.get("CHAOS_SCENARIOS", "").split(",")))
    SAMPLER.start()
    time.sleep(2)
    suite_start = time.time()
    results = []
    for title, key, fn, n, invariants in SCENARIOS:
        if wanted and key not in wanted:
            continue
        runs = []
        for i in range(1, n + 1):
            run = Run(key, i)
            try:
                fn(run)
            except Exception as exc:  # noqa: BLE001 - a scenario that crashes is a failed scenario
                run.fail("error", f"scenario error: {exc}")
                try:
                    heal_and_settle()
                except Exception as heal_exc:  # noqa: BLE001 - the next scenario reports an unsettled fleet
                    log(f"healing after the error failed: {heal_exc}")
            runs.append(run)
            if run.skipped:
                break
        results.append((title, key, runs, invariants))
    # Compliance minutes: every whole minute of the suite has a row (the kill runs may lose one).
    time.sleep(max(0, 62 - time.time() % 60))
    gaps = missing_minutes(suite_start, time.time())
    kill_windows = [(r.t0, r.t0 + 120) for _, k, rs, _ in results if k == "kill" for r in rs if hasattr(r, "t0")]
    for m in gaps:
        in_kill = any(a - 60 <= m <= b for a, b in kill_windows)
        for _, key, runs, _ in results:
            for r in runs:
                if hasattr(r, "t0") and r.t0 - 60 <= m <= r.t0 + 180:
                    msg = f"compliance minute {time.strftime('%H:%M', time.gmtime(m))} UTC missing"
                    if in_kill and KILL_MAY_LOSE and key == "kill":
                        r.notes.append(msg)
                    elif not in_kill or not KILL_MAY_LOSE:
                        r.fail("not-lost", msg)
                    break
            else:
                continue
            break
    SAMPLER.stop.set()

    header = f"{'scenario':34} {'runs':>4} {'recovery s (median/worst)':>26} {'counted/stored':>15} {'dup':>4} {'double-run s':>12}  result"
    print(header)
    print("-" * len(header))
    ok_all = True
    summary = []
    for title, key, runs, invariants in results:
        done = [r for r in runs if not r.skipped]
        if not done:
            print(f"{title:34} {0:>4} {'-':>26} {'-':>15} {'-':>4} {'-':>12}  SKIPPED ({'; '.join(runs[0].notes)})")
            summary.append((key, "SKIP"))
            continue
        rec = [r.recovery for r in done if r.recovery is not None]
        recovery = f"{fmt(statistics.median(rec) if rec else None)} / {fmt(max(rec) if rec else None)}"
        counted = sum(r.counted for r in done)
        stored = sum(r.stored for r in done)
        dup = sum(r.duplicates for r in done)
        double = sum(r.double_run for r in done)
        failed = [f for r in done for f in r.failures]
        ok_all &= not failed
        print(f"{title:34} {len(done):>4} {recovery:>26} {f'{counted}/{stored}':>15} {dup:>4} {double:>12}  {'FAIL' if failed else 'ok'}")
        for r in done:
            for inv, why in r.failures:
                print(f"    run {r.index}: FAIL ({inv}) {why}")
            for note in r.notes:
                print(f"    run {r.index}: {note}")
        broken = {inv for inv, _ in failed}
        for inv in invariants + tuple(sorted(broken - set(invariants))):
            summary.append((f"{key}/{inv}", "FAIL" if inv in broken else "PASS"))
    if ENV.get("CHAOS_RESULTS"):
        with open(ENV["CHAOS_RESULTS"], "w") as fh:
            json.dump([{"scenario": t, "key": k, "runs": [{"recovery": r.recovery, "counted": r.counted, "stored": r.stored,
                                                          "duplicates": r.duplicates, "double_run": r.double_run,
                                                          "failures": r.failures, "notes": r.notes, "skipped": r.skipped}
                                                         for r in rs]} for t, k, rs, _ in results], fh, indent=1)
    for key, verdict in summary:
        print(f"chaos {key}: {verdict}")
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
