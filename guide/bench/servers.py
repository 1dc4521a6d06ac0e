"""Start an app under its real production server on loopback, wait until it answers, stop it cleanly.

Used by the benchmark harness and by the tests' real-server helpers (tests/support/servers.py).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from guide import ROOT

HOST = "127.0.0.1"


class ServerError(RuntimeError):
    """A server did not start, did not answer in time, or did not stop."""


@dataclass(frozen=True)
class RunningServer:
    """A server started by `serve`."""

    base_url: str
    process: subprocess.Popen
    started_at: float
    ready_at: float

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self.base_url.rpartition(":")[2])

    @property
    def cold_start(self) -> float:
        """Seconds from process start to the first successful response."""
        return self.ready_at - self.started_at


def free_port() -> int:
    """Ask the kernel for a free TCP port on loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_ready(url: str, process: subprocess.Popen, timeout: float) -> float:
    """Poll `url` until it answers with a status below 500; return the time it did.

    Raises:
        ServerError: The process exited, or `timeout` seconds passed.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"server exited with code {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status < 500:
                    return time.monotonic()
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return time.monotonic()
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.02)
    raise ServerError(f"no answer from {url} within {timeout:.0f} s")


def stop(process: subprocess.Popen, timeout: float = 10) -> int:
    """Send SIGTERM to the server's process group, then SIGKILL if it does not exit in time."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=timeout)
    return process.returncode


@contextmanager
def serve(
    command: Sequence[str],
    port: int,
    ready_path: str = "/",
    env: Mapping[str, str] | None = None,
    timeout: float = 30,
    cwd: Path = ROOT,
    **popen,
) -> Iterator[RunningServer]:
    """Run `command` (which must listen on 127.0.0.1:`port`) for the duration of a `with` block.

    Args:
        command: The server command line, for example `["gunicorn", "-b", ...]`.
        port: The port the command listens on.
        ready_path: A path that answers once the app is up.
        env: Extra environment variables for the server.
        timeout: Seconds to wait for the first answer.
        cwd: Working directory (the repository root, so `snippets.*` imports).

    Raises:
        ServerError: The command is missing, exits early or does not answer in time.
    """
    environment = {**os.environ, **(env or {})}
    started = time.monotonic()
    try:
        process = subprocess.Popen(list(command), cwd=cwd, env=environment, start_new_session=True, **popen)
    except FileNotFoundError:
        raise ServerError(f"server command not found: {command[0]}") from None
    try:
        base_url = f"http://{HOST}:{port}"
        ready = wait_until_ready(base_url + ready_path, process, timeout)
        yield RunningServer(base_url=base_url, process=process, started_at=started, ready_at=ready)
    finally:
        stop(process)
