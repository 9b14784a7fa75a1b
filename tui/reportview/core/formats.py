"""Text out of non-text formats: HTML (base install), PDF and DOCX (optional extras).

Each extractor returns plain text with one block per line and blank lines between blocks,
so the rest of the pipeline treats every format alike. Offsets of figures refer to this text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from reportview.core.decoding import BinaryInputError, decode_bytes

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})

# Elements and class/id words that hold navigation, menus, counters and related lists.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "iframe", "menu", "button", "select", "figure > figcaption + *",
)
_DROP_WORDS = re.compile(
    r"(^|[\s_-])(menu|nav|navbar|breadcrumbs?|footer|header|sidebar|side-bar|related|relate|comments?|"
    r"share|social|banner|ads?|advert|widget|counter|stats?|toolbar|tags|popup|modal|cookie|"
    r"tin-?lien-?quan|tin-?khac|box-?tin|most-?viewed|login)($|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li td th dt dd blockquote pre div section article main tr figcaption br".split()
)
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


class MissingExtraError(Exception):
    """A format whose optional dependency is not installed; the message names the extra."""


def extract_text(path: Path, data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """(text, format, warnings) for HTML/PDF/DOCX files, or None for plain text files."""
    suffix = path.suffix.lower()
    if suffix in HTML_EXTENSIONS:
        return html_to_text(data), "html", ()
    if suffix == ".pdf":
        return pdf_to_text(data), "pdf", ()
    if suffix == ".docx":
        return docx_to_text(data), "docx", ()
    return None


def _decode_html(data: bytes) -> str:
    head = data[:2048].decode("ascii", errors="ignore")
    m = re.search(r"charset\s*=\s*[\"']?([\w-]+)", head, re.IGNORECASE)
    if m:
        try:
            return data.decode(m[1].lower().replace("utf8", "utf-8"), errors="replace")
        except LookupError:
            pass
    try:
        return decode_bytes(data).text
    except BinaryInputError:
        return data.decode("utf-8", errors="replace")


def html_to_text(data: bytes) -> str:
    """Main text of a saved web page: title, then the article's blocks, navigation dropped."""
    from selectolax.parser import HTMLParser

    tree = HTMLParser(_decode_html(data))
    title_node = tree.css_first("h1") or tree.css_first("title")
    title = _clean(title_node.text(separator=" ")) if title_node else ""
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for node in tree.css("[class], [id]"):
        attrs = node.attributes
        marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if _DROP_WORDS.search(marker) and node.tag not in ("body", "html", "main", "article"):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.css_first("[role=main]") or tree.body
    if root is None:
        return title
    blocks: list[str] = []
    _collect_blocks(root, blocks)
    if title and (not blocks or blocks[0] != title):
        if title in blocks[:3]:
            blocks.remove(title)
        blocks.insert(0, title)
    return "\n\n".join(b for b in blocks if b) + "\n"


def _collect_blocks(node, blocks: list[str]) -> None:  # noqa: ANN001 - selectolax node
    """Walk the tree and emit the text of each innermost block element as one paragraph."""
    inline: list[str] = []

    def flush() -> None:
        text = _clean(" ".join(inline))
        if text:
            blocks.append(text)
        inline.clear()

    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            inline.append(child.text_content or "")
        elif tag in _BLOCK_TAGS:
            flush()
            if tag != "br":
                _collect_blocks(child, blocks)
        elif tag not in ("-comment",):
            inline.append(child.text(separator=" ") or "")
        child = child.next
    flush()


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def pdf_to_text(data: bytes) -> str:
    """Text of a PDF's pages (needs the `pdf` extra)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise MissingExtraError("PDF needs the pdf extra: pip install 'reportview[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds on broken files
        raise BinaryInputError(f"unreadable PDF: {type(exc).__name__}") from None
    return _reflow("\n\n".join(pages))


def _reflow(text: str) -> str:
    """Normalise PDF line breaks: keep paragraph breaks, one block per line."""
    lines = [_clean(ln) for ln in text.splitlines()]
    return "\n".join(lines).strip() + "\n"


def docx_to_text(data: bytes) -> str:
    """Text of a Word document's paragraphs and tables (needs the `docx` extra)."""
    try:
        import docx
    except ImportError:
        raise MissingExtraError("DOCX needs the docx extra: pip install 'reportview[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zipfile/KeyError/... on broken files
        raise BinaryInputError(f"unreadable DOCX: {type(exc).__name__}") from None
    blocks = [_clean(p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.append(" | ".join(_clean(c.text) for c in row.cells))
    return "\n\n".join(b for b in blocks if b) + "\n"
