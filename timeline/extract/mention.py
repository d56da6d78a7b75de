"""One event mention found in an article, before it is dated and titled."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.extract.names import Actor
from timeline.extract.triggers import Trigger


@dataclass
class Mention:
    """One event found in an article, before it is dated and titled."""

    type: str
    trigger: Trigger
    start: int
    end: int
    sentence: int
    clause: tuple[int, int]
    matched: str
    subject: list[Actor] = field(default_factory=list)
    objects: list[Actor] = field(default_factory=list)
    subject_text: str = ""
    object_text: str = ""
    object_span: tuple[int, int] = (0, 0)
    places: list[str] = field(default_factory=list)
    region: tuple[int, int] = (0, 0)  # from the subject to the end of the object
    groupless_object: bool = False  # the trigger's pattern holds its own object
    licensed: bool = True  # False: a noun that only refers to an event ("the elections")
    continues: bool = False  # shares the previous verb's subject: "declared X and handed Y"
    group_words: str = ""  # unnamed people acted upon, as written: "dozens of demonstrators"
    future: bool = False

    @property
    def actors(self) -> list[Actor]:
        seen: dict[str, Actor] = {}
        for actor in [*self.subject, *self.objects]:
            if actor.kind in ("person", "org", "other", "group") and actor.name not in seen:
                seen[actor.name] = actor
        return list(seen.values())
