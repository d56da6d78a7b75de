"""Issue 12: every limit is documented in the README's Limits table with its value."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import store, validate, yamlread
from timeline.extract import fetch, sources
from timeline.schema import MAX_ID_LENGTH
from timeline.serve import handler
from timeline.temporal import command

pytestmark = pytest.mark.hostile

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
LIMITS = README.split("## Limits", 1)[1].split("\n## ", 1)[0]


def mib(size: int) -> str:
    assert size % (1 << 20) == 0
    return f"{size >> 20} MiB"


@pytest.mark.parametrize(
    ("row", "written"),
    [
        ("`events.yaml`", mib(store.MAX_FILE_BYTES)),
        ("YAML nesting", f"{yamlread.MAX_DEPTH} levels"),
        ("YAML aliases", f"{yamlread.MAX_ALIAS_VALUES:,} values"),
        ("numbers in YAML", f"{yamlread.MAX_NUMBER_DIGITS:,} digits"),
        ("event and source ids", f"{MAX_ID_LENGTH} characters"),
        ("an article for `extract`", mib(sources.MAX_ARTICLE_BYTES)),
        ("a download for `extract`", mib(fetch.MAX_DOWNLOAD_BYTES)),
        ("a download for `extract`", f"{fetch.FETCH_TIMEOUT:.0f} s per read"),
        ("a download for `extract`", f"{fetch.FETCH_DEADLINE:.0f} s in all"),
        ("a file for `tag`", mib(command.MAX_INPUT_BYTES)),
        ("the writers' lock", f"{store.LOCK_TIMEOUT:.0f} s"),
        ("`serve`", f"{handler.HEADER_TIMEOUT:.0f} s for a client"),
        ("`serve`", f"{handler.MAX_CONNECTIONS} connections at once"),
        ("messages", f"{validate.SHOWN} characters"),
    ],
)
def test_the_readme_gives_each_limit(row, written):
    [line] = [line for line in LIMITS.splitlines() if line.startswith(f"| {row}")]
    assert written in line
