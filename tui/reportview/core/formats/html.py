"""The HTML reader (base install, selectolax): a saved page's main text, and its data tables.

The text has one block per line and blank lines between blocks; a table row is one block of its
cells joined by " | ", and each cell's span in that text is kept (rowspan/colspan resolved).
"""

from __future__ import annotations

import re

from reportview.core.decoding import decode_bytes, refuse_binary
from reportview.core.formats.blocks import Slot, TableBlock, assemble
from reportview.core.formats.registry import Extracted, Reader
from reportview.core.tables import is_numeric_cell

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
    """Main text of a saved web page (see read_html)."""
    return read_html(data).text


def read_html(data: bytes) -> Extracted:
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
        return Extracted(title + "\n" if title else "", "html")
    root = _main_block(tree, body)
    date = _page_date(tree, root)
    _drop_chrome(root)
    blocks: list[str | TableBlock] = []
    _collect_blocks(root, blocks)
    if date and not any(isinstance(b, str) and date in b for b in blocks[:4]):
        blocks.insert(0, date)
    if title and title not in blocks[:3]:
        blocks.insert(0, title)
    elif title and blocks[0] != title:
        blocks.remove(title)
        blocks.insert(0, title)
    text, tables = assemble(blocks, "\n\n")
    return Extracted(text + "\n" if text else "", "html", (), tables)


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
    if best is not None:
        # A cell of a data table is not the article: the block holding the table is.
        holder = _data_table_holder(best[1])
        if holder is not None:
            best = (total, holder)
    for selector in _MAIN_SELECTORS:
        for node in tree.css(selector):
            if best is None or _contains(node, best[1]) or _text_len(node) >= 0.5 * total:
                return node
    return best[1] if best is not None and best[0] >= 0.3 * total else body


def _data_table_holder(node):
    """The parent of the data table `node` is a cell of (numbers in its cells, no table inside),
    or None when `node` is no such cell (an old layout's text cell)."""
    if node.tag not in ("td", "th"):
        return None
    table = node.parent
    while table is not None and table.tag != "table":
        table = table.parent
    if table is None or table.parent is None or _holds_table(table):
        return None
    cells = [_clean(c.text(separator=" ")) for c in table.css("td, th")]
    if len(table.css("tr")) < 2 or not any(is_numeric_cell(c) for c in cells):
        return None
    return table.parent


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


def _collect_blocks(root, blocks: list[str | TableBlock]) -> None:
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
        elif tag == "table" and (table := _data_table(child)) is not None:
            flush()
            caption, block = table
            if caption:
                blocks.append(caption)
            blocks.append(block)
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


# Spans beyond this are mistakes of the page (rowspan="1000"), clipped to the table.
_MAX_SPAN = 100


def _span(node, name: str) -> int:
    try:
        return max(1, min(_MAX_SPAN, int((node.attributes.get(name) or "1").strip())))
    except ValueError:
        return 1


def _holds_table(table) -> bool:
    return any(n.tag == "table" for n in table.traverse(include_text=False) if n.mem_id != table.mem_id)


def _data_table(table) -> tuple[str, TableBlock] | None:
    """(caption, rows) of a table without tables inside (a layout table holds others), else None."""
    if _holds_table(table):
        return None
    caption_node = table.css_first("caption")
    caption = _clean(caption_node.text(separator=" ")) if caption_node is not None else ""
    block = TableBlock(source="html")
    occupied: dict[tuple[int, int], Slot] = {}
    trs = table.css("tr")
    for r, tr in enumerate(trs):
        c = 0
        own: list[Slot] = []
        for td in tr.iter(include_text=False):
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in occupied:
                c += 1
            slot = Slot(_clean(td.text(separator=" ")))
            rows, cols = _span(td, "rowspan"), _span(td, "colspan")
            for dr in range(min(rows, len(trs) - r)):
                for dc in range(cols):
                    occupied[(r + dr, c + dc)] = slot
            own.append(slot)
            c += cols
        block.written.append(own)
    width = 1 + max((c for _, c in occupied), default=-1)
    block.grid = [[occupied.get((r, c)) or Slot("") for c in range(width)] for r in range(len(trs))]
    return caption, block


READER = Reader("html", frozenset({".html", ".htm", ".xhtml"}), read_html, stores_text=True)
