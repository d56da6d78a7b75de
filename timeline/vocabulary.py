"""The event types of a political timeline, each with a colour and a one-line meaning.

The order here is the order of lanes and legend entries on the site.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    name: str
    colour: str
    meaning: str


EVENT_TYPES: tuple[EventType, ...] = (
    EventType("election", "#1f5fbf", "A vote: an election, referendum or a vote in parliament."),
    EventType("protest", "#e07b00", "Demonstrations, rallies, strikes and other public unrest."),
    EventType("violence", "#c0162f", "Clashes, attacks, storming or seizure of buildings, deaths."),
    EventType("resignation", "#7b3fa0", "Someone leaves office or steps down."),
    EventType("appointment", "#2e8b57", "Someone is appointed, elected or confirmed to an office."),
    EventType("legislation", "#3a7ca5", "Laws, decrees, states of emergency and other legal acts."),
    EventType("court", "#8c564b", "Court rulings, annulments, verdicts and legal challenges."),
    EventType("arrest", "#a8323e", "Arrests, detentions and charges."),
    EventType("release", "#17a2b8", "Releases from detention, pardons, acquittals."),
    EventType("agreement", "#4caf50", "Agreements, deals, ceasefires and treaties."),
    EventType("statement", "#6c757d", "A statement that is itself the news."),
    EventType("meeting", "#b8860b", "Meetings, talks, visits and summits."),
    EventType("deadline", "#d63384", "A scheduled or required future date."),
    EventType("other", "#495057", "Anything that fits no other type."),
)

TYPES_BY_NAME: dict[str, EventType] = {t.name: t for t in EVENT_TYPES}
TYPE_NAMES: tuple[str, ...] = tuple(TYPES_BY_NAME)
