"""The HTTP side of ``timeline serve``: serve the current build, add the reload script.

:class:`Handler` answers three kinds of request: ``/__livereload`` (a held
poll, see :mod:`timeline.serve.livereload`), ``/__livereload.js`` (the page
script) and everything else, which is a file of the current build, rendered
on first request. Paths never leave the build folder, redirects never leave
the server, and a request with control characters in its path is refused.
Files carry an ETag, so a browser reloading a page revalidates its
(unchanged, large) assets cheaply. A client gets :data:`HEADER_TIMEOUT`
seconds to send its request line and headers, and at most
:data:`MAX_CONNECTIONS` connections are served at once.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import mimetypes
import posixpath
import re
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from timeline.exceptions import InputError, TimelineError
from timeline.serve.livereload import (
    POLL_PATH,
    POLL_TIMEOUT,
    SCRIPT,
    SCRIPT_PATH,
    BuildState,
    Snapshot,
    inject,
    placeholder_page,
)

log = logging.getLogger(__name__)


class ServeError(InputError):
    """The server cannot start: the port is taken, or the address is not allowed."""


HEADER_TIMEOUT = 10.0  # seconds a client has to send its request line and headers
MAX_CONNECTIONS = 64  # served at once; each open page holds one for its reload poll
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_BUSY = b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class HTTPServer(ThreadingHTTPServer):
    """One thread per connection, at most :data:`MAX_CONNECTIONS` of them; a watchdog
    closes connections that have not finished their headers within the header timeout."""

    daemon_threads = True
    request_queue_size = 128  # the listen backlog: a burst of requests is not dropped
    state: BuildState
    poll_timeout: float = POLL_TIMEOUT
    header_timeout: float = HEADER_TIMEOUT
    max_connections: int = MAX_CONNECTIONS

    def __init__(self, *args: Any, **kwargs: Any):
        self._lock = threading.Lock()
        self._active = 0
        self._waiting: dict[socket.socket, float] = {}  # connection -> its header deadline
        self._closing = threading.Event()
        super().__init__(*args, **kwargs)
        self._watchdog = threading.Thread(target=self._reap, name="timeline-http-watchdog")
        self._watchdog.daemon = True
        self._watchdog.start()

    @property
    def active(self) -> int:
        """Connections being served now."""
        return self._active

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            busy = self._active >= self.max_connections
            if not busy:
                self._active += 1
                self._waiting[request] = time.monotonic() + self.header_timeout
        if busy:
            log.debug("turned away %s: %s connections open", client_address, self._active)
            with contextlib.suppress(OSError):
                request.settimeout(0.5)
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._lock:
                self._active -= 1
                self._waiting.pop(request, None)

    def headers_read(self, request: Any) -> None:
        with self._lock:
            self._waiting.pop(request, None)

    def _reap(self) -> None:
        while not self._closing.wait(min(0.25, self.header_timeout / 4)):
            now = time.monotonic()
            with self._lock:
                late = [sock for sock, deadline in self._waiting.items() if deadline <= now]
                for sock in late:
                    del self._waiting[sock]
            for sock in late:
                log.debug("closing a connection that sent no complete request in time")
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def server_close(self) -> None:
        self._closing.set()
        super().server_close()


def make_server(host: str, port: int) -> HTTPServer:
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET

    class Server(HTTPServer):
        address_family = family

    try:
        return Server((host.strip("[]"), port), Handler)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {host} is already in use (is another 'timeline serve' "
                f"running?); choose another one, e.g. --port {port + 1}"
            ) from None
        if err.errno == errno.EACCES:
            raise ServeError(
                f"not allowed to use port {port} on {host}; ports below 1024 need "
                "special rights: try --port 8000"
            ) from None
        raise ServeError(f"cannot serve on {host}:{port}: {err.strerror}") from None


class Handler(BaseHTTPRequestHandler):
    """Serves the current build, with the live-reload script added to every page."""

    server: HTTPServer
    server_version = "timeline-serve"
    timeout = HEADER_TIMEOUT  # each read from the client; the watchdog bounds them all

    def parse_request(self) -> bool:
        done = super().parse_request()
        self.server.headers_read(self.request)
        return done

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def _respond(self, head: bool) -> None:
        url = urlsplit(self.path)
        try:
            if url.path == POLL_PATH:
                since = parse_qs(url.query).get("since", [""])[0]
                snapshot = self.server.state.wait_for_change(since, self.server.poll_timeout)
                self._send(200, "application/json", snapshot.as_json().encode(), head)
            elif url.path == SCRIPT_PATH:
                self._send(200, "text/javascript; charset=utf-8", SCRIPT.encode(), head)
            else:
                path = unquote(url.path)
                if _CONTROL.search(path):
                    body = b"Bad request: control characters in the path\n"
                    self._send(400, "text/plain; charset=utf-8", body, head)
                    return
                self._file(path, head)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            log.debug("client went away: %s", self.path)

    def _file(self, path: str, head: bool) -> None:
        snapshot = self.server.state.snapshot  # one snapshot per request: one build
        if snapshot.site_dir is None:
            page = placeholder_page(snapshot, "No site yet: the timeline has errors")
            self._send(503, "text/html; charset=utf-8", page.encode(), head)
            return
        target = _resolve(snapshot.site_dir, path)
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                self._redirect(_local_url(path).rstrip("/") + "/")
                return
            target = target / "index.html"
        try:
            found = self._render(snapshot, target)
        except TimelineError as err:  # a template failed while rendering this page
            self.server.state.publish_errors([str(err)])
            page = placeholder_page(self.server.state.snapshot, "This page could not be built")
            self._send(500, "text/html; charset=utf-8", page.encode(), head)
            return
        if found is None:
            page = placeholder_page(snapshot, f"Not found: {path}")
            self._send(404, "text/html; charset=utf-8", page.encode(), head)
            return
        self._send_file(found, snapshot, head)

    @staticmethod
    def _render(snapshot: Snapshot, target: Path | None) -> Path | None:
        if target is None or snapshot.site_dir is None:
            return None
        if snapshot.site is None:
            return target if target.is_file() else None
        relative = target.relative_to(snapshot.site_dir).as_posix()
        try:
            return snapshot.site.file(relative)
        except OSError:  # the build was pruned while this request was on its way
            return None

    def _send_file(self, target: Path, snapshot: Snapshot, head: bool) -> None:
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        try:
            body = target.read_bytes()
        except OSError:  # pruned between the check and the read: the page will reload
            self._send(404, "text/plain; charset=utf-8", b"gone; reloading", head)
            return
        if kind == "text/html":
            body = inject(body.decode("utf-8", "replace"), snapshot).encode("utf-8")
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        # Pages and assets may be cached but must be revalidated: an unchanged asset (the
        # chart library is 4 MB) then costs a 304, and the browser keeps its compiled code.
        etag = _etag(body) if kind.startswith("text/html") else _file_etag(target, body)
        if etag in self.headers.get("If-None-Match", ""):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        self._send(200, kind, body, head, etag=etag)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(
        self, status: int, kind: str, body: bytes, head: bool, etag: str | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
        else:
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)


_ETAGS: dict[tuple[str, int, int], str] = {}


def _etag(body: bytes) -> str:
    return f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'


def _file_etag(path: Path, body: bytes) -> str:
    """The ETag of a file as written: hashed once per file, not once per request."""
    info = path.stat()
    key = (str(path), info.st_mtime_ns, info.st_size)
    if key not in _ETAGS:
        if len(_ETAGS) > 512:
            _ETAGS.clear()
        _ETAGS[key] = _etag(body)
    return _ETAGS[key]


def _parts(url_path: str) -> list[str]:
    """The path's segments after resolving '.' and '..', never above the root."""
    clean = posixpath.normpath("/" + url_path.lstrip("/"))
    return [p for p in clean.split("/") if p and p not in (".", "..")]


def _local_url(url_path: str) -> str:
    """``url_path`` normalised and percent-encoded: one leading slash (so never '//host',
    which a browser reads as another server) and nothing a header could not carry."""
    return quote("/" + "/".join(_parts(url_path)), safe="/")


def _resolve(root: Path, url_path: str) -> Path | None:
    """The file under ``root`` that ``url_path`` names, or None if it points outside."""
    parts = _parts(url_path)
    target = root.joinpath(*parts)
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return target
