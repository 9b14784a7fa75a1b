"""Terminal safety: text from reports and file names never controls the terminal.

Every text output (CLI text/table/csv/tsv formats, stderr lines, the app) passes report text and
file names through `printable` or `one_line`. JSON outputs keep the exact text instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

# C0 and C1 controls (except tab and newline), DEL; bidi and invisible format characters that can
# reorder or hide text on screen (LRM/RLM/ALM, embeddings/overrides, isolates, BOM); the line and
# paragraph separators; interlinear annotation marks; and lone surrogates (undecodable bytes of a
# file name under surrogateescape), which cannot be printed at all.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def _picture(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 control pictures: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a file name that is not UTF-8
    return f"<U+{code:04X}>"


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """Text with control and bidi characters shown as visible symbols (␛, <U+202E>)."""
    out = _UNSAFE.sub(_picture, text)
    if not keep_newlines:
        out = out.replace("\n", "␤")
    return out


def one_line(text: str) -> str:
    """Printable text on one line: whitespace runs (newlines included) become one space."""
    return printable(" ".join(text.split()))


def is_safe(text: str) -> bool:
    """True when `text` holds nothing `printable` would change (newlines and tabs allowed)."""
    return _UNSAFE.search(text) is None


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def json_safe(dumped: str) -> str:
    """JSON text (from json.dumps(..., ensure_ascii=False)) with the characters `printable` would
    change written as \\uXXXX escapes: the parsed strings are exactly the same, and the raw output
    cannot reorder or control a terminal. (These characters only occur inside JSON strings.)"""
    return _UNSAFE.sub(_json_escape, dumped)


# One encoder for every line of a JSON Lines output, called directly: json.dumps(...,
# ensure_ascii=False) builds a new encoder per call, and JSONEncoder.encode builds its C encoder
# per call too; together half the time of writing 20k figure lines. Same bytes as json.dumps.
_JSONL_ENCODER = json.JSONEncoder(ensure_ascii=False)
_C_ENCODER = (
    json.encoder.c_make_encoder(
        # (A markers dict, as json.dumps passes: a cycle raises ValueError, not RecursionError.)
        {},
        _JSONL_ENCODER.default,
        json.encoder.encode_basestring,
        None,
        ": ",
        ", ",
        False,
        False,
        True,
    )
    if json.encoder.c_make_encoder is not None
    else None
)
_JSONL_CHUNK = 2000


def _encoded(obj: object) -> str:
    if _C_ENCODER is None:  # an interpreter without json's C speedups
        return _JSONL_ENCODER.encode(obj)
    return "".join(_C_ENCODER(obj, 0))


def json_lines(objs: Iterable[object]) -> Iterator[str]:
    """`objs` as JSON Lines (each line json.dumps(obj, ensure_ascii=False)), made safe as json_safe
    does, in chunks of lines (a newline is never escaped, so a chunk is safe as its lines are)."""
    encode = _encoded
    chunk: list[str] = []
    for obj in objs:
        chunk.append(encode(obj))
        if len(chunk) >= _JSONL_CHUNK:
            yield json_safe("\n".join(chunk) + "\n")
            chunk = []
    if chunk:
        yield json_safe("\n".join(chunk) + "\n")
