"""Timeline summarisation measured as news-tls measures it, on Timeline17 topics.

For each journalist's timeline of a topic, only the articles published between
its first and last day are used; the system predicts as many days as the
timeline has (k), inside the same window, and is scored by Date-F1: precision
and recall of the predicted days, averaged over the timelines (mean P, mean R),
then F1 of the two means (Ghalandari & Ifrim, ACL 2020).

Extraction over thousands of articles is slow, so each article's extraction (its
events and the days it mentions) is cached outside the repository, keyed by a
hash of the extractor's code and of the article: re-running the learner or the
scorer costs only the merge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.corpora import CorpusArticle, GoldTimeline, t17_articles, t17_timelines
from timeline.extract.article import Found
from timeline.extract.merge import Extracted
from timeline.extract.sources import SourceInfo, read_article
from timeline.slug import slugify

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent
# The code whose changes change what extraction gives (the merge is not cached).
_CODE = ("extract", "temporal", "corpora.py", "dates.py")
_NOT_EXTRACTION = ("merge.py", "cluster.py", "signature.py", "consistency.py", "pipeline.py")


def default_cache() -> Path:
    """$XDG_CACHE_HOME/timeline/extract, else ~/.cache/timeline/extract."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline" / "extract"


def extractor_version() -> str:
    """A hash of the extractor's code and of the NLP packages and models it may load
    (spaCy and its ``en_core_web_*`` models): a change to any invalidates the cache."""
    digest = hashlib.sha256()
    digest.update(_nlp_versions().encode())
    for name in _CODE:
        path = PACKAGE / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".json", ".txt", ".jsonl", ".yaml"):
                if file.name in _NOT_EXTRACTION:
                    continue
                digest.update(file.relative_to(PACKAGE).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _nlp_versions() -> str:
    from importlib import metadata

    found = []
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name in ("spacy", "lemminflect", "negspacy", "coreferee") or name.startswith(
            "en-core-web"
        ):
            found.append(f"{name}=={dist.version}")
    return ",".join(sorted(found))


def corpus_text(article: CorpusArticle) -> str:
    """A Timeline17 article as a text file: a date line, then one paragraph per line.

    Timeline17 lost the paragraphs and keeps one sentence a line; each becomes a
    paragraph of its own (news paragraphs are one or two sentences), so the first
    sentence is the lead.
    """
    lines = [line.strip() for line in article.text.split("\n") if line.strip()]
    return f"date {article.published.isoformat()}\n\n" + "\n\n".join(lines) + "\n"


def source_for(article: CorpusArticle, info: SourceInfo) -> SourceInfo:
    """A unique, stable source id per corpus article."""
    return dataclasses.replace(info, id=slugify(article.id), path=None, url=None)


def extract_one(article: CorpusArticle) -> Extracted:
    """Read and extract one corpus article, as `timeline extract` would read its text file."""
    from timeline.extract.article import extract_with_days

    read = read_article("-", article.published, stdin_text=corpus_text(article))
    read = dataclasses.replace(read, source=source_for(article, read.source))
    events, days = extract_with_days(read)
    return Extracted(read.source, events, days)


# -- the cache -------------------------------------------------------------------------------


def _key(article: CorpusArticle) -> str:
    text = f"{article.id}\n{article.published.isoformat()}\n{article.text}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _dump(extracted: Extracted) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else value

    source = {k: plain(v) for k, v in dataclasses.asdict(extracted.source).items()}
    events = [
        {k: plain(v) for k, v in dataclasses.asdict(found).items()} for found in extracted.events
    ]
    days = {day.isoformat(): count for day, count in sorted(extracted.days.items())}
    return {"source": source, "events": events, "days": days}


_DATE_FIELDS = {f.name for f in dataclasses.fields(Found) if "date" in str(f.type)} - {"date"}


def _load(raw: dict[str, Any]) -> Extracted:
    source = dict(raw["source"])
    source["published"] = dt.date.fromisoformat(source["published"])
    events = []
    for item in raw["events"]:
        item = dict(item)
        for name in _DATE_FIELDS:
            if isinstance(item.get(name), str):
                item[name] = dt.date.fromisoformat(item[name])
        events.append(Found(**item))
    days = {dt.date.fromisoformat(k): int(v) for k, v in raw["days"].items()}
    return Extracted(SourceInfo(**source), events, days)


class Cache:
    """Per-article extraction results under ``root/<extractor version>/<article key>.json``."""

    def __init__(self, root: Path | None):
        self.folder = (root / extractor_version()) if root is not None else None

    def get(self, article: CorpusArticle) -> Extracted | None:
        if self.folder is None:
            return None
        path = self.folder / f"{_key(article)}.json"
        try:
            return _load(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, article: CorpusArticle, extracted: Extracted) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{_key(article)}.json"
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(_dump(extracted), ensure_ascii=False), "utf-8")
        temporary.replace(path)


