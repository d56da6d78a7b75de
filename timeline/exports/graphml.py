"""graph.graphml: the ``after`` graph for Gephi, yEd or networkx, every attribute a string."""

from __future__ import annotations

import re

import networkx as nx

from timeline.exports.common import iso
from timeline.graph import OrderedTimeline

XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"
# Control characters XML 1.0 cannot carry; they would make the file unreadable.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_graphml(ordered: OrderedTimeline) -> str:
    """Nodes in display order, edges in display order of their ends."""
    graph = nx.DiGraph()
    for placed in ordered.placed:
        event = placed.event
        graph.add_node(
            event.id,
            title=_xml_text(event.title),
            type=event.type,
            date=event.written_date,
            earliest=iso(placed.earliest) or "",
            latest=iso(placed.latest) or "",
        )
    for placed in ordered.placed:
        graph.add_edges_from((placed.event.id, after) for after in placed.precedes)
    # The standard-library writer behind generate_graphml (write_graphml switches to lxml
    # when it is installed, which formats differently), so the text is the same everywhere.
    return XML_DECLARATION + "\n".join(nx.generate_graphml(graph)) + "\n"


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("", text)
