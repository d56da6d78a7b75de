"""Every error the core raises. The CLI turns them into messages and exit codes.

The core never imports click; ``timeline.cli`` catches :class:`TimelineError`
and prints ``str(error)`` (one located problem per line) before exiting with
``error.exit_code``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in an input file: ``events.yaml:12:5: message``."""

    path: str
    line: int
    column: int
    message: str
    hint: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        kind = "warning: " if self.severity == "warning" else ""
        text = f"{self.path}:{self.line}:{self.column}: {kind}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


class TimelineError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code = 1


class ValidationError(TimelineError):
    """An input file has one or more problems; all of them are listed."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column, p.message))
        errors = sum(1 for p in self.problems if p.severity == "error")
        warnings = len(self.problems) - errors
        path = self.problems[0].path if self.problems else "input"
        self.summary = f"{path}: {_count(errors, 'error')}" + (
            f", {_count(warnings, 'warning')}" if warnings else ""
        )
        super().__init__("\n".join(str(p) for p in self.problems))


class SaveError(TimelineError):
    """A file could not be written; the previous version is untouched."""


class LockTimeout(SaveError):
    """Another process holds the lock on the file we want to write."""


class BuildError(TimelineError):
    """The site could not be built; the previous output is untouched."""


class InputError(TimelineError):
    """An input other than events.yaml (an article, a URL, a date option) is unusable."""

    exit_code = 2


class NoPublicationDate(InputError):
    """A document has no publication date and none was given."""


class ModelMissing(TimelineError):
    """The English language model the extractor parses with is not installed."""

    exit_code = 2
