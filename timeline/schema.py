"""The one declaration of the events.yaml format.

:func:`json_schema` is what ``timeline schema`` prints and what editors use (the
committed copy ``timeline/events.schema.json`` is checked against it by a test).
The loader validates the structure with this same schema and derives the known
keys from it, so the two cannot disagree. What JSON Schema cannot say well
(real calendar days, references between events, cycles) is checked in
``timeline.validate`` with located messages.
"""

from __future__ import annotations

import json
import re
from typing import Any

from timeline.vocabulary import EVENT_TYPES

SCHEMA_ID = "https://timeline.invalid/events.schema.json"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 120  # an id names a file (events/ID.html): keep it well inside path limits
# A loose pattern for editors; the loader's EDTF parser gives the exact message.
_EDTF_ONE = r"[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2}(T[0-9:]+(Z|[+-][0-9:]+)?)?)?)?[?~%]?"
EDTF_PATTERN = rf"^{_EDTF_ONE}(/{_EDTF_ONE})?$"
URL_PATTERN = r"^https?://"
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _date(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "type": ["string", "integer"],
        "pattern": EDTF_PATTERN,
    }


def _names(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "type": "array",
        "items": {"type": "string", "minLength": 1},
    }


SOURCE: dict[str, Any] = {
    "type": "object",
    "description": "Where facts come from: an article, report or document.",
    "required": ["title"],
    "properties": {
        "title": {"type": "string", "minLength": 1, "description": "The source's headline."},
        "publisher": {"type": "string", "description": "Outlet or organisation, e.g. 'TASS'."},
        "published": _date("Publication date (EDTF), e.g. 2020-10-21."),
        "url": {
            "type": "string",
            "pattern": URL_PATTERN,
            "description": "Where to read it online; http(s) only.",
        },
        "path": {"type": "string", "description": "A local copy, relative to events.yaml."},
        "mentions": {
            "type": "object",
            "description": "Written by `timeline extract`: the days the article mentions and "
            "how often, e.g. {2011-01-25: 3}. Feeds the importance score.",
            "propertyNames": {"pattern": DAY_PATTERN},
            "additionalProperties": {"type": "integer"},
        },
    },
}

SOURCE_REF: dict[str, Any] = {
    "type": "object",
    "required": ["source"],
    "properties": {
        "source": {"type": "string", "description": "The id of an entry under `sources`."},
        "quote": {"type": "string", "description": "The words in the source that say so."},
        "paragraph": {
            "type": "integer",
            "description": "The paragraph of the source the quote is in (0: the lead). "
            "Feeds the importance score.",
        },
        "date": _date(
            "What this source says the date is, when it disagrees with the event's date. "
            "Shown on the event page; never averaged away."
        ),
    },
}

MEDIA: dict[str, Any] = {
    "type": "object",
    "description": "An image for the event's page, its card on the chart and story mode: "
    "a local file (path) or an online one (url), with alt text.",
    "required": ["alt"],
    "properties": {
        "url": {
            "type": "string",
            "pattern": URL_PATTERN,
            "description": "An image online (shown, lazily, when the link is https and names "
            "an image file) or a page with the media (shown as a link); http(s) only.",
        },
        "path": {
            "type": "string",
            "description": "A local PNG, JPEG, GIF, WebP or AVIF image, relative to events.yaml "
            "and inside its folder; copied into the site.",
        },
        "alt": {
            "type": "string",
            "minLength": 1,
            "description": "What the image shows, for readers who cannot see it.",
        },
        "caption": {"type": "string", "description": "A line about the image."},
        "credit": {"type": "string", "description": "Who made it, e.g. 'Photo: A. Name/Agency'."},
    },
}

