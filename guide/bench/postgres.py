"""A throwaway PostgreSQL server for the tests and the benchmark harness.

`running()` finds Debian's `initdb` and `pg_ctl` (on PATH, then under
/usr/lib/postgresql/*/bin), creates a cluster in a fresh temporary directory, starts it on
127.0.0.1 with a free port and its socket in that directory, and stops and removes it
afterwards, also when the block fails. PostgreSQL refuses to run as root, so as root the
cluster belongs to the `postgres` system user (created if missing) and both commands run
as that user through `runuser`.

Without the binaries (or a way to run them) `running()` raises `Unavailable` with the reason;
the tests' `postgres` fixture (tests/conftest.py) then skips, or fails with `CI=true`, because
CI installs PostgreSQL (.ci/run).

The server logs every connection it accepts (`log_connections`), so a test can count how
many connections an app opened: the observable effect of a connection pool.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from guide.bench.servers import HOST, free_port

SYSTEM_USER = "postgres"
SUPERUSER = "postgres"


class Unavailable(RuntimeError):
    """PostgreSQL cannot be started on this machine (binaries or a non-root user missing)."""


def find_bindir() -> Path:
    """The folder holding `initdb` and `pg_ctl`: PATH first, then Debian's versioned folders.

    Raises:
        Unavailable: Neither place has both programs.
    """
    on_path = [shutil.which(name) for name in ("initdb", "pg_ctl")]
    if all(on_path):
        return Path(os.path.realpath(on_path[0])).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if all((Path(folder) / name).is_file() for name in ("initdb", "pg_ctl")):
            return Path(folder)
    raise Unavailable(
        "PostgreSQL's initdb and pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin "
        "(sudo apt-get install postgresql)"
    )


def run_as() -> list[str]:
    """The prefix that runs a command as a user PostgreSQL accepts: nothing, or `runuser` as root.

    Raises:
        Unavailable: Running as root without `runuser`, or the `postgres` user cannot be created.
    """
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        raise Unavailable(
            "running as root, and runuser (util-linux) is missing to start PostgreSQL as postgres"
        )
    if subprocess.run(["id", "-u", SYSTEM_USER], capture_output=True, check=False).returncode != 0:
        made = subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode != 0:
            raise Unavailable(f"running as root, and the postgres user could not be created: {made.stderr}")
    return ["runuser", "-u", SYSTEM_USER, "--"]


@dataclass(frozen=True)
class Server:
    """A running throwaway cluster: trust authentication on loopback, no passwords."""

    port: int
    log: Path

    def url(self, database: str, application_name: str, scheme: str = "postgresql+psycopg") -> str:
        """A connection URL for an app; `application_name` tags its connections in the log."""
        return f"{scheme}://{SUPERUSER}@{HOST}:{self.port}/{database}?application_name={application_name}"

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        """An autocommit connection for the test itself (tagged `tests`)."""
        return psycopg.connect(
            host=HOST,
            port=self.port,
            user=SUPERUSER,
            dbname=database,
            application_name="tests",
            autocommit=True,
        )

    def create_database(self, name: str) -> None:
        """A new empty database (dropped first if an earlier test made it)."""
        with self.connect() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')

    def open_connections(self, application_name: str) -> int:
        """Connections tagged `application_name` open right now (pg_stat_activity)."""
        with self.connect() as connection:
            row = connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [application_name]
            ).fetchone()
        return row[0]

    def connections_opened(self, application_name: str) -> int:
        """Connections tagged `application_name` the server has accepted so far (from its log)."""
        pattern = re.compile(
            rf"connection authorized: .*application_name={re.escape(application_name)}(\s|$)"
        )
        return sum(1 for line in self.log.read_text(errors="replace").splitlines() if pattern.search(line))


@contextmanager
def running() -> Iterator[Server]:
    """Start a cluster in a fresh temporary directory for the `with` block; stop and remove it after.

    Raises:
        Unavailable: PostgreSQL cannot be run here.
        RuntimeError: initdb or pg_ctl failed (their output is in the message).
    """
    bindir = find_bindir()
    prefix = run_as()
    folder = Path(tempfile.mkdtemp(prefix="guide-pg-"))
    data, socket, log = folder / "data", folder / "socket", folder / "server.log"
    socket.mkdir()
    if prefix:
        shutil.chown(folder, SYSTEM_USER)
        shutil.chown(socket, SYSTEM_USER)

    def pg(*command: str) -> None:
        finished = subprocess.run(
            [*prefix, *command], capture_output=True, text=True, timeout=120, check=False, cwd=folder
        )
        if finished.returncode != 0:
            server_log = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed: {finished.stdout}{finished.stderr}{server_log}")

    port = free_port()
    try:
        pg(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
        )
        options = (
            f"-c listen_addresses={HOST} -p {port} -k {socket} -c log_connections=on "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        pg(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")
        yield Server(port=port, log=log)
    finally:
        try:
            if (data / "postmaster.pid").exists():
                pg(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", "60", "stop")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
