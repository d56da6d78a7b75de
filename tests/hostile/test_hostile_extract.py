"""Issue 12, item 8 (and `extract` in item 10): `timeline extract` within bounds.

A 3 GiB body raised MemoryError, a server sending a byte every 5 s kept a download
going for 302 s (the 20 s timeout was per read), `charset=x-bogus-9` raised
LookupError, the merge held the file's lock for as long as it ran, and a run in which
every source was skipped exited 0.
"""

from __future__ import annotations

import http.server
import logging
import os
import threading
import time
from collections.abc import Iterator

import pytest

import timeline.extract.fetch as fetch
import timeline.extract.pipeline as pipeline
from timeline.add import add_event
from timeline.extract.pipeline import run_extract
from timeline.validate import load_timeline

pytestmark = pytest.mark.hostile

ARTICLE = "<html><body><article><p>BISHKEK, October 6, 2020 - The mayor resigned on Monday.</p>"
ARTICLE += "<p>Officials confirmed it later.</p></article></body></html>"


class Hostile(http.server.BaseHTTPRequestHandler):
    """Pages that misbehave on purpose; each path is one behaviour."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = ARTICLE.encode()
        if self.path == "/dribble":  # headers at once, then a byte now and then
            self._head(len(body))
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        elif self.path == "/slow-headers":
            for byte in b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n":
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        elif self.path == "/huge-declared":
            self._head(3 << 30)  # announces 3 GiB
            self.wfile.write(body)
        elif self.path == "/huge":  # no length: sends and sends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"<p>" + b"x" * 1000 + b"</p>")
        elif self.path.startswith("/charset/"):
            self._head(len(body), f"text/html; charset={self.path.rsplit('/', 1)[1]}")
            self.wfile.write(body)

    def _head(self, length: int, kind: str = "text/html") -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        self.end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    """A client that hangs up on a dribble is the point of the test, not an error: the
    default handler would print a traceback into the stderr the test checks."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


NOTHING_READ = "Error: no source could be read (1 skipped); events.yaml is unchanged\n"


def test_a_server_that_dribbles_hits_the_total_deadline(project, run, site, monkeypatch):
    monkeypatch.setattr(fetch, "FETCH_DEADLINE", 1.0)
    started = time.monotonic()
    with project.unchanged():
        result = run(["extract", f"{site}/dribble", "--published", "2020-10-21"])
    assert time.monotonic() - started < 10  # not the ~30 s the dribble would take
    assert result.exit_code == 2
    assert result.stdout.endswith(
        f"skipped: 1\n  {site}/dribble: gave up after 1 s (the time limit for a download)\n"
        "inferences dropped: 0\n"
    )
    assert result.stderr == NOTHING_READ


def test_a_server_that_dribbles_its_headers(project, run, site, monkeypatch):
    monkeypatch.setattr(fetch, "FETCH_DEADLINE", 1.0)
    with project.unchanged():
        result = run(["extract", f"{site}/slow-headers", "--published", "2020-10-21"])
    assert result.exit_code == 2
    assert f"{site}/slow-headers: gave up after 1 s (the time limit for a download)" in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("path", "what"), [("/huge-declared", "it announces 3,221,225,472"), ("/huge", "it sent more")]
)
def test_a_body_over_the_download_limit(project, run, site, monkeypatch, path, what):
    monkeypatch.setattr(fetch, "MAX_DOWNLOAD_BYTES", 100_000)
    with project.unchanged():
        result = run(["extract", site + path, "--published", "2020-10-21"])
    assert result.exit_code == 2
    assert (
        f"  {site}{path}: the page is larger than the download limit of 100,000 bytes ({what}); "
        "save the article's text to a file instead\n"
    ) in result.stdout


@pytest.mark.parametrize("charset", ["x-bogus-9", "rot13", "base64"])
def test_a_bogus_charset_is_read_as_utf8(project, run, site, caplog, charset):
    with caplog.at_level(logging.WARNING):
        result = run(["extract", f"{site}/charset/{charset}", "--published", "2020-10-21"])
    assert result.exit_code == 0, result.output
    assert "articles read: 1\n" in result.stdout
    assert any(f"{charset!r}" in m and "reading it as UTF-8" in m for m in caplog.messages)


def test_an_article_over_the_size_limit(project, run):
    (project.root / "huge.txt").write_bytes(b"date 2020-10-21\n\n" + b"word " * 1_700_000)
    with project.unchanged():
        result = run(["extract", "huge.txt"])
    assert result.exit_code == 2
    assert result.stdout.endswith(
        "skipped: 1\n  huge.txt: 8,500,017 bytes, over the limit of 8,388,608 bytes for one "
        "article; split it into several files\ninferences dropped: 0\n"
    )
    assert result.stderr == NOTHING_READ


def test_standard_input_over_the_size_limit(project, run):
    with project.unchanged():
        result = run(["extract", "-"], input=b"date 2020-10-21\n\n" + b"word " * 1_700_000)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: standard input: more than 8,388,608 bytes, over the limit of 8,388,608 bytes "
        "for one article; split it into several files\n"
    )


def test_a_missing_file_alone_fails(project, run):
    with project.unchanged():
        result = run(["extract", "nowhere.txt"])
    assert result.exit_code == 2
    assert result.stdout.endswith(
        "skipped: 1\n  nowhere.txt: no such file\ninferences dropped: 0\n"
    )
    assert result.stderr == NOTHING_READ


def test_a_folder_given_as_an_article(project, run):
    (project.root / "empty").mkdir()
    with project.unchanged():
        result = run(["extract", "empty"])
    assert result.exit_code == 0  # a folder with no articles: nothing to do, nothing failed
    assert result.stdout.startswith("articles read: 0\n")


def test_the_lock_is_free_while_the_merge_runs(project, monkeypatch):
    """Another writer (add) gets the lock while extract merges; extract then merges again."""
    (project.root / "a.txt").write_text("date 2020-10-21\n\nThe mayor resigned on Monday.\n")
    merging = threading.Event()
    added = threading.Event()
    real_merge = pipeline.merge_batch

    def slow_merge(*args, **kwargs):
        merging.set()
        assert added.wait(30), "add did not get the lock while extract was merging"
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(pipeline, "merge_batch", slow_merge)
    worker = threading.Thread(target=run_extract, args=(["a.txt"], "events.yaml"))
    worker.start()
    try:
        assert merging.wait(30)
        add_event("events.yaml", "2020-10-19: Talks resume", source="notes")
        added.set()
    finally:
        added.set()
        worker.join(60)
    timeline, _ = load_timeline("events.yaml")
    titles = {e.title for e in timeline.events}
    assert "Talks resume" in titles  # the other writer's event survived the extract
    assert any(e.type == "resignation" for e in timeline.events)


def test_many_jobs_for_few_articles(project, run_bounded):
    for n in range(3):
        (project.root / f"a{n}.txt").write_text(f"date 2020-10-2{n}\n\nThe mayor resigned.\n")
    done = run_bounded(["extract", "-j", "5000", "a0.txt", "a1.txt", "a2.txt", "--dry-run"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(
        "articles read: 3\nevents found: 3\nnew: 1\nmerged: 2\n"
        "already there: 0\nskipped: 0\ninferences dropped: 0\n"
    )


def test_the_worker_count_is_bounded():
    assert pipeline.worker_count(5000, 3) == 3
    assert pipeline.worker_count(5000, 10_000) == 4 * (os.cpu_count() or 1)
    assert pipeline.worker_count(0, 5) == 1