def _extract_job(article: CorpusArticle) -> dict[str, Any]:
    return _dump(extract_one(article))


def extract_corpus(
    articles: Sequence[CorpusArticle],
    cache: Cache,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[Extracted]:
    """Every article extracted (from the cache where it can be), in the order given."""
    out: list[Extracted | None] = [cache.get(a) for a in articles]
    todo = [i for i, e in enumerate(out) if e is None]
    if progress is not None:
        progress(len(articles) - len(todo))
    todo_articles = [articles[i] for i in todo]
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            done: Iterable[dict[str, Any]] = pool.map(
                _extract_job, todo_articles, chunksize=max(1, len(todo) // (jobs * 16))
            )
            _collect(done, todo, todo_articles, out, cache, progress)
    else:
        _collect(map(_extract_job, todo_articles), todo, todo_articles, out, cache, progress)
    return [e for e in out if e is not None]


def _collect(
    done: Iterable[dict[str, Any]],
    todo: list[int],
    todo_articles: list[CorpusArticle],
    out: list[Extracted | None],
    cache: Cache,
    progress: Callable[[int], None] | None,
) -> None:
    for index, article, raw in zip(todo, todo_articles, done, strict=True):
        extracted = _load(raw)
        cache.put(article, extracted)
        out[index] = extracted
        if progress is not None:
            progress(1)


# -- topics, windows and Date-F1 ---------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """One journalist's timeline: its days, and the window its input articles come from."""

    topic: str
    name: str
    gold: frozenset[dt.date]
    start: dt.date
    end: dt.date

    @property
    def k(self) -> int:
        return len(self.gold)

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def windows(topic_dir: Path) -> list[Window]:
    out = []
    for timeline in t17_timelines(topic_dir):
        days = frozenset(timeline.days)
        out.append(Window(topic_dir.name, timeline.name, days, min(days), max(days)))
    return out


def gold_timelines(topic_dir: Path) -> list[GoldTimeline]:
    return t17_timelines(topic_dir)


def topic_articles(topic_dir: Path) -> list[CorpusArticle]:
    return list(t17_articles(topic_dir))


def in_window(
    window: Window, articles: Sequence[CorpusArticle], extracted: Sequence[Extracted]
) -> list[Extracted]:
    """The extractions of the articles published inside the window, in corpus order."""
    return [e for a, e in zip(articles, extracted, strict=True) if window.holds(a.published)]


def date_scores(predicted: Iterable[dt.date], gold: frozenset[dt.date]) -> tuple[float, float]:
    """Precision and recall of one predicted timeline's days."""
    days = set(predicted)
    hit = len(days & gold)
    return (hit / len(days) if days else 0.0, hit / len(gold) if gold else 0.0)


def f1_of_means(scores: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """Mean P, mean R over the timelines, and the F1 of the two means."""
    if not scores:
        return 0.0, 0.0, 0.0
    p = sum(s[0] for s in scores) / len(scores)
    r = sum(s[1] for s in scores) / len(scores)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def top_days(counts: dict[dt.date, float], window: Window) -> list[dt.date]:
    """The k days with the highest counts inside the window (ties: the earlier day)."""
    days = [d for d, c in counts.items() if c > 0 and window.holds(d)]
    days.sort(key=lambda d: (-counts[d], d))
    return days[: window.k]


def mention_counts(batch: Iterable[Extracted]) -> dict[dt.date, float]:
    """Baseline: how often each full day is mentioned in the articles."""
    counts: dict[dt.date, float] = {}
    for extracted in batch:
        for day, count in extracted.days.items():
            counts[day] = counts.get(day, 0) + count
    return counts


def publication_counts(batch: Iterable[Extracted]) -> dict[dt.date, float]:
    """PUBCOUNT: how many articles were published each day."""
    counts: dict[dt.date, float] = {}
    for extracted in batch:
        day = extracted.source.published
        counts[day] = counts.get(day, 0) + 1
    return counts


def merge_window(batch: Sequence[Extracted], title: str = "Timeline") -> Any:
    """The events.yaml data (round-trip) that `timeline extract` would write for ``batch``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from timeline.extract.merge import MergeReport, merge_batch

    data = CommentedMap()
    data["title"] = title
    data["sources"] = CommentedMap()
    data["events"] = CommentedSeq()
    fresh = [
        dataclasses.replace(e, events=[dataclasses.replace(f) for f in e.events]) for e in batch
    ]
    merge_batch(data, fresh, set(), MergeReport())
    return data


def load_data(data: Any, name: str = "events.yaml") -> Any:
    """Validate merged data and return the :class:`timeline.model.Timeline`."""
    from timeline.store import Document
    from timeline.validate import check_document

    timeline, _ = check_document(Document(path=Path(name), display=name, data=data, text=""))
    return timeline


# -- learning and scoring the importance of days -----------------------------------------------


@dataclass
class Prepared:
    """One window merged and validated, with its feature rows and their labels."""

    window: Window
    timeline: Any
    rows: list[dict[str, float]]
    days: list[dt.date]  # the day of each row
    ids: list[str | None]  # the event of each row (None: a mentioned day without an event)


def prepare(window: Window, batch: Sequence[Extracted]) -> Prepared:
    """Merge the window's articles as `timeline extract` would and take the feature rows:
    every event with a day inside the window, and every mentioned day without an event."""
    from timeline.importance import signals

    timeline = load_data(merge_window(batch, window.name))
    found = signals(timeline)
    rows, days, ids = [], [], []
    for event_id, row in found.events.items():
        day = found.event_day.get(event_id)
        if day is not None and window.holds(day):
            rows.append(row)
            days.append(day)
            ids.append(event_id)
    for day, row in found.days.items():
        if window.holds(day):
            rows.append(row)
            days.append(day)
            ids.append(None)
    return Prepared(window, timeline, rows, days, ids)


def training_set(
    prepared: Iterable[Prepared], *, events_only: bool = False
) -> tuple[list[dict[str, float]], list[bool], list[float]]:
    """Rows, labels (the row's day is in the journalist's timeline) and weights: the rows of
    one day share a weight of 1, and each window weighs the same in total."""
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    weights: list[float] = []
    for item in prepared:
        keep = [i for i, e in enumerate(item.ids) if e is not None or not events_only]
        per_day: dict[dt.date, int] = {}
        for i in keep:
            per_day[item.days[i]] = per_day.get(item.days[i], 0) + 1
        scale = 1000.0 / max(1, len(per_day))
        for i in keep:
            rows.append(item.rows[i])
            labels.append(item.days[i] in item.window.gold)
            weights.append(scale / per_day[item.days[i]])
    return rows, labels, weights


def predicted(item: Prepared, model: Any, *, events_only: bool = False) -> list[Any]:
    """The window's k best days as the digest ranks them (:func:`timeline.importance.rank_days`)."""
    from timeline.importance import Scorer, rank_days

    days = rank_days(item.timeline, Scorer(model))
    chosen = [d for d in days if item.window.holds(d.day) and (d.events or not events_only)]
    return chosen[: item.window.k]


def predicted_days(item: Prepared, model: Any, *, events_only: bool = False) -> list[dt.date]:
    return [d.day for d in predicted(item, model, events_only=events_only)]
