"""``timeline extract`` as one function call: read, extract (in parallel), merge, save.

Articles are read and extracted independently (``jobs`` processes), each with the
full days its text mentions (for the importance score), then merged into
events.yaml as one batch in the order given (:mod:`timeline.extract.merge`). The
result is validated before it is written under the file's lock; a file that
changed during the merge is merged again. A document without a publication date
is reported and skipped; the others are still processed. Inferences of the run
that contradict each other are dropped and listed in the summary; only what a
person wrote can fail a run.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from timeline.exceptions import InputError
from timeline.extract.article import Found, extract_many
from timeline.extract.merge import Extracted, MergeReport, merge_batch
from timeline.extract.sources import Article, SourceInfo, expand, read_article
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
    dropped: list[str] = field(default_factory=list)  # inferences given up, with the reason
    disputed: list[str] = field(default_factory=list)  # events whose sources disagree on the day
    diff: str = ""
    seconds: dict[str, float] = field(default_factory=dict)  # time per phase
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
        if self.disputed:
            lines.append(f"sources disagree on the day: {len(self.disputed)} (each claim kept)")
        lines.append(f"inferences dropped: {len(self.dropped)}")
        lines.extend(f"  {why}" for why in self.dropped)
        return "\n".join(lines)


@dataclass
class _Result:
    spec: str
    source: SourceInfo | None
    events: list[Found]
    words: int
    error: str | None = None
    days: dict[dt.date, int] = field(default_factory=dict)


Job = tuple[str, dt.date | None, str | None, str | None]
BATCH = 16  # articles parsed together: the parser is faster on larger batches


def worker_count(asked: int, articles: int) -> int:
    """Processes to use: as asked, but no more than articles or four per core
    (--jobs 5000 used to fork until the machine gave out)."""
    return max(1, min(asked, articles, 4 * (os.cpu_count() or 1)))


def _work(batch: list[Job]) -> list[_Result]:
    """Read a batch of articles and extract them together; unreadable ones are reported."""
    read: list[tuple[int, Article]] = []
    results: dict[int, _Result] = {}
    for n, (spec, published, stdin_text, base) in enumerate(batch):
        try:
            article = read_article(
                spec, published, stdin_text=stdin_text, relative_to=Path(base) if base else None
            )
        except InputError as err:
            results[n] = _Result(spec, None, [], 0, str(err))
            continue
        read.append((n, article))
    for (n, article), (events, days) in zip(read, extract_many([a for _, a in read]), strict=True):
        words = len(article.text.split())
        results[n] = _Result(batch[n][0], article.source, events, words, days=days)
    return [results[n] for n in range(len(batch))]


def _results(jobs: list[Job], workers: int) -> Iterator[_Result]:
    batches = [jobs[i : i + BATCH] for i in range(0, len(jobs), BATCH)]
    workers = worker_count(workers, len(batches))
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            yield from _work(batch)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(_work, batches):
            yield from done


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
    started = time.perf_counter()
    done = _extract_all(work, jobs, progress, summary)
    summary.seconds["extract"] = time.perf_counter() - started
    if specs and not done:
        return summary  # nothing was read: the caller reports the skipped sources
    _merge_and_save(path, done, summary, dry_run)
    log.info(
        "%s articles: %s",
        summary.articles_read,
        ", ".join(f"{k} {v:.2f} s" for k, v in summary.seconds.items()),
    )
    return summary


def _extract_all(
    work: list, jobs: int, progress: Progress | None, summary: Summary
) -> list[_Result]:
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
    return done


def _merge_and_save(path: Path, done: list[_Result], summary: Summary, dry_run: bool) -> None:
    """Merge without the lock (a long merge must not stop other writers), then write under
    it, merging again first if the file changed in the meantime."""
    snapshot = _snapshot(path)
    doc, report, after = _merge_all(path, done, summary.seconds)
    clock = time.perf_counter()
    if not dry_run and (after != doc.baseline or not path.exists()):
        with locked(path):
            if _snapshot(path) != snapshot:
                log.info("%s changed while merging; merging again", path)
                doc, report, after = _merge_all(path, done, summary.seconds)
                clock = time.perf_counter()
            atomic_write(path, doc.file_text(after), locked_by_us=True)
        summary.written = True
    summary.seconds["write"] = time.perf_counter() - clock
    for why in report.dropped:
        log.info("%s", why)
    summary.new, summary.merged = report.new, report.merged
    summary.unchanged = report.unchanged
    summary.skipped += report.skipped
    summary.dropped, summary.disputed = report.dropped, report.disputed
    if dry_run:
        summary.diff = "".join(
            difflib.unified_diff(
                doc.baseline.splitlines(True),
                after.splitlines(True),
                fromfile=f"{doc.display} (now)",
                tofile=f"{doc.display} (after extract)",
            )
        )


def _snapshot(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _merge_all(
    path: Path, done: list[_Result], seconds: dict[str, float]
) -> tuple[Document, MergeReport, str]:
    """Load, merge the batch and validate; the time of each phase goes into ``seconds``."""
    clock = time.perf_counter()
    doc = _open(path, done)
    known = {str(k) for k in (doc.data.get("sources") or {})}
    seconds["load"], clock = time.perf_counter() - clock, time.perf_counter()
    report = MergeReport()
    batch = [Extracted(r.source, r.events, r.days) for r in done if r.source is not None]
    merge_batch(doc.data, batch, known, report)
    seconds["merge"], clock = time.perf_counter() - clock, time.perf_counter()
    _check(doc)
    seconds["validate"] = time.perf_counter() - clock
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
    """Validate and order the merged file before anything is written, as ``build`` would
    (raises ValidationError)."""
    from timeline.graph import order_timeline
    from timeline.validate import check_document

    timeline, _ = check_document(
        Document(path=doc.path, display=doc.display, data=doc.data, text="")
    )
    order_timeline(timeline)
