"""Serve a built site on loopback as GitHub Pages does: gzip, `index.html` for folders, the 404 page."""

from __future__ import annotations

import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static file handler with gzip and the site's own 404 page."""

    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return None
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        body = path.read_bytes()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type == "application/javascript":
            content_type += "; charset=utf-8"
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and content_type.startswith(COMPRESSIBLE)
        if gzipped:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self._body = body
        return None

    def do_GET(self):
        self._body = b""
        self.send_head()
        self.wfile.write(self._body)

    def do_HEAD(self):
        self.send_head()


@contextmanager
def serve_directory(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 in a background thread; yield its base URL (ending in `/`)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(SiteHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
