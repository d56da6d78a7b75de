"""Issue 12: random bytes, random YAML and random text against validate, add, extract and tag.

Whatever comes in, three things hold: no traceback; either a non-zero exit with a
located message (or a clear 'Error:' for a bad argument) or a valid result; and
events.yaml still parses, with the same events (unchanged when the command refused).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.cli import cli
from timeline.validate import load_timeline

from .conftest import TIMELINE

pytestmark = pytest.mark.hostile

LOCATED = re.compile(r"^events\.yaml:\d+:\d+: ", re.MULTILINE)
FUZZ = settings(  # TIMELINE_FUZZ_EXAMPLES=5000 for a longer run by hand
    max_examples=int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Pieces of YAML that have broken loaders: anchors, aliases, merge keys, tags, document
# markers, directives, tabs, odd numbers, deep brackets, control and odd line-break
# characters, a BOM in the middle, quotes left open.
FRAGMENTS = [
    "&a ", "*a", "<<: *a\n", "!!python/object:os.system ", "!!binary ", "---\n", "...\n",
    "%YAML 1.1\n", "\t", "-_", "0x_", "9" * 50, "[" * 30, "]" * 30, "{", "}", "? ", ": ",
    "- ", "\n  ", "\x00", "\x1b]0;x\x07", "\u2028", "\x85", "\ufeff", "\r", "'", '"',
    "\\u", "#", "|", ">-", "2020-02-30", "id: ", "date: ", "events: ", "after: [a]",
]  # fmt: skip


def invoke(root: Path, args: list[str], input: bytes | None = None):
    """The real command in ``root``; any exception but a clean exit is a failure."""
    source = root / "events.yaml"
    with tempfile.TemporaryDirectory(dir=root) as folder:
        here = Path(folder) / "events.yaml"
        if source.exists():
            here.write_bytes(source.read_bytes())
        previous = os.getcwd()
        os.chdir(folder)  # the messages name events.yaml as the user would see it
        try:
            result = CliRunner().invoke(cli, args, input=input)
        finally:
            os.chdir(previous)
        after = here.read_bytes() if here.exists() else b""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback from {args!r}") from result.exception
    return result, after


def events_of(text: bytes, tmp: Path) -> dict[str, tuple]:
    path = tmp / "check.yaml"
    path.write_bytes(text)
    timeline, _ = load_timeline(path)
    return {e.id: (e.title, e.type, e.date) for e in timeline.events}


@st.composite
def mutated_timeline(draw) -> bytes:
    text = TIMELINE
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 12))
        piece = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)))
        text = text[:at] + piece + text[at + cut :]
    return text.encode("utf-8", "surrogatepass")


FILES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    mutated_timeline(),
)


@FUZZ
@given(content=FILES)
def test_validate_any_file(tmp_path, content):
    (tmp_path / "events.yaml").write_bytes(content)
    result, after = invoke(tmp_path, ["validate"])
    assert after == content
    if result.exit_code == 0:
        assert result.stdout.startswith("events.yaml: OK, ")
    else:
        assert result.exit_code == 1
        assert LOCATED.match(result.stderr), result.stderr


ARGUMENT = st.one_of(
    st.text(max_size=40),
    st.binary(max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape")),
    st.builds(lambda d, t: f"{d}: {t}", st.sampled_from(["2020-10-18", "October 2020", "2020"]),
              st.text(max_size=30)),
)  # fmt: skip


@FUZZ
@given(phrase=ARGUMENT, actor=ARGUMENT, quote=ARGUMENT)
def test_add_any_phrase(tmp_path, phrase, actor, quote):
    (tmp_path / "events.yaml").write_text(TIMELINE, encoding="utf-8")
    before = events_of(TIMELINE.encode(), tmp_path)
    args = ["add", phrase, "--actor", actor, "--source", "notes", "--quote", quote]
    result, after = invoke(tmp_path, args)
    if result.exit_code == 0:
        now = events_of(after, tmp_path)
        assert {k: now[k] for k in before} == before and len(now) == len(before) + 1
    else:
        assert result.exit_code in (1, 2)
        # a clear error, a located one, or click's usage error (a phrase like '-0')
        assert (
            result.stderr.startswith("Error: ")
            or LOCATED.match(result.stderr)
            or (result.stderr.startswith("Usage: ") and "\nError: " in result.stderr)
        )
        assert after == TIMELINE.encode()


ARTICLES = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=600).map(lambda t: t.encode("utf-8")),
    st.lists(st.sampled_from([
        "date 2020-10-21\n\n", "BISHKEK, October 6, 2020 - ", "The mayor resigned on Monday. ",
        "Police arrested 20 protesters on 5 October. ", "\n\n", "\xe9", "\x00", "2020-02-30 ",
        "Jos\u00e9 Garc\u00eda was appointed minister yesterday. ", "\u202e", "# Title\n",
    ]), max_size=12).map(lambda parts: "".join(parts).encode("utf-8")),
)  # fmt: skip


@FUZZ
@given(article=ARTICLES, byte=st.binary(min_size=0, max_size=3))
def test_extract_any_article(tmp_path, article, byte):
    (tmp_path / "events.yaml").write_text(TIMELINE, encoding="utf-8")
    before = events_of(TIMELINE.encode(), tmp_path)
    result, after = invoke(tmp_path, ["extract", "-", "--published", "2020-10-21"], article + byte)
    assert result.exit_code in (0, 2), result.output
    now = events_of(after, tmp_path)  # still a valid timeline
    assert {k: now[k] for k in before} == before  # with every event as it was
    if result.exit_code == 2:
        assert after == TIMELINE.encode()


@FUZZ
@given(article=ARTICLES, fmt=st.sampled_from(["json", "jsonl", "tml"]))
def test_tag_any_article(tmp_path, article, fmt):
    result, _ = invoke(tmp_path, ["tag", "-", "--published", "2020-10-21", "-f", fmt], article)
    assert result.exit_code in (0, 2)
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: standard input: not valid UTF-8")
