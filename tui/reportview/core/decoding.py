"""Bytes to text: BOMs, UTF-8, UTF-16/32, legacy Vietnamese code pages; and an NFC view with offsets."""

from __future__ import annotations

import codecs
import unicodedata
from array import array
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes that never occur in text: their presence (outside UTF-16/32) marks a binary file.
_BINARY_CONTROL = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32))

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


def _binary_share(data: bytes) -> float:
    sample = data[:65536]
    if not sample:
        return 0.0
    controls = sum(sample.count(b) for b in _BINARY_CONTROL)
    return controls / len(sample)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; raise BinaryInputError when they are not text."""
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
    if _binary_share(data) > 0.01:
        raise BinaryInputError("binary file (control bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - bad
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
    """The NFC form of a source text, with a map from NFC offsets back to source offsets."""

    text: str
    _to_source: array | None

    def source(self, offset: int) -> int:
        """The source offset of an NFC offset (identity when the source was already NFC)."""
        if self._to_source is None:
            return offset
        return self._to_source[offset]


def nfc_view(source: str) -> NormalizedText:
    """Normalise to NFC cluster by cluster so that every NFC index maps back to the source."""
    if source.isascii() or unicodedata.is_normalized("NFC", source):
        return NormalizedText(source, None)
    out: list[str] = []
    mapping = array("l")
    i = 0
    n = len(source)
    combining = unicodedata.combining
    while i < n:
        j = i + 1
        # A cluster is a starter followed by its combining marks (and Vietnamese tone marks).
        while j < n and (combining(source[j]) or unicodedata.category(source[j]) == "Mn"):
            j += 1
        cluster = source[i:j]
        piece = unicodedata.normalize("NFC", cluster)
        out.append(piece)
        mapping.extend([i] * len(piece))
        i = j
    mapping.append(n)
    return NormalizedText("".join(out), mapping)
