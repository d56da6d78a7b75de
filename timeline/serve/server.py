"""``timeline serve``: build into a temporary folder, serve it, rebuild on every save.

A :class:`~timeline.serve.handler.Handler` on the stdlib
:class:`~http.server.ThreadingHTTPServer` serves the current build (one thread
per request, so held live-reload polls do not block pages). A
:class:`~timeline.serve.watcher.Watcher` notices saves and a
:class:`~timeline.serve.rebuild.BuildLoop` rebuilds; a failed build keeps the
last good one served and shows its errors in every open page and through
``warn`` (the terminal).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import shutil
import signal
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timeline.serve import handler
from timeline.serve.handler import ServeError
from timeline.serve.livereload import POLL_TIMEOUT, BuildState
from timeline.serve.rebuild import BuildLoop, BuildResult, Rebuilder
from timeline.serve.watcher import Watcher

log = logging.getLogger(__name__)

Say = Callable[[str], None]

__all__ = ["DevServer", "ServeError", "is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    """True when ``host`` only ever means this machine (127.0.0.0/8, ::1, localhost)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)


class DevServer:
    """The whole ``timeline serve`` loop; usable from Python and from tests.

    ``port=0`` picks a free port (see :attr:`port`). ``say`` receives what the
    terminal should show: rebuild times and the located errors of a broken edit.
    """

    def __init__(
        self,
        events_path: str | os.PathLike[str] = "events.yaml",
        host: str = "127.0.0.1",
        port: int = 8000,
        *,
        allow_public: bool = False,
        interval: float = 0.025,
        poll_timeout: float = POLL_TIMEOUT,
        header_timeout: float = handler.HEADER_TIMEOUT,
        max_connections: int = handler.MAX_CONNECTIONS,
        say: Say = log.info,
        warn: Say = log.warning,
    ):
        self.events_path = Path(events_path)
        self.host = host
        self.requested_port = port
        self.allow_public = allow_public
        self.interval = interval
        self.poll_timeout = poll_timeout
        self.header_timeout = header_timeout
        self.max_connections = max_connections
        self.say = say
        self.warn = warn
        self.state = BuildState()
        self._root: Path | None = None
        self._httpd: handler.HTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._watcher: Watcher | None = None
        self._loop: BuildLoop | None = None
        self._stopped = threading.Event()

    @property
    def port(self) -> int:
        return self._httpd.server_address[1] if self._httpd else self.requested_port

    @property
    def connections(self) -> int:
        """Connections being served now."""
        return self._httpd.active if self._httpd else 0

    @property
    def site_dir(self) -> Path | None:
        """The folder of the build being served (pages appear in it as they are requested)."""
        return self.state.snapshot.site_dir

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"http://{host}:{self.port}/"

    def start(self) -> None:
        """Bind, build once, then serve and watch in background threads."""
        if not is_loopback(self.host):
            if not self.allow_public:
                raise ServeError(
                    f"refusing to serve on {self.host}, which other machines can reach; "
                    "add --public to allow it"
                )
            self.warn(
                f"serving on {self.host}: anyone who can reach this machine can read the "
                "draft timeline"
            )
        self._httpd = handler.make_server(self.host, self.requested_port)
        self._httpd.state = self.state
        self._httpd.poll_timeout = self.poll_timeout
        self._httpd.header_timeout = self.header_timeout
        self._httpd.max_connections = self.max_connections
        try:
            self._root = Path(tempfile.mkdtemp(prefix="timeline-serve-"))
            rebuilder = Rebuilder(self.events_path, self._root, self.state)
            self.report(rebuilder.build())
            self._loop = BuildLoop(rebuilder, self.report)
            self._watcher = Watcher(rebuilder.watched, self._loop.request, self.interval)
            self._loop.start()
            self._watcher.start()
            thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.2},
                name="timeline-http",
                daemon=True,
            )
            thread.start()
            self._threads.append(thread)
        except BaseException:
            self.stop()
            raise

    def report(self, result: BuildResult) -> None:
        """Tell the terminal how the build went."""
        if result.superseded or (result.unchanged and not result.cleared):
            return
        if result.cleared:
            self.say("errors fixed: the last good build is current again")
            return
        if result.ok:
            for warning in result.warnings:
                self.warn(str(warning))
            read = "whole file read" if result.parsed < 0 else f"{_count(result.parsed)} re-read"
            self.say(f"built {_count(result.events)} in {result.seconds * 1000:.0f} ms ({read})")
        else:
            for error in result.errors:
                self.warn(error)
            count = len(result.errors)
            serving = (
                "still serving the last good build"
                if self.state.snapshot.build
                else "nothing to serve yet"
            )
            self.warn(
                f"{count} {'error' if count == 1 else 'errors'}: {serving}; fix and save to rebuild"
            )

    def wait(self) -> None:
        """Block until :meth:`stop` (or Ctrl-C in the calling thread)."""
        while not self._stopped.wait(0.5):
            pass

    def stop(self) -> None:
        """Stop serving, watching and building, and remove the temporary builds."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        self.state.close()
        if self._watcher is not None:
            self._watcher.stop()
        if self._loop is not None:
            self._loop.stop()
        if self._httpd is not None:
            if self._threads:
                self._httpd.shutdown()
            self._httpd.server_close()
        for thread in self._threads:
            thread.join(5)
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)

    def __enter__(self) -> DevServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _count(events: int) -> str:
    return f"{events} event" + ("" if events == 1 else "s")


def serve(
    events_path: str | os.PathLike[str],
    host: str,
    port: int,
    *,
    allow_public: bool,
    on_ready: Callable[[str], None],
    say: Say,
    warn: Say,
) -> None:
    """Run the server until Ctrl-C (or SIGTERM); ``on_ready(url)`` is called once serving."""
    server = DevServer(events_path, host, port, allow_public=allow_public, say=say, warn=warn)
    server.start()
    previous = _stop_on_sigterm()
    try:
        on_ready(server.url)
        server.wait()
    except KeyboardInterrupt:
        say("stopping")
    finally:
        server.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _stop_on_sigterm() -> Any:
    """Make SIGTERM stop like Ctrl-C, so the temporary builds are removed too."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)
