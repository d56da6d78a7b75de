"""`media:` on events: located errors for what cannot be shown safely, and the site's copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.media import check_path, is_https_image, sniff
from timeline.model import Media
from timeline.schema import json_schema
from timeline.site.build import build_site
from timeline.validate import load_timeline

FIXTURE = Path(__file__).parent / "golden" / "fixture"
PNG = (FIXTURE / "media" / "town-hall.png").read_bytes()

BASE = """\
title: Media
sources:
  wire:
    title: Wire
events:
  - id: vote
    title: A vote
    date: 2021-03-02
    type: election
    sources: [{source: wire}]
    media:
"""


def project(tmp_path: Path, media: str) -> Path:
    (tmp_path / "media").mkdir(exist_ok=True)
    (tmp_path / "media" / "hall.png").write_bytes(PNG)
    (tmp_path / "media" / "notes.txt").write_text("not an image", encoding="utf-8")
    (tmp_path / "media" / "fake.png").write_text("<html>not a png</html>", encoding="utf-8")
    (tmp_path / "media" / "photo.jpg").write_bytes(PNG)  # a PNG named .jpg
    events = tmp_path / "events.yaml"
    events.write_text(BASE + media, encoding="utf-8")
    return events


def errors(events: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["validate", str(events)])
    assert result.exit_code == 1, result.output
    return result.stderr.splitlines()[:-1]


def test_a_local_image_and_an_online_one_are_accepted(tmp_path: Path) -> None:
    events = project(tmp_path, "      path: media/hall.png\n      alt: The hall\n"
                     "      caption: ' The hall. '\n      credit: Me\n")  # fmt: skip
    timeline, warnings = load_timeline(events)
    assert warnings == []
    assert timeline.events[0].media == Media(
        alt="The hall", path="media/hall.png", caption="The hall.", credit="Me"
    )
    events.write_text(BASE + "      url: https://example.org/p.webp\n      alt: A photo\n")
    timeline, _ = load_timeline(events)
    assert timeline.events[0].media == Media(alt="A photo", url="https://example.org/p.webp")


@pytest.mark.parametrize(
    ("media", "message"),
    [
        ("      path: media/hall.png\n",
         "12:7: event 'vote': missing required field 'alt'\n"
         "  hint: describe what the image shows, for readers who cannot see it"),
        ("      path: media/hall.png\n      alt: '  '\n",
         "13:12: event 'vote': media 'alt' is empty"),
        ("      url: javascript:alert(1)\n      alt: x\n",
         "12:12: event 'vote': url 'javascript:alert(1)' is not an http(s) link"),
        ("      alt: x\n", "12:7: event 'vote': media needs a 'url' or a 'path'"),
        ("      url: https://example.org/a.png\n      path: media/hall.png\n      alt: x\n",
         "13:13: event 'vote': media has both a 'url' and a 'path'; keep one"),
        ("      path: ../outside.png\n      alt: x\n",
         "12:13: event 'vote': media path '../outside.png' is outside the project folder"),
        ("      path: /etc/passwd.png\n      alt: x\n",
         "12:13: event 'vote': media path '/etc/passwd.png' is not relative to the project folder"),
        ("      path: media/missing.png\n      alt: x\n",
         "12:13: event 'vote': media path 'media/missing.png' does not exist"),
        ("      path: media/notes.txt\n      alt: x\n",
         "12:13: event 'vote': media path 'media/notes.txt' is not an image (PNG, JPEG, GIF, "
         "WebP or AVIF)"),
        ("      path: media/fake.png\n      alt: x\n",
         "12:13: event 'vote': media path 'media/fake.png' is not a PNG image"),
        ("      path: media/photo.jpg\n      alt: x\n",
         "12:13: event 'vote': media path 'media/photo.jpg' holds a PNG image, not JPEG"),
        ("      path: media/hall.png\n      alt: x\n      colour: red\n",
         None),
    ],
)  # fmt: skip
def test_bad_media_is_located(tmp_path: Path, media: str, message: str | None) -> None:
    events = project(tmp_path, media)
    if message is None:  # an unknown key inside media is a warning, as elsewhere
        result = CliRunner().invoke(cli, ["validate", str(events)])
        assert result.exit_code == 0
        assert f"{events}:14:7: warning: event 'vote': unknown key 'colour'" in result.stderr
        return
    first, *rest = message.split("\n")
    found = errors(events)
    assert found[0] == f"{events}:{first}", found
    assert found[1 : 1 + len(rest)] == rest


def test_the_schema_documents_media() -> None:
    media = json_schema()["properties"]["events"]["items"]["properties"]["media"]
    assert media["required"] == ["alt"]
    assert set(media["properties"]) == {"url", "path", "alt", "caption", "credit"}
    assert media["properties"]["url"]["pattern"] == "^https?://"


def test_sniff_and_https_images() -> None:
    assert sniff(PNG) == "PNG"
    assert sniff(b"\xff\xd8\xff\xe0rest") == "JPEG"
    assert sniff(b"GIF89a...") == "GIF"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "WebP"
    assert sniff(b"\x00\x00\x00\x1cftypavif") == "AVIF"
    assert sniff(b"<svg onload=alert(1)>") is None
    assert is_https_image("https://example.org/a/b.JPG?x=1")
    assert not is_https_image("http://example.org/a.jpg")  # only https is ever loaded
    assert not is_https_image("https://example.org/watch?v=1")
    assert check_path(FIXTURE, "media/town-hall.png") is None


def test_the_site_copies_local_images_and_links_the_rest(tmp_path: Path) -> None:
    events = project(tmp_path, "      path: media/hall.png\n      alt: The <b>hall</b>\n")
    events.write_text(
        events.read_text()
        + "  - id: clip\n    title: A clip\n    date: 2021-03-03\n    type: statement\n"
        "    sources: [{source: wire}]\n    media:\n      url: http://example.org/a.jpg\n"
        "      alt: A clip over plain http\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build_site(events, out)
    assert (out / "media" / "vote.png").read_bytes() == PNG
    page = (out / "events" / "vote.html").read_text(encoding="utf-8")
    assert '<img src="../media/vote.png" alt="The &lt;b&gt;hall&lt;/b&gt;" loading="lazy"' in page
    clip = (out / "events" / "clip.html").read_text(encoding="utf-8")
    assert "<img" not in clip  # plain http: a link, never an image
    assert '<a href="http://example.org/a.jpg" rel="external noopener noreferrer">' in clip
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '"m":{"0":["media/vote.png","The \\u003cb\\u003ehall\\u003c/b\\u003e"]}' in index
