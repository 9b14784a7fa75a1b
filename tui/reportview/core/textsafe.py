"""Terminal safety: text from reports and file names never controls the terminal."""

from __future__ import annotations

import re

# C0 and C1 controls (except tab and newline), DEL, and bidi/invisible format characters that
# can reorder or hide text on screen.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _picture(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 control pictures: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """Text with control and bidi characters shown as visible symbols (␛, <U+202E>)."""
    out = _UNSAFE.sub(_picture, text)
    if not keep_newlines:
        out = out.replace("\r", "␍").replace("\n", "␤")
    return out


def one_line(text: str) -> str:
    """Printable text on one line: whitespace runs (newlines included) become one space."""
    return printable(" ".join(text.split()))
