"""Text out of non-text formats: HTML (base install), PDF and DOCX (optional extras).

Each extractor returns plain text with one block per line and blank lines between blocks,
so the rest of the pipeline treats every format alike. Offsets of figures refer to this text.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from reportview.core.decoding import BinaryInputError, decode_bytes, refuse_binary

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})

# Never text of the page: code, media, forms and the page's own chrome.
_DROP_ALWAYS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "head",
)
# Navigation and asides: dropped inside the main block too (but never the main block itself).
_DROP_CHROME = ("nav", "aside", "footer", "menu", "dialog")
# Class/id words of navigation, menus, counters, share bars, comments and related-article lists.
_DROP_WORDS = re.compile(
    r"(^|[\s_-])(menu|menus|nav|navbar|navigation|breadcrumbs?|footer|sidebar|side-bar|related|relate|"
    r"comments?|comment-box|share|sharing|social|banner|ads?|advert|advertisement|widget|counter|"
    r"view-?count|views?|luot-?xem|stats?|toolbar|tags?|tag-?list|keywords?|popup|modal|cookie|"
    r"tin-?lien-?quan|tin-?khac|tin-?cung-?chuyen-?muc|box-?tin|doc-?nhieu|most-?viewed|most-?read|"
    r"login|subscribe|newsletter|pagination|pager|print|rating|topbar|top-bar|hotline)($|[\s_-])",
    re.IGNORECASE,
)
_MAIN_SELECTORS = ("[itemprop=articleBody]", "article", "main", "[role=main]")
_BLOCK_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "div",
        "section",
        "article",
        "main",
        "figcaption",
        "br",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "center",
        "address",
        "hr",
    ]
)
_SPACES = re.compile(r"[ \t\r\n\u00a0\u200b\u2009\u202f]+")
# A list or box whose text is mostly links is a link list (related articles, menus), not prose.
_LINK_DENSITY = 0.6


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
    """The page's text: a BOM wins, then the declared charset, then our own detection."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data).text
    head = data[:4096].decode("ascii", errors="ignore")
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", head, re.IGNORECASE)
    if m:
        label = m[1].lower().replace("utf8", "utf-8")
        if not label.startswith(("utf-16", "utf-32", "utf16", "utf32")):  # a BOM-less "utf-16" lies
            try:
                text = data.decode(label, errors="replace")
            except LookupError:
                pass
            else:
                refuse_binary(text)
                return text
    return decode_bytes(data).text


def html_to_text(data: bytes) -> str:
    """Main text of a saved web page: the title, then the article's blocks, chrome dropped.

    The article is the first of itemprop=articleBody/article/main that holds most of the page's
    paragraph text, else the element whose paragraphs hold the most text. Inside it, navigation,
    asides, counters, share bars, comment boxes and link lists (related articles) are dropped.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_decode_html(data))
    for tag in _DROP_ALWAYS:
        for node in tree.css(tag):
            node.decompose()
    title = _page_title(tree)
    body = tree.body
    if body is None:
        return title + "\n" if title else ""
    root = _main_block(tree, body)
    date = _page_date(tree, root)
    _drop_chrome(root)
    blocks: list[str] = []
    _collect_blocks(root, blocks)
    if date and not any(date in b for b in blocks[:4]):
        blocks.insert(0, date)
    if title and title not in blocks[:3]:
        blocks.insert(0, title)
    elif title and blocks[0] != title:
        blocks.remove(title)
        blocks.insert(0, title)
    return "\n\n".join(b for b in blocks if b) + "\n" if blocks else ""


def _page_title(tree) -> str:
    """The headline: the article's h1, the page's first h1, og:title, or <title>."""
    for selector in ("article h1", "[itemprop=articleBody] h1", "main h1", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            text = _clean(node.text(separator=" "))
            if text:
                return text
    meta = tree.css_first('meta[property="og:title"]')
    if meta is not None and _clean(meta.attributes.get("content") or ""):
        return _clean(meta.attributes.get("content") or "")
    node = tree.css_first("title")
    return _clean(node.text(separator=" ")) if node is not None else ""


_DATE = re.compile(r"\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})\b(\s*[-,]?\s*\d{1,2}:\d{2})?")
_DATE_SELECTORS = (
    "time",
    "[itemprop=datePublished]",
    "[class*=date]",
    "[class*=time]",
    "[class*=publish]",
    "[class*=ngay]",
)


def _page_date(tree, root) -> str | None:
    """The publication date shown outside the article block (its line), for the outline's date."""
    for selector in _DATE_SELECTORS:
        for node in tree.css(selector)[:20]:  # the date is near the top; never scan thousands
            if _contains(node, root) or _contains(root, node):
                continue
            for text in (_clean(node.text(separator=" ")), node.attributes.get("datetime") or ""):
                m = _DATE.search(text)
                if m and len(text) <= 80:
                    return m.group(0)
    meta = tree.css_first('meta[property="article:published_time"]')
    if meta is not None:
        m = _DATE.search(meta.attributes.get("content") or "")
        if m:
            return m.group(1)
    return None


