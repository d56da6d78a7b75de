"""The HTTP side of ``timeline serve``: serve the current build, add the reload script.

:class:`Handler` answers three kinds of request: ``/__livereload`` (a held
poll, see :mod:`timeline.serve.livereload`), ``/__livereload.js`` (the page
script) and everything else, which is a file of the current build, rendered
on first request. Paths never leave the build folder. Files carry an ETag, so
a browser reloading a page revalidates its (unchanged, large) assets cheaply.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import mimetypes
import posixpath
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

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


class HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    state: BuildState
    poll_timeout: float = POLL_TIMEOUT


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
                self._file(unquote(url.path), head)
        except (BrokenPipeError, ConnectionResetError):
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
                self._redirect(path + "/")
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


def _resolve(root: Path, url_path: str) -> Path | None:
    """The file under ``root`` that ``url_path`` names, or None if it points outside."""
    clean = posixpath.normpath("/" + url_path.lstrip("/"))
    parts = [p for p in clean.split("/") if p and p not in (".", "..")]
    target = root.joinpath(*parts)
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return target
