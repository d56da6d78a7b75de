"""Where each page lives, and which links may be published.

Every page path is relative to the output folder; templates prefix them with
``root`` ("" on top-level pages, "../" one folder down) so the site works from
``file://`` and from any sub-path of a web server.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.slug import slugify as _slugify

_SAFE_SCHEMES = ("http://", "https://")


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) link, else None: nothing else is ever put in an href."""
    if not url:
        return None
    text = url.strip()
    if text.lower().startswith(_SAFE_SCHEMES) and not any(c in text for c in "\x00\r\n\t"):
        return text
    return None


# Names Windows keeps for devices, with any extension: actors/con.html cannot be created.
_DEVICES = frozenset(
    ["con", "prn", "aux", "nul", *(f"{k}{n}" for k in ("com", "lpt") for n in range(10))]
)


def slugify(name: str) -> str:
    """'Sadyr Japarov' -> 'sadyr-japarov'; accents folded, never empty, never a device name."""
    slug = _slugify(name, max_length=80, fallback="x")
    return f"{slug}-page" if slug in _DEVICES else slug


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """A distinct slug for every name, stable for a given set of names.

    Names are taken in sorted order, so 'A B' and 'a-b' get 'a-b' and 'a-b-2'
    whatever order the events mention them in.
    """
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names)):
        base = slugify(name)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


def event_path(event_id: str) -> str:
    return f"events/{event_id}.html"


def actor_path(slug: str) -> str:
    return f"actors/{slug}.html"


def place_path(slug: str) -> str:
    return f"places/{slug}.html"


def source_anchor(source_id: str) -> str:
    return f"sources.html#s-{source_id}"