def _text_len(node) -> int:
    return len(_clean(node.text(separator=" ")))


def _main_block(tree, body):
    """The element holding the article (see html_to_text)."""
    scores: dict[int, tuple[int, object]] = {}
    for p in tree.css("p, pre, blockquote, li, td"):
        # A table cell holding text directly (old layouts: <td>text<br>text</td>) is its own block.
        parent = p if p.tag == "td" and p.css_first("p") is None else p.parent
        if parent is None:
            continue
        length = _text_len(p)
        if length < 20:
            continue
        key = parent.mem_id
        old = scores.get(key, (0, parent))[0]
        scores[key] = (old + length, parent)
    best = max(scores.values(), key=lambda item: item[0], default=None)
    total = sum(score for score, _ in scores.values()) or 1
    for selector in _MAIN_SELECTORS:
        for node in tree.css(selector):
            if best is None or _contains(node, best[1]) or _text_len(node) >= 0.5 * total:
                return node
    return best[1] if best is not None and best[0] >= 0.3 * total else body


def _contains(outer, inner) -> bool:
    node = inner
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


def _drop_chrome(root) -> None:
    """Remove navigation, asides, counters, share bars and link lists under `root`."""
    for tag in _DROP_CHROME:
        for node in root.css(tag):
            node.decompose()
    for node in root.css("[class], [id]"):
        attrs = node.attributes
        marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if node.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "main", "body"):
            continue
        if _DROP_WORDS.search(marker) and node.mem_id != root.mem_id:  # never the block itself
            node.decompose()
    _drop_link_lists(root)


_LIST_TAGS = frozenset({"ul", "ol", "div", "section", "table"})


def _drop_link_lists(root) -> None:
    """Remove lists and boxes under `root` whose text is mostly link text (related articles,
    menus). One pass over the tree, without recursion: text and link-text lengths are summed
    bottom-up, then the outermost link-dense boxes are removed."""
    nodes: list = []
    parents: list[int] = []
    text = [0]
    linked = [0]
    stack = [(root, -1, False)]
    while stack:
        node, parent, in_link = stack.pop()
        idx = len(nodes)
        nodes.append(node)
        parents.append(parent)
        own = own_linked = 0
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                n = len(" ".join((child.text_content or "").split()))
                own += n
                own_linked += n if in_link else 0
            elif tag != "-comment":
                stack.append((child, idx, in_link or tag == "a"))
            child = child.next
        if idx:
            text.append(own)
            linked.append(own_linked)
        else:
            text[0], linked[0] = own, own_linked
    for idx in range(len(nodes) - 1, 0, -1):  # children come after their parents
        text[parents[idx]] += text[idx]
        linked[parents[idx]] += linked[idx]
    dropped = [False] * len(nodes)
    for idx in range(1, len(nodes)):
        if dropped[parents[idx]]:
            dropped[idx] = True
            continue
        if nodes[idx].tag in _LIST_TAGS and text[idx] and linked[idx] / text[idx] >= _LINK_DENSITY:
            dropped[idx] = True
            nodes[idx].decompose()


