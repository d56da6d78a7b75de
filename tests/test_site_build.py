"""`timeline build`: the command, atomic replacement, determinism, links, overrides."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.exceptions import BuildError
from timeline.site import context
from timeline.site.build import MARKER, build_site
from timeline.site.urls import safe_url, slugify, unique_slugs

FIXTURE = Path(__file__).parent / "golden" / "fixture" / "events.yaml"
SUMMARY = re.compile(r"^Built 6 events, 4 actors, 2 sources into (?P<out>.+)/ in \d+\.\d s\n$")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the fixture project, free to change."""
    folder = tmp_path / "project"
    shutil.copytree(FIXTURE.parent, folder)  # events.yaml and its media/
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, ["build", *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# -- the command ----------------------------------------------------------------------


def test_build_prints_one_line_summary(project: Path) -> None:
    out = project / "output"
    result = run("--events", str(project / "events.yaml"), "--output", str(out))
    assert result.exit_code == 0, result.output
    match = SUMMARY.match(result.stdout)
    assert match and match["out"] == str(out)
    assert result.stderr == ""
    for name in (
        "index.html",
        "sources.html",
        "graph.html",
        "events/budget-passed.html",
        "actors/mayor-ada-lind.html",
        "places/lakeside.html",
        "assets/plotly.min.js",
        "assets/style.css",
        "assets/timeline.js",
        MARKER,
    ):
        assert (out / name).is_file(), name
    for name in ("events.json", "events.csv", "events.ics", "timelinejs.json", "graph.graphml"):
        assert (out / "data" / name).stat().st_size > 0, name


def test_invalid_events_exit_1_with_located_error_and_keep_old_output(project: Path) -> None:
    events, out = project / "events.yaml", project / "output"
    assert run("--events", str(events), "--output", str(out)).exit_code == 0
    before = snapshot(out)
    text = events.read_text().replace("date: 2021-03-30", "date: 2021-02-30")
    events.write_text(text)
    line = text.splitlines().index("    date: 2021-02-30") + 1
    result = run("--events", str(events), "--output", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"events.yaml:{line}:11: event 'budget-passed': date '2021-02-30' is not a real day" in (
        result.stderr
    )
    assert result.stderr.endswith("Error: " + str(events) + ": 1 error\n")
    assert snapshot(out) == before


def test_missing_events_file(project: Path) -> None:
    result = run("--events", str(project / "nope.yaml"), "--output", str(project / "out"))
    assert result.exit_code != 0
    assert "nope.yaml" in result.stderr
    assert not (project / "out").exists()


def test_warnings_printed_and_strict_fails(project: Path) -> None:
    events = project / "events.yaml"
    events.write_text(
        events.read_text().replace("title: The Riverton", "colour: red\ntitle: The Riverton")
    )
    result = run("--events", str(events), "--output", str(project / "out"))
    assert result.exit_code == 0
    line = events.read_text().splitlines().index("colour: red") + 1
    assert f"events.yaml:{line}:1: " in result.stderr and "unknown key 'colour'" in result.stderr
    assert SUMMARY.match(result.stdout)
    strict = run("--events", str(events), "--output", str(project / "strict"), "--strict")
    assert strict.exit_code == 1
    assert "unknown key 'colour'" in strict.stderr
    assert not (project / "strict").exists()


def test_template_error_names_template_and_line_and_keeps_old_output(project: Path) -> None:
    events, out = project / "events.yaml", project / "output"
    assert run("--events", str(events), "--output", str(out)).exit_code == 0
    before = snapshot(out)
    (project / "site_templates").mkdir()
    (project / "site_templates" / "event.html").write_text(
        '{% extends "default:event.html" %}\n{% block content %}\n{{ event.no_such_field }}\n'
        "{% endblock %}\n"
    )
    result = run("--events", str(events), "--output", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: site_templates/event.html:3: template error: ")
    assert "no_such_field" in result.stderr
    assert snapshot(out) == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".output")] == []


def test_template_syntax_error_is_located(project: Path) -> None:
    (project / "site_templates").mkdir()
    (project / "site_templates" / "sources.html").write_text("<p>\n{% if %}\n")
    result = run("--events", str(project / "events.yaml"), "--output", str(project / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: site_templates/sources.html:2: template error: ")
    assert not (project / "out").exists()


def test_stale_files_do_not_linger_and_gitkeep_stays(project: Path) -> None:
    events, out = project / "events.yaml", project / "output"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    assert run("--events", str(events), "--output", str(out)).exit_code == 0
    (out / "events" / "deleted-event.html").write_text("old")
    assert run("--events", str(events), "--output", str(out)).exit_code == 0
    assert not (out / "events" / "deleted-event.html").exists()
    assert (out / ".gitkeep").is_file()
    assert sorted(p.name for p in project.iterdir()) == ["events.yaml", "media", "output"]


def test_refuses_to_replace_a_folder_it_did_not_build(project: Path) -> None:
    out = project / "papers"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = run("--events", str(project / "events.yaml"), "--output", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: refusing to replace {out}: it is not a previous build")
    assert (out / "notes.txt").read_text() == "mine"
    result = run("--events", str(project / "events.yaml"), "--output", str(project))
    assert result.exit_code == 1
    assert "refusing to build into" in result.stderr


def test_build_site_returns_report(project: Path) -> None:
    report = build_site(project / "events.yaml", project / "out")
    assert (report.events, report.actors, report.sources) == (6, 4, 2)
    assert report.warnings == []
    assert report.summary().startswith(
        f"Built 6 events, 4 actors, 2 sources into {project / 'out'}/"
    )


# -- reproducible --------------------------------------------------------------------


def test_same_input_gives_byte_identical_output(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_site(project / "events.yaml", tmp_path / "a")
    other = tmp_path / "elsewhere"
    shutil.copytree(project, other)
    build_site(other / "events.yaml", tmp_path / "b")
    first, second = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert list(first) == list(second)
    for name in first:
        assert first[name] == second[name], name
    assert "20" + "26" not in (tmp_path / "a" / "index.html").read_text()  # no build time
    assert str(tmp_path) not in "".join(
        v.decode("utf-8", "replace") for k, v in first.items() if not k.endswith(".js")
    )


def test_source_date_epoch_sets_the_shown_build_date(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1617235200")  # 2021-04-01
    build_site(project / "events.yaml", project / "out")
    assert (
        '<time datetime="2021-04-01">2021-04-01</time>' in (project / "out/index.html").read_text()
    )


# -- links ----------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def check_links(site: Path) -> int:
    """Every local href/src resolves to a file, and every #fragment to an id there."""
    parsed: dict[Path, _Links] = {}

    def parse(path: Path) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    checked = 0
    for page in sorted(site.rglob("*.html")):
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not parts.netloc, f"{page}: {link}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.relative_to(site)}: broken link {link}"
            assert site.resolve() in target.parents, f"{page}: {link} leaves the site"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parse(target).ids, f"{page}: {link} (no such id)"
            checked += 1
    return checked


def test_every_local_link_resolves(project: Path) -> None:
    build_site(project / "events.yaml", project / "out")
    assert check_links(project / "out") > 100


def test_every_local_link_resolves_on_the_shipped_timeline(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parents[1] / "events.yaml"
    if not shipped.is_file():
        pytest.skip("no shipped events.yaml")
    build_site(shipped, tmp_path / "out")
    assert check_links(tmp_path / "out") > 300


# -- offline and safe ----------------------------------------------------------------


def test_offline_one_plotly_copy_no_cdn_no_fetch(project: Path) -> None:
    out = project / "out"
    build_site(project / "events.yaml", out)
    assert len(list(out.rglob("plotly*.js"))) == 1
    index = (out / "index.html").read_text()
    assert index.count('<script src="assets/plotly.min.js"></script>') == 1
    for page in out.rglob("*.html"):
        text = page.read_text()
        assert "cdn" not in text.lower() and "fonts.googleapis" not in text
        assert not re.search(r'(src|href)="//', text)
        for tag in re.findall(r"<(?:script|link)[^>]*>", text):
            assert "http" not in tag, (page, tag)
    assert "fetch(" not in (out / "assets/timeline.js").read_text()
    assert "<script" not in (out / "events/budget-passed.html").read_text()


def test_safe_url_allows_only_http() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in (
        "javascript:alert(1)",
        " javascript:x",
        "data:text/html,x",
        "//evil.example",
        "vbscript:x",
        "https://ok\njavascript:x",
        "",
        None,
    ):
        assert safe_url(bad) is None, bad


def test_templates_never_emit_unsafe_hrefs(project: Path, tmp_path: Path) -> None:
    """Even when a timeline bypasses the validator, a javascript: URL is never linked."""
    from timeline.graph import order_timeline
    from timeline.site.pages import SiteWriter
    from timeline.site.templates import make_environment
    from timeline.validate import load_timeline

    timeline, _ = load_timeline(project / "events.yaml")
    gazette = timeline.sources["riverton-gazette"]
    timeline.sources["riverton-gazette"] = dataclasses.replace(gazette, url="javascript:alert(1)")
    out = tmp_path / "site"
    out.mkdir()
    SiteWriter(order_timeline(timeline), make_environment(project), out).write_all()
    for page in out.rglob("*.html"):
        assert "javascript:" not in page.read_text(), page


def test_slugs_are_unique_and_stable() -> None:
    assert slugify("Sadyr Japarov") == "sadyr-japarov"
    assert slugify("Élysée Palace") == "elysee-palace"
    assert slugify("???") == "x"
    assert unique_slugs(["a-b", "A B", "a b"]) == {"A B": "a-b", "a b": "a-b-2", "a-b": "a-b-3"}


# -- templates ------------------------------------------------------------------------


def test_project_template_extends_default_and_replaces_one_block(project: Path) -> None:
    (project / "site_templates").mkdir()
    (project / "site_templates" / "base.html").write_text(
        '{% extends "default:base.html" %}\n'
        "{% block footer %}<p class=\"desk\">Checked by the {{ 'city' }} desk &amp; friends.</p>"
        "{% endblock %}\n"
    )
    build_site(project / "events.yaml", project / "out")
    for name in ("index.html", "events/workers-strike.html", "actors/mayor-ada-lind.html"):
        text = (project / "out" / name).read_text()
        assert '<p class="desk">Checked by the city desk &amp; friends.</p>' in text, name
        assert "Made with timeline" not in text
        assert 'class="masthead"' in text  # the rest of the default page is kept
    assert "Municipal workers strike for three days" in (project / "out/index.html").read_text()


def test_project_template_replaces_a_whole_page_and_an_asset(project: Path) -> None:
    templates = project / "site_templates"
    (templates / "assets").mkdir(parents=True)
    (templates / "graph.html").write_text("<p>{{ site.event_count }} events, no drawing.</p>\n")
    (templates / "assets" / "style.css").write_text("body { color: black; }\n")
    build_site(project / "events.yaml", project / "out")
    assert (project / "out/graph.html").read_text() == "<p>6 events, no drawing.</p>\n"
    assert (project / "out/assets/style.css").read_text() == "body { color: black; }\n"


def test_template_context_keys_are_pinned() -> None:
    common = ["site", "root", "page_title"]
    keys = {
        cls.__name__: [f.name for f in dataclasses.fields(cls)]
        for cls in (
            context.IndexPage,
            context.EventPage,
            context.EntityPage,
            context.SourcesPage,
            context.GraphPage,
            context.StoryPage,
            context.EmbedPage,
        )
    }
    assert keys == {
        "IndexPage": [
            *common,
            "months",
            "chart_data",
            "actors",
            "places",
            "downloads",
            "key_events",
            "embed_snippet",
        ],
        "EventPage": [*common, "event", "follows", "precedes", "previous", "next", "context_svg"],
        "EntityPage": [*common, "entity", "chart_svg"],
        "SourcesPage": [*common, "sources"],
        "GraphPage": [*common, "graph_svg", "edge_count", "limit"],
        "StoryPage": [*common, "slides", "limited"],
        "EmbedPage": [*common, "months", "chart_data"],
    }
    assert [f.name for f in dataclasses.fields(context.EventView)] == [
        "id",
        "order",
        "title",
        "type",
        "href",
        "when",
        "datetime",
        "precision",
        "kind",
        "earliest",
        "latest",
        "month",
        "actors",
        "places",
        "summary",
        "tags",
        "citations",
        "placed",
        "date_claims",
        "media",
    ]


def test_default_templates_are_covered_by_package_data() -> None:
    """Every file in site_templates/ matches a setup.cfg pattern, so the wheel ships it."""
    import configparser
    from fnmatch import fnmatch

    from timeline.site.templates import default_template_dir

    config = configparser.ConfigParser()
    config.read(Path(__file__).resolve().parents[1] / "setup.cfg")
    patterns = config["options.package_data"]["timeline.site_templates"].split()
    assert "**/*.js" in patterns
    folder = default_template_dir()
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    assert "base.html" in files and "assets/timeline.js" in files
    for name in files:
        if "__pycache__" in name:
            continue
        assert any(fnmatch(name, pat) for pat in patterns), name


def test_build_error_for_unknown_template(project: Path) -> None:
    from timeline.site.templates import get_template, make_environment

    with pytest.raises(BuildError, match=r"template not found: nope\.html"):
        get_template(make_environment(project), "nope.html")


def test_parallel_build_writes_the_same_bytes(project: Path, tmp_path: Path) -> None:
    # In a fresh interpreter: other tests' threads (Playwright's) rightly keep the
    # builder from forking here, and the parallel path must really run.
    code = (
        "import sys\n"
        "from timeline.site import pages\n"
        "from timeline.site.build import build_site\n"
        "build_site(sys.argv[1], sys.argv[2])\n"
        "pages.PARALLEL_FROM = 1\n"
        "assert pages._workers(6) > 1, 'parallel path not taken'\n"
        "build_site(sys.argv[1], sys.argv[3])\n"
    )
    if (os.cpu_count() or 1) == 1:
        pytest.skip("one CPU: the builder never forks")
    subprocess.run(
        [sys.executable, "-c", code, str(project / "events.yaml"),
         str(tmp_path / "serial"), str(tmp_path / "parallel")],
        check=True,
    )  # fmt: skip
    assert snapshot(tmp_path / "serial") == snapshot(tmp_path / "parallel")


def test_progress_is_reported_job_by_job(project: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    build_site(project / "events.yaml", tmp_path / "out", progress=lambda d, t: seen.append((d, t)))
    assert seen, "no progress reported"
    total = seen[0][1]
    assert [d for d, _ in seen] == list(range(1, total + 1))
    assert all(t == total for _, t in seen)


def test_the_progress_bar_stays_off_when_stderr_is_not_a_terminal(
    project: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        cli, ["build", "--events", str(project / "events.yaml"), "--output", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    assert "Writing pages" not in result.stderr
    assert result.stdout.startswith("Built ")


# -- the index's facts, key events, story mode, embed --------------------------------------


def many_events(count: int, keys: tuple[int, ...] = (), never: tuple[int, ...] = ()) -> str:
    """``keys`` are pinned as key events (key: true), ``never`` as not (key: false)."""
    lines = ["title: Many", "sources:", "  wire: {title: Wire}", "events:"]
    for i in range(count):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        pin = ", key: true" if i in keys else ", key: false" if i in never else ""
        lines.append(
            f"  - {{id: e{i:03d}, title: Event {i}, date: 2021-{month:02d}-{day:02d}, "
            f"type: protest, sources: [{{source: wire}}]{pin}}}"
        )
    return "\n".join(lines) + "\n"


def test_counts_agree_with_their_nouns_and_zero_is_not_shown(tmp_path: Path) -> None:
    events = tmp_path / "events.yaml"
    events.write_text(many_events(1), encoding="utf-8")
    build_site(events, tmp_path / "out")
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<strong>1</strong> event</span>" in index
    assert "<strong>1</strong> source</span>" in index
    assert "places</span>" not in index and "actors</span>" not in index
    assert "1 event from 1 source, 1 January 2021." in index
    assert "1 sources" not in index and "0 places" not in index


def test_long_timelines_lead_with_their_key_events(tmp_path: Path) -> None:
    events = tmp_path / "events.yaml"
    others = tuple(i for i in range(40) if i not in (3, 20, 35))
    events.write_text(many_events(40, keys=(35, 3), never=others), encoding="utf-8")
    build_site(events, tmp_path / "out")
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    key = index.split('<section class="key-events"', 1)[1].split("</section>", 1)[0]
    # pinned ones and the one left to its score, in the list's order; key: false never
    assert re.findall(r'href="events/(e\d+)\.html"', key) == ["e003", "e020", "e035"]
    assert index.index('class="key-events"') < index.index('id="events"')
    short = tmp_path / "short.yaml"
    short.write_text(many_events(12), encoding="utf-8")
    build_site(short, tmp_path / "short-out")
    assert "key-events" not in (tmp_path / "short-out" / "index.html").read_text(encoding="utf-8")


def test_story_mode_shows_every_event_or_the_key_ones_of_a_long_timeline(tmp_path: Path) -> None:
    from timeline.site.pages import STORY_LIMIT

    events = tmp_path / "events.yaml"
    never = (0, 100, 200, 250, 304)  # key: false: left out of a story of key events
    events.write_text(many_events(STORY_LIMIT + 5, never=never), encoding="utf-8")
    build_site(events, tmp_path / "out")
    story = (tmp_path / "out" / "story.html").read_text(encoding="utf-8")
    slides = re.findall(r'<section class="slide t-\w+" id="(e\d+)"', story)
    assert len(slides) == STORY_LIMIT and slides == sorted(slides)
    assert not {f"e{i:03d}" for i in never} & set(slides)
    assert f"The {STORY_LIMIT} key events of {STORY_LIMIT + 5:,}." in story
    assert '<script src="assets/story.js"></script>' in story


def test_the_embed_has_no_site_chrome_and_opens_links_in_a_new_tab(project: Path) -> None:
    build_site(project / "events.yaml", project / "out")
    embed = (project / "out" / "embed.html").read_text(encoding="utf-8")
    assert '<base target="_blank">' in embed
    assert 'class="masthead"' not in embed and 'class="site-footer"' not in embed
    assert '<div id="chart" class="chart" data-embed' in embed
    assert embed.count('<li class="ev') == 6
    index = (project / "out" / "index.html").read_text(encoding="utf-8")
    assert (
        "&lt;iframe src=&#34;https://example.org/your-timeline/embed.html&#34; "
        "title=&#34;The Riverton budget standoff&#34;"
    ) in index
    for page in (project / "out").rglob("*.html"):
        assert 'rel="icon" href="' in page.read_text(encoding="utf-8"), page  # no 404 for it
