"""Issue 12, item 6: `timeline serve` against hostile clients.

An encoded '//' made an open redirect, an encoded CR LF put a header of the client's
choosing into the answer, a non-ASCII path raised UnicodeEncodeError (no answer at
all), a thousand clients that never finished their headers held a thousand threads,
and `--host 0.0.0.0` was served with a warning only.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

import timeline.serve.handler
from timeline.serve import DevServer, ServeError
from timeline.serve.handler import _local_url

pytestmark = pytest.mark.hostile

WAIT = 15.0  # the longest any step may take on a loaded machine


@pytest.fixture
def server(project) -> Iterator[DevServer]:
    with DevServer(
        "events.yaml", port=0, poll_timeout=1.0, header_timeout=0.5, max_connections=16
    ) as dev:
        yield dev


def raw(server: DevServer, request: bytes) -> bytes:
    """Send ``request`` as it is and read the whole answer (HTTP/1.0: the server closes)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=WAIT) as sock:
        sock.sendall(request)
        return _read_all(sock)


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def head(answer: bytes) -> list[str]:
    return answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")


@pytest.mark.parametrize(
    "path",
    [
        "/%2Fevil.example%2F..%2Fevents",
        "//evil.example/../events",
        "/%5C%5Cevil.example/../events",
        "/%E2%82%AC/../events",
        "/./events",
    ],
)
def test_redirects_stay_on_this_server(server, path, capfd):
    lines = head(raw(server, f"GET {path} HTTP/1.0\r\n\r\n".encode()))
    assert lines[0] == "HTTP/1.0 301 Moved Permanently"
    assert "Location: /events/" in lines
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(
    "path",
    ["/%0d%0aSet-Cookie:%20pwned=1/../events", "/events%0d%0aX:%20y", "/%00/events"],
)
def test_control_characters_in_a_path_are_refused(server, path):
    lines = head(raw(server, f"GET {path} HTTP/1.0\r\n\r\n".encode()))
    assert lines[0] == "HTTP/1.0 400 Bad Request"
    assert not any(line.lower().startswith(("set-cookie", "x:")) for line in lines)


def test_a_redirect_location_is_ascii_and_has_one_leading_slash():
    assert _local_url("/€/x") == "/%E2%82%AC/x"
    assert _local_url("//evil.example/a") == "/evil.example/a"
    assert _local_url("/a\r\nb") == "/a%0D%0Ab"
    assert _local_url("") == "/"


def test_a_path_without_a_slash_redirects_to_the_root(server):
    lines = head(raw(server, b"GET ?x=1 HTTP/1.0\r\n\r\n"))
    assert lines[0] == "HTTP/1.0 301 Moved Permanently"
    assert "Location: /" in lines


def test_a_client_that_never_finishes_its_headers_is_closed(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=WAIT) as sock:
        sock.sendall(b"GET / HTTP/1.0\r\n")
        started = time.monotonic()
        try:
            for char in b"X-Slow: " + b"y" * 200:  # one byte at a time, never the blank line
                sock.sendall(bytes([char]))
                time.sleep(0.05)
        except OSError:
            pass  # the server closed the connection under us: what we want
        assert _read_all(sock) == b""  # closed without an answer
    assert time.monotonic() - started < WAIT
    assert _wait_for(lambda: server.connections == 0)


def test_connections_are_capped_and_freed(project):
    with DevServer("events.yaml", port=0, header_timeout=3.0, max_connections=16) as server:
        before = threading.active_count()
        idle = [
            socket.create_connection(("127.0.0.1", server.port), timeout=WAIT) for _ in range(40)
        ]
        try:
            assert _wait_for(lambda: server.connections == 16)
            assert threading.active_count() <= before + 16
            busy = raw(server, b"GET /index.html HTTP/1.0\r\n\r\n")
            assert head(busy)[0] == "HTTP/1.0 503 Service Unavailable"
            assert _wait_for(lambda: server.connections == 0)  # the header timeout frees them
        finally:
            for sock in idle:
                sock.close()
        answer = raw(server, b"GET /index.html HTTP/1.0\r\n\r\n")
        assert head(answer)[0] == "HTTP/1.0 200 OK"


def _wait_for(condition, timeout: float = WAIT) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10"])
def test_a_public_address_needs_public(project, run, host):
    result = run(["serve", "--host", host, "--port", "0"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: refusing to serve on {host}, which other machines can reach; "
        "add --public to allow it\n"
    )


def test_public_allows_it_with_a_warning(project, run, monkeypatch):
    def no_bind(host: str, port: int) -> None:
        raise ServeError("not binding in tests")

    monkeypatch.setattr(timeline.serve.handler, "make_server", no_bind)
    result = run(["serve", "--host", "0.0.0.0", "--port", "0", "--public"])
    assert result.exit_code == 2
    assert result.stderr == (
        "serving on 0.0.0.0: anyone who can reach this machine can read the draft timeline\n"
        "Error: not binding in tests\n"
    )
