"""Fixtures for the hostile cases: a small project in a temporary folder, the real CLI.

Each case states the exact input, the exact message, the exit code, and that the
files are left as they were (byte for byte) whenever the command refuses.
"""

from __future__ import annotations

import contextlib
import hashlib
import resource
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from timeline.cli import cli

TIMELINE = """\
# Notes kept by hand: every save must keep them.
title: Unrest in Riverton
description: A made-up crisis for the hostile tests.

sources:
  wire-2020-10-21:            # the wire story
    title: Council dissolved after days of protest
    publisher: Wire
    published: 2020-10-21
  notes:
    title: Our own notes

events:
  # The vote.
  - id: vote-held
    title: Riverton votes for a new council
    date: 2020-10-04
    type: election
    actors: [Riverton Election Board]
    sources:
      - source: wire-2020-10-21
        quote: "the vote of 4 October"

  - id: protests-begin
    title: Protests begin outside the town hall
    date: 2020-10-05
    type: protest
    sources: [{source: wire-2020-10-21}]
    after: [vote-held]
"""


@dataclass
class Project:
    """A project folder with events.yaml; :meth:`frozen` checks nothing in it changed."""

    root: Path

    @property
    def events(self) -> Path:
        return self.root / "events.yaml"

    @contextlib.contextmanager
    def unchanged(self) -> Iterator[None]:
        """Every file of the project must be exactly as it was after the block."""
        before = self.snapshot()
        yield
        assert self.snapshot() == before

    def snapshot(self) -> dict[str, str]:
        found = {}
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and not path.name.endswith(".lock"):
                found[path.relative_to(self.root).as_posix()] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
        return found


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A project in a temporary folder, which is also the working folder."""
    (tmp_path / "events.yaml").write_text(TIMELINE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path)


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run the real command line; a traceback (any exception but a clean exit) fails."""

    def invoke(args: Sequence[str], input: str | bytes | None = None) -> Result:
        result = CliRunner().invoke(cli, list(args), input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"traceback from {args!r}") from result.exception
        return result

    return invoke


BOUND_SECONDS = 120  # a generous bound: the cases that used to hang must end long before
BOUND_BYTES = 2 << 30  # address space: the cases that used to take gigabytes fail fast


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (BOUND_BYTES, BOUND_BYTES))


@pytest.fixture
def run_bounded(project: Project) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m timeline ARGS`` in the project with a time and memory bound, so a
    regression to a runaway case fails the test instead of taking the machine down."""

    def invoke(args: Sequence[str], input: bytes | None = None) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "timeline", *args],
            cwd=project.root,
            input=input,
            capture_output=True,
            timeout=BOUND_SECONDS,
            preexec_fn=_limit_memory,
            check=False,
        )
        assert b"Traceback" not in done.stderr, done.stderr.decode()
        return subprocess.CompletedProcess(
            done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
        )

    return invoke
