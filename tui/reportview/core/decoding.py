"""Bytes to text: BOMs, UTF-8, UTF-16/32, legacy Vietnamese code pages; and an NFC view with offsets."""

from __future__ import annotations

import codecs
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters that never occur in text: C0 controls other than tab, LF, VT, FF, CR and ESC.
# (ESC is left to the terminal-safety layer: a report quoting an escape sequence is still text.)
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# How much of the text's first 64K characters may be such controls (NUL counts double-weighted
# through its own, much lower, limit) before the file is called binary.
_MAX_CONTROL_SHARE = 0.05
_MAX_NUL_SHARE = 0.001
_SAMPLE = 65536

# Legacy code pages tried in order when a file is not UTF-8; cp1258 is the Windows Vietnamese one.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1258", "cp1252")


class BinaryInputError(ValueError):
    """The bytes are not text in any encoding we read."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _looks_utf16(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the zero bytes of ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def refuse_binary(text: str) -> None:
    """Raise BinaryInputError when decoded text is full of controls (NULs above all)."""
    sample = text[:_SAMPLE]
    if not sample:
        return
    nuls = sample.count("\x00")
    if nuls and nuls > _MAX_NUL_SHARE * len(sample):
        raise BinaryInputError("binary file (NUL bytes), not text")
    controls = len(_BINARY_CONTROL.findall(sample))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInputError("binary file (control bytes), not text")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; raise BinaryInputError when they are not text (and nothing else)."""
    decoded = _decode(bytes(data))
    refuse_binary(decoded.text)
    return decoded


def decode_again(data: bytes, encoding: str, warnings: tuple[str, ...]) -> str:
    """The text `decode_bytes(data)` gave before, when it said `encoding` and `warnings` (a cached
    parse of the same bytes): plain UTF-8 is decoded without detecting it again."""
    if encoding == "utf-8" and not warnings:  # _decode's strict UTF-8 path: no BOM, no UTF-16
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return decode_bytes(data).text


def _decode(data: bytes) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text = body.decode(encoding, errors="replace")
            warnings = ("invalid bytes replaced by U+FFFD",) if "\ufffd" in text else ()
            return Decoded(text, encoding + ("-sig" if encoding == "utf-8" else ""), warnings)
    utf16 = _looks_utf16(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return Decoded(text, utf16, ("no BOM: read as " + utf16,))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # Non-ASCII characters that decoded fine (counted at C speed).
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    # Mostly UTF-8 with a few broken bytes: keep it, marking the damage.
    if multibyte >= 4 * bad:
        return Decoded(text, "utf-8", (f"{bad} invalid UTF-8 byte(s) replaced by U+FFFD",))
    for encoding in LEGACY_ENCODINGS:
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode("cp1258", errors="replace"), "cp1258", ("undecodable bytes replaced",))


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The NFC form of a source text, with maps from NFC offsets back to source offsets.

    Normalisation works cluster by cluster (a starter and its combining marks), so an NFC offset
    inside a cluster has no exact source offset: a start maps to the cluster's start and an end
    to the cluster's end, so that a mapped span always covers the whole characters it touches.
    """

    text: str
    _to_source: array | None
    _ends: array | None = None

    def source(self, offset: int) -> int:
        """The source offset of an NFC start offset (identity when the source was already NFC)."""
        if self._to_source is None:
            return offset
        return self._to_source[offset]

    def source_end(self, offset: int) -> int:
        """The source offset of an NFC end offset: the end of the cluster holding text[offset - 1]."""
        if self._ends is None or offset == 0:
            return offset
        return self._ends[offset - 1]


def nfc_view(source: str) -> NormalizedText:
    """Normalise to NFC cluster by cluster so that every NFC index maps back to the source.

    A cluster is a character and the combining marks after it (Vietnamese tone marks among
    them); only clusters with marks and single characters that NFC replaces can change, so the
    text between them is copied with an identity map.
    """
    if source.isascii() or unicodedata.is_normalized("NFC", source):
        return NormalizedText(source, None)
    out: list[str] = []
    mapping = array("l")
    ends = array("l")
    last = 0
    normalize = unicodedata.normalize
    for m in _marks_or_replaced(_ASTRAL.search(source) is not None).finditer(source):
        i, j = m.span()
        if m.lastindex == 1 and i > 0:
            i -= 1  # the marks' cluster starts at the character before them
            if i < last:
                # That character was a lone replaced one, already written: write it again with its marks.
                written = len(out.pop())
                del mapping[-written:], ends[-written:]
        if i > last:
            out.append(source[last:i])
            mapping.extend(range(last, i))
            ends.extend(range(last + 1, i + 1))
        piece = normalize("NFC", source[i:j])
        out.append(piece)
        mapping.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        last = j
    n = len(source)
    if last < n:
        out.append(source[last:])
        mapping.extend(range(last, n))
        ends.extend(range(last + 1, n + 1))
    mapping.append(n)
    return NormalizedText("".join(out), mapping, ends)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=2)
def _marks_or_replaced(astral: bool) -> re.Pattern[str]:
    """A run of combining marks (group 1), or a character that NFC replaces (group 2).

    Without `astral` only the Basic Multilingual Plane is covered: the regex engine tests such a
    class with a bitmap, and ten times slower once it holds a character beyond U+FFFF.
    """
    # Marks and NFC singletons all lie below U+30000 but for the variation selectors at U+E0100.
    codes = [*range(0x30000), *range(0xE0000, 0xE1000)] if astral else range(0x10000)
    category, combining, normalize = unicodedata.category, unicodedata.combining, unicodedata.normalize
    marks = [c for c in codes if combining(chr(c)) or category(chr(c)) == "Mn"]
    replaced = [c for c in codes if normalize("NFC", chr(c)) != chr(c)]
    # A leading character class (no "." first) lets the regex engine skip plain text quickly.
    return re.compile(f"([{_char_class(marks)}]+)|([{_char_class(replaced)}])")


def _char_class(codes: list[int]) -> str:
    """A regex character class body for sorted code points, as ranges of escapes."""
    parts: list[str] = []
    start = prev = codes[0]
    for c in [*codes[1:], -1]:
        if c == prev + 1:
            prev = c
            continue
        parts.append(f"\\U{start:08x}" if start == prev else f"\\U{start:08x}-\\U{prev:08x}")
        start = prev = c
    return "".join(parts)
