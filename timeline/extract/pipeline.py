"""``timeline extract`` as one function call: read, extract (in parallel), merge, save.

Articles are read and extracted independently (``jobs`` processes), then merged
into events.yaml one by one in the order given, under the file's lock, and the
result is validated before it is written. A document without a publication date
is reported and skipped; the others are still processed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from timeline.exceptions import InputError
from timeline.extract.article import Found, extract_article
from timeline.extract.merge import MergeReport, merge_article
from timeline.extract.sources import SourceInfo, expand, read_article
from timeline.store import Document, atomic_write, load_document, locked

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


@dataclass
class Summary:
    """What a run did, for the final message."""

    articles_read: int = 0
    words: int = 0
    events_found: int = 0
    new: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    diff: str = ""
    written: bool = False

    def text(self) -> str:
        lines = [
            f"articles read: {self.articles_read}",
            f"events found: {self.events_found}",
            f"new: {len(self.new)}",
            f"merged: {len(self.merged)}",
            f"already there: {len(self.unchanged)}",
            f"skipped: {len(self.skipped)}",
        ]
        for what, why in self.skipped:  # article errors already name their file
            lines.append(f"  {why}" if why.startswith((what, "stdin")) else f"  {what}: {why}")
        return "\n".join(lines)


@dataclass
class _Result:
    spec: str
    source: SourceInfo | None
    events: list[Found]
    words: int
    error: str | None = None


def _work(job: tuple[str, dt.date | None, str | None, str | None]) -> _Result:
    spec, published, stdin_text, base = job
    try:
        article = read_article(
            spec,
            published,
            stdin_text=stdin_text,
            relative_to=Path(base) if base else None,
        )
        events = extract_article(article)
    except InputError as err:
        return _Result(spec, None, [], 0, str(err))
    return _Result(spec, article.source, events, len(article.text.split()))


def worker_count(asked: int, articles: int) -> int:
    """Processes to use: as asked, but no more than articles or four per core
    (--jobs 5000 used to fork until the machine gave out)."""
    return max(1, min(asked, articles, 4 * (os.cpu_count() or 1)))


def _results(jobs: list, workers: int) -> Iterator[_Result]:
    workers = worker_count(workers, len(jobs))
    if workers <= 1 or len(jobs) <= 1:
        yield from map(_work, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_work, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


def parse_published(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published: '{value}' is not a date (YYYY-MM-DD)") from None


def run_extract(
    sources: list[str],
    events_path: str | os.PathLike[str] = "events.yaml",
    *,
    published: str | dt.date | None = None,
    dry_run: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
    stdin_text: str | None = None,
) -> Summary:
    """Extract events from ``sources`` and merge them into ``events_path``."""
    day = parse_published(published)
    path = Path(events_path)
    base = str(path.resolve().parent)
    specs = expand(sources)
    work = [(spec, day, stdin_text if spec == "-" else None, base) for spec in specs]
    summary = Summary()
    done: list[_Result] = []
    for result in _results(work, max(1, jobs)):
        if progress is not None:
            progress(1)
        if result.error:
            summary.skipped.append((result.spec, result.error))
            log.warning("%s", result.error)
            continue
        summary.articles_read += 1
        summary.words += result.words
        summary.events_found += len(result.events)
        done.append(result)
    if specs and not done:
        return summary  # nothing was read: the caller reports the skipped sources
    # Merge without the lock (a long merge must not stop other writers), then write under
    # it, merging again first if the file changed in the meantime.
    snapshot = _snapshot(path)
    doc, report, after = _merge_all(path, done)
    if not dry_run and (after != doc.baseline or not path.exists()):
        with locked(path):
            if _snapshot(path) != snapshot:
                log.info("%s changed while merging; merging again", path)
                doc, report, after = _merge_all(path, done)
            atomic_write(path, doc.file_text(after), locked_by_us=True)
        summary.written = True
    summary.new, summary.merged = report.new, report.merged
    summary.unchanged = report.unchanged
    summary.skipped += report.skipped
    if dry_run:
        summary.diff = "".join(
            difflib.unified_diff(
                doc.baseline.splitlines(True),
                after.splitlines(True),
                fromfile=f"{doc.display} (now)",
                tofile=f"{doc.display} (after extract)",
            )
        )
    return summary


def _snapshot(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _merge_all(path: Path, done: list[_Result]) -> tuple[Document, MergeReport, str]:
    doc = _open(path, done)
    known = {str(k) for k in (doc.data.get("sources") or {})}
    report = MergeReport()
    for result in done:
        assert result.source is not None
        merge_article(doc.data, result.source, result.events, known, report)
    _check(doc)
    return doc, report, doc.dump()


def _open(path: Path, results: list[_Result]) -> Document:
    if path.exists():
        return load_document(path, str(path))
    data = CommentedMap()
    data["title"] = "Extracted timeline"
    data["sources"] = CommentedMap()
    data["events"] = CommentedSeq()
    return Document(path=path, display=str(path), data=data, text="", baseline="")


def _check(doc: Document) -> None:
    """Validate the merged file before anything is written (raises ValidationError)."""
    from timeline.validate import check_document

    check_document(Document(path=doc.path, display=doc.display, data=doc.data, text=""))
