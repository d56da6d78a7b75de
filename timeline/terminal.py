"""Text from events.yaml and articles, made safe to print on a terminal.

A title can hold escape sequences (ESC ] ... BEL sets the window title or makes
a hidden link; ESC [ ... moves the cursor, clears the screen). Printed as they
are, they act on the reader's terminal. :func:`printable` shows every control
character as a visible escape (``\\x1b``) instead; line breaks and tabs stay.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (U+0080-U+009F: 8-bit CSI and OSC),
# and the bidirectional overrides that reorder what a line appears to say.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters written as visible escapes (``\\x1b``, ``\\u202e``)."""
    return _CONTROL.sub(_escape, text)
