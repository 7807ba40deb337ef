"""The web app under load (a benchmark, not a test): 50 people answering the interview at once for 60 s against a
local server (gunicorn, 2 workers x 8 threads, SQLite in WAL mode), then kill -9 of the server in the middle of
saves, counting the answers the server had acknowledged that are not in the database afterwards.

Every request goes to 127.0.0.1 only. `python benchmarks/run.py bench_web`; REPRIEVE_BENCH_USERS and
REPRIEVE_BENCH_SECONDS change the load (defaults 50 and 60).
"""

from __future__ import annotations

import http.client
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlencode

ROOT = Path(__file__).resolve().parent.parent
USERS = int(os.environ.get("REPRIEVE_BENCH_USERS", "50"))
SECONDS = float(os.environ.get("REPRIEVE_BENCH_SECONDS", "60"))
THINK = float(os.environ.get("REPRIEVE_BENCH_THINK", "3"))  # seconds a person spends reading and answering

# how a family member answers (examples/vailes.yaml); anything else: "I don't know"
ANSWERS: dict[str, dict[str, str]] = {
    "person.name": {"value": "Valon Marcel Vailes"}, "person.facility": {"value": "FCI Butner"},
    "court.district": {"value": "W.D.N.C."}, "court.docket": {"value": "3:07-cr-00162"},
    "judgments[0].imposed_on": {"year": "2009"}, "_counts": {"value": "2"},
    "judgments[0].counts[0].statute": {"value": "21 U.S.C. § 846"}, "judgments[0].counts[0].months": {"value": "250"},
    "judgments[0].counts[0].quantity": {"value": "1000 kg"}, "judgments[0].counts[1].quantity": {"value": "100 lb"},
    "judgments[0].counts[1].statute": {"value": "21 U.S.C. § 841(a)(1)"},
    "judgments[0].counts[1].months": {"value": "120"}, "_851": {"value": "1"},
    "custody.arrested_on": {"year": "2007", "month": "7"}, "custody.continuous_since_arrest": {"value": "yes"},
    "circumstances.family": {"value": "yes"}, "circumstances.family[0].relation": {"value": "sibling"},
    "circumstances.medical": {"value": "no"}, "requests": {"value": "no"},
    "release_plan.residence": {"value": "Charlotte, North Carolina"},
}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    data_dir: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ, REPRIEVE_DATA_DIR=str(self.data_dir), DJANGO_SETTINGS_MODULE="reprieve.web.settings",
                    REPRIEVE_AXES="0", PYTHONPATH=str(ROOT / "src"))

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "reprieve.web.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", "2", "--threads", "8", "--preload", "--log-level", "warning"],
            env=self.env, start_new_session=True)
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server's processes: the master and its workers."""
        assert self.process is not None
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            pid, ppid = int(stat.parent.name), int(fields[1])
            if self.process.pid in (pid, ppid):
                total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def kill9(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)  # the whole server: master and workers, mid-request
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


@dataclass
class Person:
    port: int
    session: str
    cookies: dict[str, str] = field(default_factory=dict)
    case_path: str = ""

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in {"sessionid": self.session, **self.cookies}.items()),
                   "Accept-Language": "en"}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("csrftoken="):
                self.cookies["csrftoken"] = value.split(";", 1)[0].split("=", 1)[1]
        connection.close()
        return response.status, response.getheader("Location") or "", text


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    acknowledged: list[tuple[int, str, dict[str, str]]] = field(default_factory=list)
    cpu_seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _field_of(location: str) -> str | None:
    found = re.search(r"/cases/(\d+)/q/(.+)/$", location)
    return unquote(found.group(2)) if found else None


def answer_loop(person: Person, until: float, tally: Tally, stop_on_error: bool = False, think: float = 0.0) -> None:
    time.sleep(think * random.random())  # people do not all start at the same second
    path = "/cases/"
    while time.monotonic() < until:
        try:
            status, location, page = person.request("GET", path)
            if status == 302:
                path = location
                continue
            if path.endswith("/review/") or path == "/cases/":
                token = TOKEN.search(page)
                status, path, _ = person.request("POST", "/cases/new/", {"csrfmiddlewaretoken": token.group(1)})
                continue
            field_name = _field_of(path)
            token = TOKEN.search(page)
            if status != 200 or field_name is None or token is None:
                raise RuntimeError(f"GET {path}: {status}")
            form = dict(ANSWERS.get(field_name, {"dont_know": "1"}))
            form["csrfmiddlewaretoken"] = token.group(1)
            time.sleep(think * (0.5 + random.random()))
            if time.monotonic() >= until:
                break
            start = time.perf_counter()
            status, location, _ = person.request("POST", path, form)
            if status != 302:
                raise RuntimeError(f"POST {path}: {status}")
            following, next_location, _ = person.request("GET", location)
            elapsed = time.perf_counter() - start
            case_id = int(path.split("/")[2])
            with tally.lock:
                tally.latencies.append(elapsed)
                tally.acknowledged.append((case_id, field_name, form))
            if following >= 400:
                raise RuntimeError(f"GET {location}: {following}")
            path = location if following == 200 else next_location
        except Exception as exc:  # the server died (kill -9) or answered wrongly
            if stop_on_error:
                return
            with tally.lock:
                tally.errors.append(f"{type(exc).__name__}: {exc}")
            time.sleep(0.2)


