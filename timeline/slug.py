"""One slug for everything that needs one: event ids, source ids and page names.

>>> slugify("Jeenbekov resigns as president")
'jeenbekov-resigns-as-president'
>>> slugify("Жээнбеков уходит в отставку")
'zheenbekov-ukhodit-v-otstavku'
>>> slugify("Isaev elected speaker of the parliament", max_length=27)
'isaev-elected-speaker'
>>> slugify("Talks go on")
'talks-go-on'
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 60
# Cyrillic letters (Russian and Kyrgyz) to Latin, so 'Жээнбеков' gives 'zheenbekov'.
_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia n o u"
_CYRILLIC = {
    cyrillic: latin.strip("_")
    for cyrillic, latin in zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөү", _LATIN.split(" "), strict=True
    )
}
# A slug does not end on a word that leads on to another.
_DANGLING = frozenset(
    ["of", "the", "a", "an", "to", "for", "as", "in", "and", "on", "at", "by", "with", "from"]
)


def _latin(text: str) -> str:
    lowered = text.lower()
    if not any(char in _CYRILLIC for char in lowered):
        return lowered
    return "".join(_CYRILLIC.get(char, char) for char in lowered)


def slugify(text: str, max_length: int = MAX_LENGTH, fallback: str = "event") -> str:
    """A lowercase ASCII slug of ``text``, cut at a word boundary; ``fallback`` if empty."""
    ascii_text = unicodedata.normalize("NFKD", _latin(text)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > max_length:
            break
        kept.append(word)
    while len(kept) < len(words) and len(kept) > 1 and kept[-1] in _DANGLING:
        kept.pop()  # cut short: no slug ends on "of" or "the"
    if not kept and words:
        kept = [words[0][:max_length]]
    return "-".join(kept) or fallback
