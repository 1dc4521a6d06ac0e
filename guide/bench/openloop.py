"""Latency at a fixed request rate (open loop), below saturation.

wrk is a closed-loop generator: each connection waits for its response before
sending the next request, so a server that stalls also slows down the load and
its delay hides in a lower request count (coordinated omission). wrk2 would fix
this but is not packaged by Debian, so this small asyncio client sends request
*i* at `start + i / rate` whether or not earlier ones have been answered, each
on a new connection, and measures latency from the *scheduled* send time.

Run as `python -m guide.bench.openloop URL --rate R --duration S` (the harness
pins it to the load-generator core); it prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from guide.bench.stats import percentile


@dataclass(frozen=True)
class OpenLoopResult:
    """Latency percentiles of a paced run, and how many requests went wrong."""

    rate: float
    sent: int
    ok: int
    errors: int
    p50_ms: float | None
    p99_ms: float | None
    max_ms: float | None
    first_error: str | None


async def one_request(host: str, port: int, raw: bytes, timeout: float) -> int:
    """Send one request on a new connection; return the response status."""

    async def exchange() -> int:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            writer.write(raw)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = None
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            if length is None:
                await reader.read()
            else:
                await reader.readexactly(length)
            return status
        finally:
            writer.close()

    return await asyncio.wait_for(exchange(), timeout)


def build_request(url: str, method: str, body: str) -> tuple[str, int, bytes]:
    """Host, port and the raw HTTP/1.1 request bytes for a URL."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    payload = body.encode()
    headers = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close"]
    if payload:
        headers += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
    raw = ("\r\n".join(headers) + "\r\n\r\n").encode() + payload
    return parts.hostname or "127.0.0.1", parts.port or 80, raw


async def paced(
    url: str, rate: float, duration_s: float, method: str, body: str, expected_status: int, timeout: float
) -> OpenLoopResult:
    """Send `rate * duration_s` requests on schedule and collect their latencies."""
    host, port, raw = build_request(url, method, body)
    count = max(1, round(rate * duration_s))
    latencies: list[float] = []
    problems: list[str] = []
    start = time.perf_counter() + 0.05

    async def scheduled(index: int) -> None:
        due = start + index / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        try:
            status = await one_request(host, port, raw, timeout)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
            problems.append(f"request {index}: {type(error).__name__}: {error}")
            return
        if status != expected_status:
            problems.append(f"request {index}: status {status}, expected {expected_status}")
            return
        latencies.append((time.perf_counter() - due) * 1000)

    await asyncio.gather(*(scheduled(index) for index in range(count)))
    return OpenLoopResult(
        rate=rate,
        sent=count,
        ok=len(latencies),
        errors=len(problems),
        p50_ms=percentile(latencies, 50) if latencies else None,
        p99_ms=percentile(latencies, 99) if latencies else None,
        max_ms=max(latencies) if latencies else None,
        first_error=problems[0] if problems else None,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--method", default="GET")
    parser.add_argument("--body", default="")
    parser.add_argument("--expected-status", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args(argv)
    result = asyncio.run(
        paced(args.url, args.rate, args.duration, args.method, args.body, args.expected_status, args.timeout)
    )
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()
