"""Markdown markup in a report's text: headings and emphasis, as spans the reader styles.

The text stays as written (figure offsets index it); these spans say which stretches are a
heading or emphasis ("md-heading", "md-strong", "md-em") and which are the marks themselves
("md-mark": `#`, `**`, `*`), which the reader leaves out.
"""

from __future__ import annotations

import re

from reportview.core.model import Span

_HEADING = re.compile(r"^(#{1,6}[ \t]+)(.+?)([ \t]+#+)?[ \t]*$", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")


def markdown_spans(text: str) -> tuple[Span, ...]:
    """Headings and emphasis of a Markdown text, with their marks, in text order."""
    out: list[Span] = []
    for m in _HEADING.finditer(text):
        out.append(Span(m.start(1), m.end(1), "md-mark"))
        out.append(Span(m.start(2), m.end(2), "md-heading"))
        if m.group(3):
            out.append(Span(m.start(3), m.end(3), "md-mark"))
    for m in _STRONG.finditer(text):
        out.append(Span(m.start(1), m.end(1), "md-mark"))
        out.append(Span(m.start(2), m.end(2), "md-strong"))
        out.append(Span(m.end(2), m.end(), "md-mark"))
    for m in _EM.finditer(text):
        out.append(Span(m.start(), m.start() + 1, "md-mark"))
        out.append(Span(m.start(1), m.end(1), "md-em"))
        out.append(Span(m.end(1), m.end(), "md-mark"))
    return tuple(sorted(out, key=lambda s: (s.start, s.end)))


# Tags left in a plain-text copy of a web page ("<br />ADMINISTRATOR", "</p>"): marks the reader leaves
# out, like Markdown's, and no part of a title or a label (labels.py reads this pattern too).
PAGE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,9}\s*/?>")


def page_tag_spans(text: str) -> tuple[Span, ...]:
    """The tags a copied page left in a plain text, as marks ("md-mark"), in text order."""
    if "<" not in text:
        return ()
    return tuple(Span(m.start(), m.end(), "md-mark") for m in PAGE_TAG.finditer(text))


def unmarked(line: str) -> str:
    """A line of Markdown without its marks ("**Bảng 5.** Thu ngân sách" -> "Bảng 5. Thu ngân sách"):
    how a heading or an emphasised title reads in a list of sections."""
    line = " ".join(PAGE_TAG.sub(" ", line).split()) if "<" in line else line
    line = _HEADING.sub(lambda m: m[2], line)
    line = _STRONG.sub(lambda m: m[2], line)
    line = _EM.sub(lambda m: m[1], line)
    # A title cut inside an emphasis ("**Bảng 5." of "**Bảng 5. Thu ngân sách**") keeps one mark.
    return _EDGE_MARK.sub("", line)


_EDGE_MARK = re.compile(r"^(?:\*\*|__)(?=\S)|(?<=\S)(?:\*\*|__)$")