def _collect_blocks(root, blocks: list[str]) -> None:
    """Emit the text of each innermost block element under `root` as one paragraph.

    Iterative (a page nested 20,000 deep is fine): one stack entry per open block, holding the
    next child to visit; text between block boundaries is gathered and flushed as a paragraph.
    """
    inline: list[str] = []

    def flush() -> None:
        text = _clean("".join(inline))
        if text:
            blocks.append(text)
        inline.clear()

    stack = [root.child]
    while stack:
        child = stack[-1]
        if child is None:
            stack.pop()
            flush()
            continue
        stack[-1] = child.next
        tag = child.tag
        if tag == "-text":
            inline.append(child.text_content or "")
        elif tag == "tr":
            flush()
            cells = [_clean(c.text(separator=" ")) for c in child.css("td, th")]
            row = " | ".join(c for c in cells if c)
            if row:
                blocks.append(row)
        elif tag in _BLOCK_TAGS:
            flush()
            stack.append(child.child)
        elif tag != "-comment":
            inline.append(child.text(separator="") or "")
    flush()


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def pdf_to_text(data: bytes) -> str:
    """Text of a PDF's pages, lines re-joined into paragraphs (needs the `pdf` extra)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise MissingExtraError("PDF needs the pdf extra: pip install 'reportview[pdf]'") from None
    # pypdf reports damaged objects through logging; with no handler Python would print them.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    logging.getLogger("pypdf").propagate = False
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise BinaryInputError("encrypted PDF (a password is needed)")
        pages = [_page_text(page) for page in reader.pages]
    except BinaryInputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on broken files
        raise BinaryInputError(f"unreadable PDF: {type(exc).__name__}") from None
    return reflow_pdf_pages(pages)


def _page_text(page) -> str:
    """A page's text in layout mode (blank lines where the page leaves a gap between paragraphs),
    or in plain mode when layout mode cannot read the page."""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode is newer and stricter; plain mode reads more fonts
        return page.extract_text() or ""


_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:trang|page)?\s*\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I)
_LIST_START = re.compile(r"^(?:\d{1,3}[.)]|[IVXLC]{1,6}[.)]|[a-zđ][.)]|[-–•*+])\s")
_SENTENCE_END = '.:;!?…"”’)'


def reflow_pdf_pages(pages: list[str]) -> str:
    """One paragraph per line from PDF page text, whose lines break wherever the page was full.

    A line joins the next when it was full (at least 3/4 of the longest line) or stops mid-sentence
    before a lower-case word; before a list marker ("2. ", "- ") only when it was full and stops
    mid-sentence; across a page break not after a sentence end. Page numbers alone on the first or
    last line of a page are dropped.
    """
    page_lines: list[list[str]] = []
    for page in pages:
        lines = [_clean(ln) for ln in page.splitlines()]
        while lines and (not lines[0] or _PAGE_NUMBER.match(lines[0])):
            lines.pop(0)
        while lines and (not lines[-1] or _PAGE_NUMBER.match(lines[-1])):
            lines.pop()
        page_lines.append(lines)
    widths = sorted(len(ln) for lines in page_lines for ln in lines if ln)
    if not widths:
        return ""
    # The width of a full line: a high percentile, so one over-long line does not set it.
    full = 0.75 * widths[min(len(widths) - 1, int(len(widths) * 0.9))]
    paragraphs: list[str] = []
    current: list[str] = []
    last = ""
    lines_with_page_starts = ((ln, i == 0) for lines in page_lines for i, ln in enumerate(lines))
    for line, page_start in lines_with_page_starts:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
            current, last = [], ""
            continue
        # Across a page break there is no gap to see: a full last line that ends a sentence
        # ends the paragraph unless the next page goes on in lower case.
        across = page_start and last[-1:] in tuple(_SENTENCE_END) and not line[0].islower()
        if current and not across and _continues(last, line, full):
            current.append(line)
        else:
            if current:
                paragraphs.append(" ".join(current))
            current = [line]
        last = line
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs) + "\n"


def _continues(prev: str, line: str, full: float) -> bool:
    full_line = len(prev) >= full
    if _LIST_START.match(line):
        # "… chỉ là con số" / "0. Chỉ có …": a wrap before a number, not a list item, when the line
        # before is full and stops mid-sentence.
        return full_line and prev[-1] not in _SENTENCE_END
    if full_line:
        return True
    return prev[-1] not in _SENTENCE_END and line[0].islower()


def docx_to_text(data: bytes) -> str:
    """Text of a Word document's paragraphs and tables in document order (needs the `docx` extra)."""
    try:
        import docx
    except ImportError:
        raise MissingExtraError("DOCX needs the docx extra: pip install 'reportview[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        items = document.iter_inner_content() if hasattr(document, "iter_inner_content") else None
        if items is None:  # python-docx < 1.1: paragraphs, then tables
            items = [*document.paragraphs, *document.tables]
        for item in items:
            if hasattr(item, "rows"):
                for row in item.rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        text = _clean(cell.text)
                        if text and (not cells or cells[-1] != text):  # merged cells repeat
                            cells.append(text)
                    blocks.append(" | ".join(cells))
            else:
                blocks.append(_clean(item.text))
    except Exception as exc:  # python-docx raises zipfile/KeyError/lxml errors on broken files
        raise BinaryInputError(f"unreadable DOCX: {type(exc).__name__}") from None
    return "\n\n".join(b for b in blocks if b) + "\n" if any(blocks) else ""
