"""`timeline serve` for real: a server on a free loopback port, pages over HTTP, live edits.

Every wait is bounded; nothing talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.serve import DevServer, ServeError, is_loopback
from timeline.serve.livereload import SCRIPT_PATH

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "golden" / "fixture" / "events.yaml"
WAIT = 15.0  # seconds: the longest any step may take on a loaded machine

TIMELINE = """\
# My notes stay.
title: Crisis
sources:
  wire:
    title: Wire story
events:
  - id: vote
    title: Kyrgyzstan votes
    date: 2020-10-04
    type: election
    sources:
      - source: wire
  - id: resigns
    title: Jeenbekov resigns
    date: 2020-10-15
    type: resignation
    sources:
      - source: wire
    after: [vote]
"""


class Client:
    """Talks to one DevServer over HTTP, with bounded waits."""

    def __init__(self, server: DevServer):
        self.server = server
        self.base = server.url
        assert self.base.startswith("http://127.0.0.1:")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=WAIT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8")

    def state(self, since: str = "") -> dict:
        status, body = self.get(f"__livereload?since={since}")
        assert status == 200
        return json.loads(body)

    def wait_for(self, check, what: str) -> dict:
        """Follow the live-reload state until ``check(state)`` holds."""
        deadline = time.monotonic() + WAIT
        state = self.state()
        while not check(state):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; last state: {state}")
            state = self.state(state["version"])
        return state


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "events.yaml").write_text(TIMELINE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def messages() -> list[str]:
    return []


@pytest.fixture
def server(project: Path, messages: list[str]) -> Iterator[DevServer]:
    dev = DevServer(
        project / "events.yaml",
        port=0,
        interval=0.02,
        poll_timeout=2.0,
        say=messages.append,
        warn=messages.append,
    )
    dev.start()
    try:
        yield dev
    finally:
        dev.stop()


@pytest.fixture
def client(server: DevServer) -> Client:
    return Client(server)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- serving -----------------------------------------------------------------------------


def test_pages_are_served_with_the_reload_script_which_the_build_does_not_contain(
    server: DevServer, client: Client
) -> None:
    status, page = client.get("events/resigns.html")
    assert status == 200
    assert "Jeenbekov resigns" in page
    build = client.state()["build"]
    assert f'<script src="{SCRIPT_PATH}" data-build="{build}" defer></script>\n</body>' in page
    on_disk = (server.site_dir / "events" / "resigns.html").read_text(encoding="utf-8")
    assert SCRIPT_PATH not in on_disk
    assert client.get("")[1] == client.get("index.html")[1]
    status, script = client.get(SCRIPT_PATH.lstrip("/"))
    assert status == 200 and "location.reload" in script


def test_every_page_matches_timeline_build(tmp_path: Path) -> None:
    """Pages rendered on request are byte for byte what `timeline build` writes."""
    from timeline.site.build import build_site

    events = tmp_path / "events.yaml"
    events.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(FIXTURE.parent / "media", tmp_path / "media")  # its image
    build_site(events, tmp_path / "output")
    built = sorted(
        p for p in (tmp_path / "output").rglob("*") if p.is_file() and p.name != ".timeline-site"
    )
    assert len(built) > 10
    with DevServer(events, port=0, poll_timeout=1.0) as dev:
        client = Client(dev)
        tag = re.compile(rf'<script src="{SCRIPT_PATH}" data-build="[^"]*" defer></script>\n')
        for path in built:
            relative = path.relative_to(tmp_path / "output").as_posix()
            with urllib.request.urlopen(client.base + relative, timeout=WAIT) as response:
                served = response.read()
            if relative.endswith(".html"):
                served = tag.sub("", served.decode("utf-8")).encode("utf-8")
            assert served == path.read_bytes(), relative


def test_unknown_pages_are_404_and_folders_redirect(client: Client) -> None:
    status, page = client.get("events/nope.html")
    assert status == 404
    assert "Not found: /events/nope.html" in page and SCRIPT_PATH in page
    assert client.get("favicon.ico")[0] == 404
    connection = http.client.HTTPConnection("127.0.0.1", client.server.port, timeout=WAIT)
    connection.request("GET", "/assets")
    response = connection.getresponse()
    assert (response.status, response.getheader("Location")) == (301, "/assets/")
    connection.close()


def test_paths_cannot_leave_the_site(client: Client, project: Path) -> None:
    for path in ("/../events.yaml", "/%2e%2e/events.yaml", "/assets/../../events.yaml"):
        connection = http.client.HTTPConnection("127.0.0.1", client.server.port, timeout=WAIT)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8")
        assert response.status == 404, path
        assert "Kyrgyzstan votes" not in body
        connection.close()


def test_unchanged_assets_are_revalidated_not_resent(client: Client) -> None:
    url = client.base + "assets/style.css"
    with urllib.request.urlopen(url, timeout=WAIT) as response:
        etag = response.headers["ETag"]
        assert response.headers["Cache-Control"] == "no-cache"
    request = urllib.request.Request(url, headers={"If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=WAIT)
    assert caught.value.code == 304


def test_a_poll_waits_for_a_change_and_is_bounded(client: Client) -> None:
    state = client.state()
    assert state["errors"] == [] and state["build"] == state["version"]
    started = time.monotonic()
    assert client.state(state["version"]) == state  # nothing changed: held, then answered
    assert 1.5 < time.monotonic() - started < WAIT


# -- live edits --------------------------------------------------------------------------


def test_an_edit_is_served_after_the_rebuild(project: Path, client: Client) -> None:
    first = client.state()["build"]
    edit(project / "events.yaml", "title: Jeenbekov resigns", "title: Jeenbekov steps down")
    client.wait_for(lambda s: s["build"] != first, "a new build")
    status, page = client.get("events/resigns.html")
    assert status == 200
    assert "Jeenbekov steps down" in page
    assert "Jeenbekov resigns" not in page


def test_a_new_event_gets_its_page(project: Path, client: Client) -> None:
    first = client.state()["build"]
    with (project / "events.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: talks\n    title: Talks in Moscow\n    date: 2020-10-20\n"
            "    type: meeting\n    sources:\n      - source: wire\n"
        )
    client.wait_for(lambda s: s["build"] != first, "a new build")
    status, page = client.get("events/talks.html")
    assert status == 200 and "Talks in Moscow" in page


def test_a_yaml_error_keeps_the_last_good_build_until_fixed(
    project: Path, client: Client, messages: list[str]
) -> None:
    good = client.state()["build"]
    events = project / "events.yaml"
    edit(events, "    title: Jeenbekov resigns\n", "    title: [Jeenbekov resigns\n")
    state = client.wait_for(lambda s: s["errors"], "the error")
    assert state["build"] == good
    assert len(state["errors"]) == 1
    assert re.match(rf"{re.escape(str(events))}:1[4-9]:\d+: YAML syntax error", state["errors"][0])
    status, page = client.get("events/resigns.html")
    assert status == 200 and "Jeenbekov resigns" in page  # the last good build
    assert state["errors"][0] in messages  # the terminal shows the same
    assert "1 error: still serving the last good build; fix and save to rebuild" in messages
    edit(events, "    title: [Jeenbekov resigns\n", "    title: Jeenbekov is gone\n")
    state = client.wait_for(lambda s: s["build"] != good, "the fixed build")
    assert state["errors"] == []
    assert "Jeenbekov is gone" in client.get("events/resigns.html")[1]


def test_undoing_a_broken_edit_clears_the_errors_and_keeps_the_build(
    project: Path, client: Client, messages: list[str]
) -> None:
    good = client.state()["build"]
    events = project / "events.yaml"
    edit(events, "date: 2020-10-15", "date: 2020-13-15")
    client.wait_for(lambda s: s["errors"], "the error")
    events.write_text(TIMELINE, encoding="utf-8")
    state = client.wait_for(lambda s: not s["errors"], "the errors to clear")
    assert state["build"] == good  # the same input: pages stay, nothing reloads
    assert messages[-1] == "errors fixed: the last good build is current again"


def test_saving_the_same_content_again_does_not_rebuild(project: Path, client: Client) -> None:
    good = client.state()["version"]
    events = project / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8"), encoding="utf-8")  # touch
    assert client.state(good)["version"] == good  # the poll was held: no new build


def test_a_validation_error_is_located(project: Path, client: Client) -> None:
    events = project / "events.yaml"
    edit(events, "date: 2020-10-15", "date: 2020-02-30")
    state = client.wait_for(lambda s: s["errors"], "the error")
    assert state["errors"] == [
        f"{events}:15:11: event 'resigns': date '2020-02-30' is not a real day "
        "(February 2020 has 29 days)"
    ]


def test_a_deleted_file_shows_an_error_and_coming_back_rebuilds(
    project: Path, client: Client
) -> None:
    events = project / "events.yaml"
    good = client.state()["build"]
    events.rename(project / "moved.yaml")
    state = client.wait_for(lambda s: s["errors"], "the error")
    assert state["errors"][0].startswith(f"{events}:1:1: no such file")
    (project / "moved.yaml").rename(events)
    state = client.wait_for(lambda s: not s["errors"], "the errors to clear")
    assert state["build"] == good  # the same content as the pages served


def test_a_template_override_is_picked_up(project: Path, client: Client) -> None:
    first = client.state()["build"]
    templates = project / "site_templates"
    templates.mkdir()
    (templates / "base.html").write_text(
        '{% extends "default:base.html" %}{% block footer %}Edited by the desk{% endblock %}',
        encoding="utf-8",
    )
    client.wait_for(lambda s: s["build"] != first, "a new build")
    assert "Edited by the desk" in client.get("events/vote.html")[1]


def test_a_template_syntax_error_keeps_the_last_good_build(project: Path, client: Client) -> None:
    good = client.state()["build"]
    templates = project / "site_templates"
    templates.mkdir()
    (templates / "event.html").write_text(
        '{% extends "default:event.html" %}\n{% block content %}{% if %}{% endblock %}',
        encoding="utf-8",
    )
    state = client.wait_for(lambda s: s["errors"], "the template error")
    assert state["build"] == good
    assert state["errors"][0].startswith("site_templates/event.html:2: template error:")
    (templates / "event.html").write_text(
        '{% extends "default:event.html" %}\n{% block content %}Mended{% endblock %}',
        encoding="utf-8",
    )
    client.wait_for(lambda s: s["build"] != good and not s["errors"], "the rebuild")
    assert "Mended" in client.get("events/vote.html")[1]


def test_a_cited_local_file_is_watched(project: Path) -> None:
    events = project / "events.yaml"
    events.write_text(
        TIMELINE.replace("    title: Wire story\n", "    title: Wire story\n    path: notes.txt\n"),
        encoding="utf-8",
    )
    (project / "notes.txt").write_text("first draft", encoding="utf-8")
    with DevServer(events, port=0, interval=0.02, poll_timeout=2.0) as dev:
        client = Client(dev)
        first = client.state()["build"]
        (project / "notes.txt").write_text("second draft, longer", encoding="utf-8")
        client.wait_for(lambda s: s["build"] != first, "a rebuild for the cited file")


def test_a_broken_file_at_start_serves_a_placeholder_that_waits(project: Path) -> None:
    events = project / "events.yaml"
    events.write_text("title: [\n", encoding="utf-8")
    said: list[str] = []
    with DevServer(events, port=0, interval=0.02, poll_timeout=2.0, warn=said.append) as dev:
        assert said[-1] == "1 error: nothing to serve yet; fix and save to rebuild"
        client = Client(dev)
        status, page = client.get("index.html")
        assert status == 503
        assert "No site yet: the timeline has errors" in page and SCRIPT_PATH in page
        assert client.state()["errors"][0].startswith(f"{events}:2:1: YAML syntax error")
        events.write_text(TIMELINE, encoding="utf-8")
        client.wait_for(lambda s: s["build"], "the first build")
        assert client.get("index.html")[0] == 200


def test_stop_removes_the_temporary_builds(project: Path) -> None:
    with DevServer(project / "events.yaml", port=0) as dev:
        site = dev.site_dir
        assert site is not None and site.is_dir()
    assert not site.parent.exists()


# -- starting and stopping ---------------------------------------------------------------


def test_port_in_use_gives_a_clear_message_and_a_hint(project: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["serve", "--events", str(project / "events.yaml"), "--port", str(port)]
        )
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: port {port} on 127.0.0.1 is already in use (is another 'timeline serve' "
        f"running?); choose another one, e.g. --port {port + 1}\n"
    )


def test_a_public_address_is_refused_unless_asked_for(project: Path) -> None:
    with pytest.raises(ServeError) as caught:
        DevServer(project / "events.yaml", host="0.0.0.0", port=0).start()
    assert str(caught.value) == (
        "refusing to serve on 0.0.0.0, which other machines can reach; add --public to allow it"
    )


def test_an_explicit_public_address_warns(project: Path, monkeypatch) -> None:
    import timeline.serve.handler

    def no_bind(host: str, port: int) -> None:
        raise ServeError("not binding in tests")

    monkeypatch.setattr(timeline.serve.handler, "make_server", no_bind)
    warnings: list[str] = []
    dev = DevServer(
        project / "events.yaml", host="0.0.0.0", port=0, allow_public=True, warn=warnings.append
    )
    with pytest.raises(ServeError):
        dev.start()
    assert warnings == [
        "serving on 0.0.0.0: anyone who can reach this machine can read the draft timeline"
    ]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
    ],
)
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_stops_cleanly(project: Path, tmp_path: Path, stop: signal.Signals) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(temporary)}
    command = [sys.executable, "-m", "timeline", "serve", "--events", "events.yaml", "--port", "0"]
    process = subprocess.Popen(
        command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], WAIT)  # bounded wait
        assert ready, "the server did not say it was serving"
        line = process.stdout.readline()
        match = re.match(
            r"Serving events\.yaml at (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)", line
        )
        assert match, line
        with urllib.request.urlopen(match.group(1), timeout=WAIT) as response:
            assert response.status == 200
        assert [p.name[:15] for p in temporary.iterdir()] == ["timeline-serve-"]
        process.send_signal(stop)
        _, err = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(WAIT)
    assert process.returncode == 0, err
    assert list(temporary.iterdir()) == []  # the temporary builds are gone
    assert "Traceback" not in err
    assert re.fullmatch(r"built 2 events in \d+ ms \(2 events re-read\)", err.splitlines()[0])
    assert err.splitlines()[-1] == "stopping"
