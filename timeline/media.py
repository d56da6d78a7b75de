"""Media on an event: one image, local or online, with its alt text, caption and credit.

In events.yaml::

    media:
      path: media/white-house.jpg        # or url: https://example.org/photo.jpg
      alt: Protesters on the steps of the White House in Bishkek
      caption: The morning after the storming.
      credit: Photo by A. Photographer

A local image must be a PNG, JPEG, GIF, WebP or AVIF file inside the project folder
(the folder of events.yaml); the site copies it, so the site stays offline. An online
image is only ever shown as a lazily loaded ``<img>`` when its URL is https and names
an image file; any other link (a video page, plain http) is shown as a link. Media is
never a script or an iframe.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

IMAGE_TYPES = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".gif": "GIF",
    ".webp": "WebP",
    ".avif": "AVIF",
}
KINDS = "PNG, JPEG, GIF, WebP or AVIF"


def sniff(head: bytes) -> str | None:
    """The image type the first bytes of a file announce, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "AVIF"
    return None


def check_path(project: Path, path: str) -> tuple[str, str | None] | None:
    """What is wrong with a local media ``path`` (relative to ``project``): a message and
    a hint, or None when it is an image inside the project."""
    if not path.strip():
        return "media path is empty", None
    if Path(path).is_absolute() or path.startswith(("/", "\\")) or ":" in path.split("/")[0]:
        return (
            f"media path '{path}' is not relative to the project folder",
            "write it relative to events.yaml, e.g. media/photo.jpg",
        )
    inside = posixpath.normpath(path.replace("\\", "/"))
    target = project / inside
    try:
        target.resolve().relative_to(project.resolve())
        escapes = inside.startswith("../") or inside == ".."
    except ValueError:
        escapes = True
    if escapes:
        return (
            f"media path '{path}' is outside the project folder",
            "keep images in the folder of events.yaml (or below it), e.g. media/photo.jpg",
        )
    suffix = Path(inside).suffix.lower()
    if suffix not in IMAGE_TYPES:
        return f"media path '{path}' is not an image ({KINDS})", None
    if not target.is_file():
        return f"media path '{path}' does not exist", "paths are relative to events.yaml"
    try:
        with open(target, "rb") as handle:
            head = handle.read(16)
    except OSError as err:
        return f"media path '{path}' cannot be read: {err.strerror}", None
    found, named = sniff(head), IMAGE_TYPES[suffix]
    if found is None:
        return f"media path '{path}' is not a {named} image", f"save it as {KINDS}"
    if found != named:
        return (
            f"media path '{path}' holds a {found} image, not {named}",
            f"give it the suffix of a {found} file",
        )
    return None


def is_https_image(url: str | None) -> bool:
    """True for an https URL whose path names an image file: safe to show as <img>."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() == "https" and Path(parts.path).suffix.lower() in IMAGE_TYPES


def site_name(event_id: str, path: str) -> str:
    """Where a local image is copied in the site: ``media/<event id><suffix>``."""
    return f"media/{event_id}{Path(path).suffix.lower()}"