EVENT: dict[str, Any] = {
    "type": "object",
    "description": "One thing that happened, with its date and sources.",
    "required": ["id", "title", "type", "sources"],
    "properties": {
        "id": {
            "type": "string",
            "pattern": SLUG_PATTERN,
            "maxLength": MAX_ID_LENGTH,
            "description": "Unique slug used in permalinks, e.g. 'president-resigns'.",
        },
        "title": {
            "type": "string",
            "minLength": 1,
            "description": "Short, like a timeline entry: 'Jeenbekov resigns as president'.",
        },
        "date": _date(
            "EDTF: 2020-10-04, 2020-10, 2020, 2020-10-04? (uncertain), 2020-10~ "
            "(approximate), 2020-10-05/2020-10-06 (span). Leave out when unknown."
        ),
        "end": _date("Last day of an event that spans days (or use a span in `date`)."),
        "not_before": _date("When the day is unknown: the earliest it can be."),
        "not_after": _date("When the day is unknown: the latest it can be."),
        "type": {
            "type": "string",
            "enum": [t.name for t in EVENT_TYPES],
            "description": "; ".join(f"{t.name}: {t.meaning}" for t in EVENT_TYPES),
        },
        "actors": _names("People and organisations involved, by name."),
        "places": _names("Where it happened."),
        "summary": {"type": "string", "description": "A few sentences in your own words."},
        "sources": {
            "type": "array",
            "minItems": 1,
            "items": SOURCE_REF,
            "description": "Every source that reports it, with the quote.",
        },
        "after": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Ids of events this one follows (narrative or causal order).",
        },
        "tags": _names("Free keywords."),
        "media": MEDIA,
        "key": {
            "type": "boolean",
            "description": "Pin the event: true always counts it among the key events, "
            "false never does. Leave out to let its importance score decide.",
        },
    },
}

TOP: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "timeline events.yaml",
    "description": "A sourced timeline of events, edited by hand and built by `timeline build`.",
    "type": "object",
    "required": ["title", "events"],
    "properties": {
        "title": {"type": "string", "minLength": 1, "description": "The timeline's title."},
        "description": {"type": "string", "description": "One or two sentences for readers."},
        "sources": {
            "type": "object",
            "description": "Sources by short id, cited by events.",
            "propertyNames": {"pattern": SLUG_PATTERN, "maxLength": MAX_ID_LENGTH},
            "additionalProperties": SOURCE,
        },
        "events": {"type": "array", "items": EVENT, "description": "The events, any order."},
        "rejected": {
            "type": "array",
            "description": "Ids of extracted events a person deleted; `timeline extract` "
            "will not add them again.",
            "items": {"type": "string"},
        },
    },
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of events.yaml."""
    return json.loads(json.dumps(TOP))


def schema_text() -> str:
    """The schema as printed by ``timeline schema`` and stored in events.schema.json."""
    return json.dumps(TOP, indent=2, ensure_ascii=False) + "\n"


def known_keys(section: str) -> frozenset[str]:
    """The keys the format defines for 'top', 'source', 'event', 'ref' or 'media'."""
    table = {"top": TOP, "source": SOURCE, "event": EVENT, "ref": SOURCE_REF, "media": MEDIA}
    return frozenset(table[section]["properties"])


# -- a fast yes/no check ---------------------------------------------------------------
# jsonschema explains every error well but costs ~0.2 ms an event; a 100k-event build
# cannot afford it for events that are fine. `conforms` answers only "valid or not" for
# the keywords this schema uses; events it rejects go to jsonschema for the messages.
# tests/test_schema.py checks on generated data that both always agree.

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "object": (dict,),
    "boolean": (bool,),
    "null": (type(None),),
}
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def conforms(value: Any, schema: dict[str, Any]) -> bool:
    """True when ``value`` is valid against ``schema`` (the keywords used above only)."""
    kind = schema.get("type")
    if kind is not None:
        names = kind if isinstance(kind, list) else [kind]
        if not any(_is_type(value, name) for name in names):
            return False
    if "enum" in schema and value not in schema["enum"]:
        return False
    if isinstance(value, str):
        if not schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value)):
            return False
        pattern = schema.get("pattern")
        if pattern is not None:
            compiled = _PATTERNS.get(pattern) or _PATTERNS.setdefault(pattern, re.compile(pattern))
            if not compiled.search(value):
                return False
    elif isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            return False
        items = schema.get("items")
        if items is not None and not all(conforms(item, items) for item in value):
            return False
    elif isinstance(value, dict):
        if any(key not in value for key in schema.get("required", ())):
            return False
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        names = schema.get("propertyNames")
        for key, item in value.items():
            if names is not None and not conforms(key, names):
                return False
            sub = properties.get(key)
            if sub is not None:
                if not conforms(item, sub):
                    return False
            elif extra is False or (isinstance(extra, dict) and not conforms(item, extra)):
                return False
    return True
