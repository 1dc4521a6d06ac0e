"""A raw HTTP/1.1 client for requests that httpx and urllib would refuse or tidy up.

The request line is sent byte for byte (an unknown method, `%ff` left as it is), and a
large body is sent in chunks while watching the socket: a server that answers before it
has read the whole body (a `413` from the headers alone, say) is heard instead of
being written into until the connection breaks. Every socket operation has a timeout.
"""

from __future__ import annotations

import http.client
import select
import socket
import time
from dataclasses import dataclass

from tests.support.servers import HOST

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Answer:
    """What a server answered: status, media type (no parameters) and the raw body."""

    status: int
    media_type: str
    body: bytes


def send(
    port: int,
    method: str,
    target: str,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    timeout: float = 10,
) -> Answer:
    """Send one request over a fresh connection (`Connection: close`) and read the whole answer.

    Raises:
        TimeoutError: The server neither read the body nor answered within `timeout` seconds.
        ConnectionError: The server closed the connection without an answer.
    """
    lines = [f"{method} {target} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body or method not in ("GET", "HEAD"):
        lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    with socket.create_connection((HOST, port), timeout=timeout) as sock:
        sock.sendall(head)
        _send_body(sock, body, timeout)
        response = http.client.HTTPResponse(sock, method=method)
        response.begin()
        content = response.read()
    media_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    return Answer(response.status, media_type, content)


def _send_body(sock: socket.socket, body: bytes, timeout: float) -> None:
    """Write `body`, stopping early when the server has answered or stopped reading."""
    view = memoryview(body)
    sent = 0
    deadline = time.monotonic() + timeout
    while sent < len(body):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"the server read {sent} of {len(body)} bytes within {timeout:.0f} s")
        readable, writable, _ = select.select([sock], [sock], [], remaining)
        if readable:
            return
        if not writable:
            continue
        try:
            sent += sock.send(view[sent : sent + CHUNK])
        except (BrokenPipeError, ConnectionResetError):
            return
