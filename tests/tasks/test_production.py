"""Running in production (docs/tasks/operations.md#production).

Each documented command (`snippets/production/*.sh`) is started for real on 127.0.0.1 with a
free port and the environment the page describes; the test checks the app answers, that
the configured number of worker processes is running, which worker type the server
reports, and that the server stops cleanly on SIGTERM.
"""

import importlib
import json
import urllib.request
from pathlib import Path

import psutil
import pytest

from snippets.production import gunicorn_conf
from tests.support.polling import wait_for
from tests.support.servers import BIN, free_port, serve

PRODUCTION = Path(__file__).resolve().parents[2] / "snippets" / "production"
WORKERS = 2

READY = {
    "gunicorn": "Booting worker with pid",
    "gunicorn-asgi": "ASGI server listening on",
    "uvicorn": "Application startup complete.",
    "granian": "Started worker-",
}
"""A line each worker logs once it serves requests: the test waits for one per worker
before it stops the server, because a worker still booting can miss SIGTERM."""

HELLO_URLCONF = {"DJANGO_URLCONF": "snippets.hello.django_app"}
SCRIPTS = {
    "flask_gunicorn": ("Using worker: gthread", READY["gunicorn"], {}),
    "flask_granian": ("Spawning worker-", READY["granian"], {}),
    "fastapi_uvicorn": ("Started parent process", READY["uvicorn"], {}),
    "fastapi_gunicorn": ("Using worker: asgi", READY["gunicorn-asgi"], {}),
    "fastapi_granian": ("Spawning worker-", READY["granian"], {}),
    "django_gunicorn": ("Using worker: gthread", READY["gunicorn"], HELLO_URLCONF),
    "django_uvicorn": ("Started parent process", READY["uvicorn"], HELLO_URLCONF),
}


def test_gunicorn_conf_reads_the_environment(monkeypatch):
    monkeypatch.setenv("HOST", "192.0.2.10")
    monkeypatch.setenv("PORT", "9000")
    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    monkeypatch.setenv("THREADS", "8")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.1")
    conf = importlib.reload(gunicorn_conf)
    assert (conf.bind, conf.workers, conf.threads, conf.forwarded_allow_ips) == (
        "192.0.2.10:9000",
        5,
        8,
        "10.0.0.1",
    )


def test_gunicorn_conf_defaults_are_local_and_small(monkeypatch):
    for name in ("HOST", "PORT", "WEB_CONCURRENCY", "THREADS", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    conf = importlib.reload(gunicorn_conf)
    assert (conf.bind, conf.workers, conf.worker_class, conf.threads) == ("127.0.0.1:8000", 2, "gthread", 4)
    assert conf.forwarded_allow_ips == "127.0.0.1"


def workers_of(pid: int) -> list[psutil.Process]:
    """Worker processes of a server: its children, leaving out multiprocessing's resource tracker."""
    return [
        child
        for child in psutil.Process(pid).children()
        if "resource_tracker" not in " ".join(child.cmdline())
    ]


@pytest.mark.parametrize("script", SCRIPTS)
def test_documented_command_serves_the_app(script, tmp_path):
    marker, ready, extra_env = SCRIPTS[script]
    port = free_port()
    log = tmp_path / "server.log"
    env = {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(WORKERS),
        "THREADS": "2",
        **extra_env,
    }
    command = ["sh", str(PRODUCTION / f"{script}.sh")]
    with log.open("wb") as output:
        with serve(
            command, port, ready_path="/hello", env=env, timeout=60, stdout=output, stderr=output
        ) as server:
            assert wait_for(
                lambda: (
                    marker in log.read_text()
                    and log.read_text().count(ready) == WORKERS
                    and len(workers_of(server.process.pid)) == WORKERS
                )
            ), log.read_text()[-2000:]
            with urllib.request.urlopen(server.base_url + "/hello", timeout=5) as response:
                assert response.status == 200
                assert json.loads(response.read()) == {"message": "Hello, world"}
    print(f"{script}: first answer after {server.cold_start:.1f} s")
    assert server.process.returncode == 0, log.read_text()[-2000:]
