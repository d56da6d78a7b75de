"""Reading articles: text and Markdown files, HTML pages, URLs, folders, TimeML and stdin.

Each article becomes an :class:`Article`: its plain text, where the body starts
(after a ``date YYYY-MM-DD`` header and a ``CITY, Month Day /AGENCY/`` dateline),
its publication date and a :class:`SourceInfo` for the ``sources`` section of
events.yaml. HTML goes through trafilatura for the main text and metadata.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from timeline.exceptions import InputError, NoPublicationDate
from timeline.extract.fetch import fetch
from timeline.slug import slugify
from timeline.temporal.lexicon import MONTHS

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TIMEML_SUFFIXES = (".tml",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TIMEML_SUFFIXES
MAX_ARTICLE_BYTES = 8 * 1024 * 1024  # an article file or standard input; about 1.2M words
_NOT_ARTICLES = ("README", "LICENSE", "CHANGELOG", "CONTRIBUTING")

_HEADER = re.compile(r"[\s\ufeff]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
_DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Za-z .'-]{1,40}?),[ \t]+(?P<month>[A-Z][a-z]{2,8})\.?[ \t]+"
    r"(?P<day>\d{1,2})(?:,[ \t]*(?P<year>\d{4}))?[.,]?[ \t]*"
    r"(?:(?P<agency>/[A-Za-z-]+/|\([A-Za-z -]+\))[ \t]*[.:\-—–_]?|[-—–_])[ \t]*"
)
_MONTHS = {name[:3]: number for name, number in MONTHS.items()}
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)
# A headline: one short line of its own, without a full stop, then a blank line.
_HEADLINE = re.compile(r"\s*([^\n]*[^\s.!?\"”:,;])[ \t]*\n[ \t]*\n")
# "BELFAST, Northern Ireland (AP) _" and "PORTLAND, Ore. (AP) -": a dateline without a date
_AGENCY_LINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z .'-]{1,40}?)(?:,[ \t]+[A-Z][A-Za-z .'-]{1,30}?)?[ \t]*"
    r"(?P<agency>\([A-Za-z -]{2,20}\))[ \t]*[-_—–]+[ \t]*"
)
# "NAIROBI - ": a dateline of a city in capitals and a dash
_CITY_LINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]{2,}){0,2})[ \t]+[-—–][ \t]+"
)
_MD_TITLE = re.compile(r"\s*#\s+(.+)\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)


@dataclass(frozen=True)
class SourceInfo:
    """What events.yaml records about an article under ``sources``."""

    id: str
    title: str
    publisher: str | None
    published: dt.date
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Article:
    text: str
    body_start: int
    published: dt.date
    source: SourceInfo
    lead_day: dt.date | None = None  # the dateline's day: the report's own news
    place: str | None = None  # the dateline's city


def expand(specs: list[str]) -> list[str]:
    """Folders become the articles inside them (sorted); files, URLs and '-' stay."""
    out: list[str] = []
    for spec in specs:
        path = Path(spec)
        if spec != "-" and not is_url(spec) and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            out.extend(str(p) for p in found if not p.stem.upper().startswith(_NOT_ARTICLES))
        else:
            out.append(spec)
    return out


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def read_article(
    spec: str,
    published: dt.date | None = None,
    *,
    stdin_text: str | None = None,
    relative_to: Path | None = None,
) -> Article:
    """Read one source; raise :class:`InputError` (or :class:`NoPublicationDate`) if unusable."""
    if spec == "-":
        return _from_text(stdin_text or "", published, name="stdin", path=None)
    if is_url(spec):
        html = fetch(spec)
        return _from_html(html, published, name=spec, url=spec)
    file = Path(spec)
    text = decode_article(_read_file(file, spec), spec)
    where = _relative(file, relative_to)
    if not _is_text(where):
        log.warning("%s: the file name is not UTF-8 text; its path is not recorded", spec)
        where = None
    suffix = file.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _from_html(text, published, name=spec, path=where)
    if suffix in TIMEML_SUFFIXES:
        return _from_timeml(text, published, name=spec, path=where)
    return _from_text(text, published, name=spec, path=where)


def article_from_text(text: str, published: dt.date | None = None, name: str = "stdin") -> Article:
    """An article from text already in memory (a corpus, a notebook), read as a text file."""
    return _from_text(text, published, name=name, path=None)


def _read_file(file: Path, spec: str) -> bytes:
    try:
        with open(file, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_ARTICLE_BYTES:
                raise InputError(_too_large(spec, size))
            raw = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{spec}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{spec}: is a folder, not an article") from None
    except OSError as err:
        raise InputError(f"{spec}: cannot read ({err.strerror})") from None
    if len(raw) > MAX_ARTICLE_BYTES:  # a pipe or device, which has no size
        raise InputError(_too_large(spec, None))
    return raw


def _too_large(name: str, size: int | None) -> str:
    what = f"{size:,} bytes" if size is not None else f"more than {MAX_ARTICLE_BYTES:,} bytes"
    return (
        f"{name}: {what}, over the limit of {MAX_ARTICLE_BYTES:,} bytes for one article; "
        "split it into several files"
    )


def read_stdin(stream: BinaryIO) -> str:
    """Standard input as text, like a file: within the size limit, bad UTF-8 as U+FFFD."""
    raw = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(_too_large("standard input", None))
    return decode_article(raw, "standard input")


def decode_article(raw: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped); bytes that are not UTF-8 become U+FFFD, with a warning."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        log.warning(
            "%s: not valid UTF-8 (byte 0x%02x at offset %s); such bytes are read as U+FFFD",
            name,
            raw[err.start],
            err.start,
        )
        return raw.decode("utf-8-sig", errors="replace")


def _is_text(value: str | None) -> bool:
    try:
        return value is None or bool(value.encode("utf-8"))
    except UnicodeEncodeError:
        return False


def _relative(file: Path, base: Path | None) -> str:
    if base is None:
        return file.as_posix()
    try:
        return Path(os.path.relpath(file.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return file.as_posix()


def _publication(text: str, given: dt.date | None, name: str) -> dt.date:
    if given is not None:
        return given
    from timeline.temporal import find_publication_date

    found = find_publication_date(text)
    if found is None:
        raise NoPublicationDate(
            f"{name}: no publication date found (no 'date YYYY-MM-DD' line or dateline); "
            "give one with --published YYYY-MM-DD"
        )
    return found


def _from_text(
    text: str, given: dt.date | None, *, name: str, path: str | None, url: str | None = None
) -> Article:
    published = _publication(text, given, name)
    title = None
    body_start = 0
    front = _FRONT_MATTER.match(text)
    if front:  # Markdown front matter: "---\ntitle: ...\ndate: ...\n---"
        body_start = front.end()
        named = re.search(r"(?m)^title:[ \t]*[\"']?(.+?)[\"']?[ \t]*$", front.group(1))
        title = named.group(1) if named else None
    md = _MD_TITLE.match(text, body_start)
    if md:
        title, body_start = md.group(1).strip(), md.end()
    header = _HEADER.match(text, body_start)
    if header:
        body_start = header.end()
    lead_day, place, publisher = None, None, None
    dateline = _DATELINE.match(text, body_start)
    if dateline and dateline["month"].lower()[:3] in _MONTHS:
        body_start = dateline.end()
        lead_day = _dateline_day(dateline, published)
        place = dateline["city"].strip().title()
        if dateline["agency"]:
            publisher = dateline["agency"].strip("/()").strip()
    elif (city := _CITY_LINE.match(text, body_start)) is not None:
        body_start = city.end()
        place = city["city"].strip().title()
    elif (agency := _AGENCY_LINE.match(text, body_start)) is not None:
        body_start = agency.end()
        place = agency["city"].strip().title()
        publisher = agency["agency"].strip("()").strip()
    elif not md and title is None:
        headline = _HEADLINE.match(text, body_start)
        if headline and len(headline.group(1).split()) <= 16:
            title, body_start = headline.group(1).strip(), headline.end(1)
    if title is None:
        title = _title_from(text[body_start:])
    source = _source(title, publisher, published, name=name, path=path, url=url)
    return Article(text, body_start, published, source, lead_day, place)


def _dateline_day(match: re.Match[str], published: dt.date) -> dt.date | None:
    month = _MONTHS[match["month"].lower()[:3]]
    year = int(match["year"]) if match["year"] else published.year
    try:
        day = dt.date(year, month, int(match["day"]))
    except ValueError:
        return None
    if not match["year"] and day > published:
        day = day.replace(year=year - 1)
    return day


def _title_from(body: str) -> str:
    words = body.split()[:12]
    title = " ".join(words).rstrip(".,;:")
    return title + ("…" if len(body.split()) > 12 else "") if title else "Untitled article"


def _source(
    title: str,
    publisher: str | None,
    published: dt.date,
    *,
    name: str,
    path: str | None,
    url: str | None,
) -> SourceInfo:
    stem = Path(name).stem if name not in ("stdin",) and not is_url(name) else ""
    if publisher:
        base = f"{publisher} {published.isoformat()}"
    elif stem:
        base = stem if published.isoformat() in stem else f"{stem} {published.isoformat()}"
    else:
        base = f"{' '.join(title.split()[:4])} {published.isoformat()}"
    return SourceInfo(slugify(base), title, publisher, published, url, path)


def _from_html(
    html: str, given: dt.date | None, *, name: str, path: str | None = None, url: str | None = None
) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None or not getattr(doc, "text", None):
        raise InputError(f"{name}: no article text found in the page")
    # trafilatura puts one paragraph on a line: make each a paragraph of its own
    text = re.sub(r"\n+", "\n\n", doc.text.strip()) + "\n"
    published = given
    if published is None and getattr(doc, "date", None):
        try:
            published = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    if published is None:
        published = _publication(text, None, name)
    article = _from_text(text, published, name=name, path=path, url=url)
    title = getattr(doc, "title", None) or article.source.title
    publisher = article.source.publisher or getattr(doc, "sitename", None)
    source = _source(title, publisher, published, name=name, path=path, url=url)
    return Article(text, article.body_start, published, source, article.lead_day, article.place)


def _from_timeml(text: str, given: dt.date | None, *, name: str, path: str | None) -> Article:
    from timeline.temporal.document import strip_timeml

    body, dct = strip_timeml(text)
    if dct is None and (found := _DCT.search(text)):
        dct = dt.date.fromisoformat(found.group(1))
    published = given or dct
    if published is None:
        raise NoPublicationDate(f"{name}: the TimeML document has no <DCT>; give --published")
    title_match = re.search(r"<TITLE>(.*?)</TITLE>", text, re.S)
    title = re.sub(r"<[^>]+>|\s+", " ", title_match.group(1)).strip() if title_match else ""
    article = _from_text(body, published, name=name, path=path)
    if not title:
        return article
    info = article.source
    source = _source(title, info.publisher, published, name=name, path=path, url=None)
    return Article(body, article.body_start, published, source, article.lead_day, article.place)
