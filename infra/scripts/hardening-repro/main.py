"""Runs every reproduction of issue 8 against the built Release server; see ../hardening-repro.sh."""
import datetime as dt, json, os, shutil, subprocess, sys, time, traceback
import harness
from harness import Postgres, Rtsp, Server, camera, check, new_root
import items_auth, items_faults, items_input

now = lambda: dt.datetime.now(dt.timezone.utc)


def settle(pg, until, timeout=180):
    """Waits until the stored violation count before `until` stops changing (journal replay done)."""
    last, same, t0 = None, 0, time.time()
    while time.time() - t0 < timeout:
        try:
            v = items_faults.stored(pg, until)
        except Exception:
            v = None
        same = same + 1 if v == last and v is not None else 0
        last = v
        if same >= 8:
            break
        time.sleep(1)
    return last


def replay_lines(srv):
    out = []
    for line in open(srv.logs[-1], errors="replace"):
        if '"Id":4141' in line:  # JournalRecovered
            try:
                out.append(json.loads(line)["@m"])
            except ValueError:
                out.append(line.strip()[:200])
    return out


def main():
    rtsp_shared = os.environ.get("CCTVMASK_TEST_RTSP") or sys.exit("source infra/scripts/setup.sh first (CCTVMASK_TEST_RTSP)")
    clip = os.path.join(os.environ.get("CCTVMASK_SHARED", os.path.join(harness.REPO, "..", "shared")), "videos/crowd_640x360_10fps.mp4")
    root = new_root(); media = os.path.join(root, "media"); os.makedirs(media)
    admin, viewer = "repro-admin-" + os.urandom(8).hex(), "repro-viewer-" + os.urandom(8).hex()
    print(f"# work folder {root}; load: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}", flush=True)
    pg = rtsp = srv = None
    try:
        # SQLite mode, briefly: the database files' modes (item 5).
        lite = Server(os.path.join(root, "sqlite"), {}, admin, viewer); os.makedirs(lite.data); lite.start(); lite.ready()
        lite.api("POST", "/api/cameras", camera("lite", f"{rtsp_shared}/crowd360", fps=2)); time.sleep(20)
        files = [os.path.join(dp, f) for dp, _, fs in os.walk(lite.data) for f in fs if f.startswith("cctvmask.db") or "journal" in dp]
        wide = [f"{os.path.relpath(p, lite.data)}={oct(os.stat(p).st_mode & 0o777)}" for p in files if os.stat(p).st_mode & 0o077]
        items_auth.item5_modes("SQLite", wide, len(files)); lite.stop()

        pg = Postgres(root); pg.start(); pg.create_db()
        rtsp = Rtsp(root, clip)
        env = {"Storage__Provider": "Postgres", "Storage__ConnectionString": pg.conn, "CameraSources__MediaRoots__0": media,
               "Server__UseForwardedHeaders": "true"}
        srv = Server(os.path.join(root, "data"), env, admin, viewer); os.makedirs(srv.data); srv.start()
        srv.ready()
        first = now().replace(second=0, microsecond=0)
        srv.api("POST", "/api/cameras", camera("crowd", f"{rtsp_shared}/crowd360"))
        sampler = items_faults.Sampler(srv, "crowd")
        s = srv.wait_state("crowd", ("running",))
        print(f"# camera crowd: {s.get('state')}", flush=True)

        for step in (lambda: items_input.item3(srv), lambda: items_input.item9(srv), lambda: items_input.item10(srv, media)):
            try:
                step()
            except Exception:
                traceback.print_exc()
        url, created = items_auth.item5_setup(srv, rtsp_shared)
        srv.wait_state("sec", ("running",), timeout=30)
        csv_text = items_auth.item7(srv)
        items_input.item2(srv, root, "crowd")
        items_auth.item5_cmdline(srv)
        wide, n = items_auth.item5(srv, created, srv.data, csv_text)
        items_auth.item5_modes("PostgreSQL mode", wide, n)
        srv.api("DELETE", "/api/cameras/sec")
        items_faults.item8(srv, rtsp, media)

        # Items 4 and 1: the database down, then kill -9 while it is down.
        time.sleep(max(0, 45 - (now() - first).total_seconds()))
        pg.stop(); t_down = time.time()
        items_faults.item4(srv, "crowd")
        time.sleep(max(0, 30 - (time.time() - t_down)))
        kill1 = now(); sampler.stop(); journal = os.path.join(srv.data, "journal")
        segs = sum(os.path.getsize(os.path.join(journal, f)) for f in os.listdir(journal)) if os.path.isdir(journal) else 0
        srv.kill9()
        logged1 = items_faults.logged_violations(srv.logs[-1])
        pg.start(); srv.start(); srv.ready()
        v1, buckets = settle(pg, kill1)
        check(1, f"kill -9 after 30 s of database outage ({segs // 1024} KB journal), PG back, restart on the same data",
              "violations logged == stored", f"logged {logged1}, stored {v1}; replay: {'; '.join(replay_lines(srv)) or 'none logged'}", logged1 == v1, figure=f"{logged1} / {v1}")
        items_faults.people_compare(1, "database-down kill", sampler.minutes(), buckets, first, kill1, sampler.samples)

        # Kill -9 with the database up: the open minute is journaled provisionally.
        sampler2 = items_faults.Sampler(srv, "crowd"); srv.wait_state("crowd", ("running",)); time.sleep(50)
        kill2 = now(); sampler2.stop(); srv.kill9()
        logged2 = logged1 + items_faults.logged_violations(srv.logs[-1])
        srv.start(); srv.ready()
        v2, buckets = settle(pg, kill2)
        check(1, "kill -9 with the database up, restart", "violations logged == stored (both runs)", f"logged {logged2}, stored {v2}",
              logged2 == v2, figure=f"{logged2} / {v2}")
        items_faults.people_compare(1, "database-up kill (open minute)", sampler2.minutes(), buckets, kill1.replace(second=0, microsecond=0) + dt.timedelta(minutes=1), kill2, sampler2.samples)

        items_auth.item6(srv)
    finally:
        for stop in (lambda: srv and srv.stop(), lambda: pg and pg.stop(), lambda: rtsp and rtsp.kill()):
            try:
                stop()
            except Exception:
                traceback.print_exc()
        print(f"# load: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
        failed = [r for r in harness.RESULTS if not r["ok"]]
        print(f"# {len(harness.RESULTS) - len(failed)} passed, {len(failed)} failed; logs kept in {root}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
