"""Measurements besides load: memory per worker, CPU use during a window, import time, the machine."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import psutil

from guide import ROOT

MB = 1024 * 1024


def process_tree(pid: int) -> tuple[psutil.Process, list[psutil.Process]]:
    """The server's main process and its worker processes.

    A server that forks workers (gunicorn, granian) has children: those are the
    workers. A single-process server (uvicorn without `--workers`) is its own
    worker.
    """
    main = psutil.Process(pid)
    children = main.children(recursive=True)
    return main, children or [main]


def memory(pid: int) -> dict[str, float | int]:
    """RSS and PSS (MB) of each worker and of the whole process tree."""
    main, workers = process_tree(pid)
    everyone = {process.pid: process for process in [main, *workers]}
    infos = {pid_: process.memory_full_info() for pid_, process in everyone.items()}
    return {
        "workers": len(workers),
        "worker_rss_mb": max(infos[worker.pid].rss for worker in workers) / MB,
        "worker_pss_mb": max(infos[worker.pid].pss for worker in workers) / MB,
        "total_rss_mb": sum(info.rss for info in infos.values()) / MB,
        "total_pss_mb": sum(info.pss for info in infos.values()) / MB,
    }


@dataclass
class CpuWindow:
    """CPU time of each core and of the server's processes, between `start` and `stop`."""

    pid: int
    cores: tuple[int, int]
    """(server core, load-generator core)."""

    def _server_seconds(self) -> float:
        main, workers = process_tree(self.pid)
        total = 0.0
        for process in {p.pid: p for p in [main, *workers]}.values():
            times = process.cpu_times()
            total += times.user + times.system
        return total

    def start(self) -> None:
        self._cores = psutil.cpu_times(percpu=True)
        self._server = self._server_seconds()

    def stop(self) -> dict[str, float]:
        """Busy fractions (0-1) of both cores, the server's share, and the rest of the machine on its core."""
        cores = psutil.cpu_times(percpu=True)
        server = self._server_seconds()

        def busy(index: int) -> tuple[float, float]:
            before, after = self._cores[index], cores[index]
            total = sum(after) - sum(before)
            idle = (after.idle + after.iowait) - (before.idle + before.iowait)
            return ((total - idle) / total if total > 0 else 0.0), total

        server_busy, elapsed = busy(self.cores[0])
        load_busy, _ = busy(self.cores[1])
        server_share = min(1.0, (server - self._server) / elapsed) if elapsed > 0 else 0.0
        return {
            "server_cpu_s": round(server - self._server, 4),
            "server_core_busy": round(server_busy, 3),
            "server_process": round(server_share, 3),
            "server_core_other": round(max(0.0, server_busy - server_share), 3),
            "load_core_busy": round(load_busy, 3),
        }


IMPORT_PROBE = (
    "import importlib, sys, time\n"
    "start = time.perf_counter()\n"
    "for name in sys.argv[1:]:\n"
    "    importlib.import_module(name)\n"
    "print(time.perf_counter() - start)\n"
)


def fresh_python(
    code: str, args: Sequence[str], env: Mapping[str, str], what: str, timeout: float, cpu: int | None = None
) -> str:
    """Run `code` with `args` in a fresh interpreter started in the repository (pinned to `cpu` when
    given) and return the last line it printed.

    Raises:
        RuntimeError: The interpreter failed; the message starts with `what` and ends with its stderr.
    """
    pinned = ["taskset", "--cpu-list", str(cpu)] if cpu is not None else []
    finished = subprocess.run(  # noqa: S603
        [*pinned, sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if finished.returncode != 0:
        raise RuntimeError(f"{what} failed: {finished.stderr.strip()[-800:]}")
    return finished.stdout.strip().splitlines()[-1]


def import_time(modules: tuple[str, ...], env: dict[str, str], cpu: int) -> float:
    """Seconds a fresh interpreter (pinned to `cpu`) spends importing `modules`."""
    environment = {**os.environ, **env}
    return float(fresh_python(IMPORT_PROBE, modules, environment, f"importing {' '.join(modules)}", 60, cpu))


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (or platform's guess)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages."""
    return [round(value, 2) for value in os.getloadavg()]


def wrk_version() -> str:
    """wrk's version line."""
    finished = subprocess.run(["wrk", "--version"], capture_output=True, text=True, timeout=10, check=False)  # noqa: S607
    return (finished.stdout or finished.stderr).splitlines()[0].split("Copyright")[0].strip()


def machine() -> dict[str, object]:
    """What a reader needs to know about the machine a run used."""
    memory_info = psutil.virtual_memory()
    return {
        "cpu_model": cpu_model(),
        "cores": psutil.cpu_count(logical=True),
        "physical_cores": psutil.cpu_count(logical=False),
        "memory_gb": round(memory_info.total / 1024**3, 1),
        "kernel": platform.release(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
    }