def _setup(data_dir: Path, users: int) -> list[str]:
    """Migrate and make the people, each with a signed-in session; returns the session keys."""
    script = f"""
import django, os
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from django.test import Client
keys = []
for i in range({users}):
    user = get_user_model().objects.create_user(username=f"u{{i}}@example.org", email=f"u{{i}}@example.org")
    client = Client()
    client.force_login(user)
    keys.append(client.cookies["sessionid"].value)
print(" ".join(keys))
"""
    env = dict(os.environ, REPRIEVE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="reprieve.web.settings",
               PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True)
    return out.stdout.split()


def _check_saved(data_dir: Path, acknowledged: list[tuple[int, str, dict[str, str]]]) -> tuple[int, int, str]:
    """(answers lost, cases that are not valid case files, SQLite integrity) after the kill."""
    import json

    last: dict[tuple[int, str], dict[str, str]] = {}
    for case_id, field_name, form in acknowledged:
        last[(case_id, field_name)] = form
    script = """
import django, json, sys
django.setup()
from django.db import connection
from reprieve.web.models import Case
from reprieve.web import engine, interview
wanted = json.loads(sys.stdin.read())
lost = 0
for case_id, field_name, form in wanted:
    case = Case.objects.get(pk=case_id)
    if form.get("dont_know"):
        lost += field_name not in case.meta.get("unknown", [])
    elif field_name == interview.COUNTS:
        lost += case.meta.get("counts") is None
    elif field_name == interview.PRIOR_NOTICE or field_name in interview.GROUP_FIELDS:
        lost += not (field_name in case.meta.get("gates", {}) or case.data.get("judgments", [{}])[0]
                     .get("enhancements") is not None)
    else:
        lost += interview.get_path(case.data, field_name) is None
broken = 0
for case in Case.objects.all():
    try:
        engine.case_of(case.data)
    except engine.CaseFileError:
        broken += 1
with connection.cursor() as cursor:
    cursor.execute("PRAGMA integrity_check")
    integrity = cursor.fetchone()[0]
print(lost, broken, integrity)
"""
    env = dict(os.environ, REPRIEVE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="reprieve.web.settings",
               PYTHONPATH=str(ROOT / "src"))
    wanted = [[c, f, form] for (c, f), form in last.items()]
    out = subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True,
                         input=json.dumps(wanted))
    lost, broken, integrity = out.stdout.split()
    return int(lost), int(broken), integrity


def _run(users: int, seconds: float, kill_after: float | None, think: float = 0.0) -> tuple[Tally, Path]:
    data_dir = Path(tempfile.mkdtemp(prefix="reprieve-bench-"))
    sessions = _setup(data_dir, users)
    server = Server(data_dir, _free_port())
    server.start()
    warm = Person(server.port, sessions[0])
    for _ in range(4):  # each worker's first pages
        warm.request("GET", "/cases/")
    tally = Tally()
    cpu_before = server.cpu_seconds()
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=answer_loop, args=(Person(server.port, key), until, tally,
                                                          kill_after is not None, think)) for key in sessions]
    for thread in threads:
        thread.start()
    if kill_after is not None:
        time.sleep(kill_after)
        server.kill9()
    for thread in threads:
        thread.join()
    if kill_after is None:
        tally.cpu_seconds = server.cpu_seconds() - cpu_before
    server.stop()
    return tally, data_dir


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[int(share * (len(ordered) - 1))] * 1000 if ordered else float("nan")


def main() -> list[tuple[str, float, str, float | None]]:
    rows: list[tuple[str, float, str, float | None]] = []
    for think, label in ((THINK, f"{THINK:g} s to read and answer"), (0.0, "no pause: the server saturated")):
        tally, used = _run(USERS, SECONDS, None, think)
        shutil.rmtree(used, ignore_errors=True)
        for error in tally.errors[:5]:
            print("  error:", error, file=sys.stderr)
        rows += [
            (f"web, {USERS} people for {SECONDS:.0f} s, {label}: answers", float(len(tally.latencies)), "answers",
             None),
            ("  errors", float(len(tally.errors)), "errors", 0.0),
            ("  p50 per answer (save + next question)", _percentile(tally.latencies, 0.5), "ms", None),
            ("  p95 per answer (save + next question)", _percentile(tally.latencies, 0.95), "ms",
             200.0 if think else None),
            ("  server CPU per answer (user + system)", 1000 * tally.cpu_seconds / max(len(tally.latencies), 1),
             "ms", None),
        ]
    killed, data_dir = _run(20, 30.0, kill_after=8.0)
    lost, broken, integrity = _check_saved(data_dir, killed.acknowledged)
    shutil.rmtree(data_dir, ignore_errors=True)
    load = os.getloadavg()[0]
    return [
        (f"web: load average of this machine while measuring (cores: {os.cpu_count()})", load, "", None),
        *rows,
        (f"web: kill -9 mid-save: acknowledged answers ({len(killed.acknowledged)}) lost", float(lost),
         "answers", 0.0),
        ("web: kill -9 mid-save: cases not readable", float(broken), "cases", 0.0),
        (f"web: kill -9 mid-save: SQLite integrity_check ({integrity})", float(integrity != "ok"), "failures", 0.0),
    ]


if __name__ == "__main__":
    for row in main():
        print(row)
