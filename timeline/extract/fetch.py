"""Downloading an article by URL, within limits: size, time per read and time in all.

A server that sends one byte every few seconds never trips a per-read timeout,
so a watchdog shuts the connection down when the whole download (connecting,
headers, body, redirects) passes :data:`FETCH_DEADLINE`. A body larger than
:data:`MAX_DOWNLOAD_BYTES` is refused before it is all read; compressed bodies
are never asked for, so never unpacked. An unknown or non-text charset is read
as UTF-8.
"""

from __future__ import annotations

import codecs
import contextlib
import http.client
import logging
import socket
import threading
import urllib.error
import urllib.request
from typing import Any

from timeline.exceptions import InputError

log = logging.getLogger(__name__)

FETCH_TIMEOUT = 20.0  # seconds one read (or connecting) may take
FETCH_DEADLINE = 60.0  # seconds the whole download may take
MAX_DOWNLOAD_BYTES = 8 * 1024 * 1024
_CHUNK = 64 * 1024


class _Watchdog:
    """Remembers the sockets a download opens; :meth:`expire` shuts them all down (a read
    blocked on one of them then returns at once)."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.lock = threading.Lock()

    def track(self, base: type[http.client.HTTPConnection]) -> Any:
        watchdog = self

        class Tracked(base):  # type: ignore[valid-type,misc]
            def connect(self) -> None:
                super().connect()
                with watchdog.lock:
                    watchdog.sockets.append(self.sock)
                    if watchdog.expired:  # connected after the deadline: give up at once
                        raise TimeoutError("deadline passed")

        return Tracked

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def _opener(watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    class Http(urllib.request.HTTPHandler):
        def http_open(self, req: Any) -> Any:
            return self.do_open(watchdog.track(http.client.HTTPConnection), req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req: Any) -> Any:
            return self.do_open(
                watchdog.track(http.client.HTTPSConnection),
                req,
                context=self._context,  # type: ignore[attr-defined]
            )

    return urllib.request.build_opener(Http, Https)


def fetch(url: str, *, deadline: float | None = None, limit: int | None = None) -> str:
    """The text at ``url``; :class:`InputError` when it cannot be had within the limits."""
    deadline = FETCH_DEADLINE if deadline is None else deadline
    limit = MAX_DOWNLOAD_BYTES if limit is None else limit
    watchdog = _Watchdog()
    timer = threading.Timer(deadline, watchdog.expire)
    timer.daemon = True
    request = urllib.request.Request(
        url, headers={"User-Agent": "timeline-extract/1", "Accept-Encoding": "identity"}
    )
    timer.start()
    try:
        with _opener(watchdog).open(request, timeout=min(FETCH_TIMEOUT, deadline)) as response:
            body = _read_body(url, response, limit, watchdog)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as err:
        raise InputError(f"{url}: the server answered {err.code} {err.reason}") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as err:
        if watchdog.expired:
            raise InputError(
                f"{url}: gave up after {deadline:.0f} s (the time limit for a download)"
            ) from None
        reason = str(getattr(err, "reason", None) or err) or type(err).__name__
        raise InputError(f"{url}: could not fetch ({reason})") from None
    finally:
        timer.cancel()
    if watchdog.expired:
        raise InputError(f"{url}: gave up after {deadline:.0f} s (the time limit for a download)")
    return body.decode(text_encoding(charset, url), errors="replace")


def _read_body(url: str, response: Any, limit: int, watchdog: _Watchdog) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > limit:
        raise InputError(_too_large(url, limit, f"it announces {int(declared):,}"))
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise InputError(_too_large(url, limit, "it sent more"))
        chunks.append(chunk)
        if watchdog.expired:
            raise TimeoutError("deadline passed")
    return b"".join(chunks)


def _too_large(url: str, limit: int, what: str) -> str:
    return (
        f"{url}: the page is larger than the download limit of {limit:,} bytes ({what}); "
        "save the article's text to a file instead"
    )


def text_encoding(charset: str | None, where: str) -> str:
    """A codec that turns bytes into text for ``charset``; UTF-8 when it is unknown."""
    if not charset:
        return "utf-8"
    try:
        info = codecs.lookup(charset)
    except LookupError:
        log.warning("%s: unknown charset %r; reading it as UTF-8", where, charset)
        return "utf-8"
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib...
        log.warning("%s: %r is not a text encoding; reading it as UTF-8", where, charset)
        return "utf-8"
    return info.name
