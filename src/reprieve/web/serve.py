"""`reprieve serve` / `make run`: migrations, the demo account (optional), the background worker and the server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path


def _manage(*args: str) -> list[str]:
    return [sys.executable, "-m", "reprieve.web", *args]


def main(host: str, port: int, db: str | None, demo: bool) -> int:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="reprieve.web.settings")
    if db:
        env["DATABASE_URL"] = db
    subprocess.run(_manage("migrate", "--noinput", "-v", "0"), env=env, check=True)
    subprocess.run(_manage("collectstatic", "--noinput", "-v", "0"), env=env, check=True)
    if demo:
        example = Path("examples/vailes.yaml")
        subprocess.run(_manage("seed_demo", *(["--example", str(example)] if example.exists() else [])),
                       env=env, check=True)
    subprocess.run(_manage("reassess"), env=env, check=True)
    worker = subprocess.Popen(_manage("db_worker", "--interval", "0.5"), env=env)
    print(f"reprieve is running at http://{host}:{port}/  (stop with Ctrl-C)", flush=True)
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "reprieve.web.wsgi:application",
                               "--bind", f"{host}:{port}", "--workers", "2", "--threads", "8",
                               "--access-logfile", "-", "--access-logformat", '%(m)s %(s)s %(L)ss'], env=env)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for process in (server, worker):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
