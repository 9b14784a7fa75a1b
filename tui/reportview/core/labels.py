"""The words around a figure that say what it means: its label (by the sentence's structure) and base."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportview.core import lexicon as lx
from reportview.core.markup import PAGE_TAG
from reportview.core.periods import PERIOD_WORDS
from reportview.core.places import place_kind

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
# Where a clause ends when walking back from a figure (commas split list items).
_LAST_PUNCT = re.compile(r"[,;:.()\"“”][^,;:.()\"“”]*$")


def words_before(text: str, pos: int, window: int = 40) -> list[str]:
    """The lower-cased words of the clause right before `pos` (what qualifiers and changes read)."""
    start = max(0, pos - window)
    line = text.rfind("\n", start, pos) + 1
    chunk = text[max(start, line) : pos]
    # Stop at the last punctuation: qualifiers stand right before the number.
    last = _LAST_PUNCT.search(chunk)
    if last:
        chunk = chunk[last.start() + 1 :]
    return [w.lower() for w in _WORD.findall(chunk)]


_BASE_SO = re.compile(
    r"\s*\(?\s*(so\s+(?:với\s+)?[^,;:.()…\n]{2,40}?)(?=\s*(?:[,;:.()…\n]|$|(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lx.BASE_STOPS)
    + r")\s))",
    re.IGNORECASE,
)
_BASE_EN = re.compile(
    r"\s*((?:compared\s+(?:with|to)|from|than)\s+[^,;.()\n]{2,30}?)(?=\s*[,;.()\n]|$)", re.IGNORECASE
)


# "kế hoạch" + up to three words + "đề ra" / "giao" ("dự toán HĐND tỉnh giao"), no digit or break between.
_BASE_TAIL = re.compile(
    r"(?:\s+[^\W\d_]+){0,3}?\s+(?:" + "|".join(re.escape(t) for t in lx.BASE_TAILS) + r")(?![\w])"
)


def base_after(text: str, end: int, lang: str = "vi") -> str | None:
    """The comparison after a figure: "so với năm 2020", "so cùng kỳ", "kế hoạch", "dự toán"."""
    m = _BASE_SO.match(text, end) or (_BASE_EN.match(text, end) if lang == "en" else None)
    if m:
        return " ".join(m[1].split())
    raw = text[end : end + 48].lstrip()
    head = raw.lower()
    if not head.startswith(lx.BASE_WORDS):
        return None  # (one test for the common case: no base word at all)
    for word in lx.BASE_WORDS:
        after = head[len(word) : len(word) + 1]
        if head.startswith(word) and not after.isalnum() and after not in _WORD_JOINERS:
            # As written ("Nghị quyết đề ra", "dự toán trung ương giao"), with the words that finish it.
            n = len(word)
            m = _BASE_TAIL.match(head, n)
            if m:
                n = m.end()
            return " ".join(raw[:n].split())
    return None


_DIGIT = re.compile(r"\d")
# Characters that join a base word into a longer name ("KH&CN" is khoa học và công nghệ, not a plan).
_WORD_JOINERS = frozenset("&")
_TRAILING_COMPARISON = re.compile(
    r"\s+(?:so\s+với|so\s+cùng\s+kỳ|compared\s+(?:with|to))\s.*$", re.IGNORECASE
)
# "(theo giá so sánh 2010)", "tính theo giá hiện hành năm 2023": how it is measured, not what.
_QUALIFIER_TAIL = re.compile(
    r"\s*(?:\((?:"
    + "|".join(lx.LABEL_FOOTNOTES)
    + r")\b[^()]*\)|\b(?:"
    + "|".join(lx.LABEL_FOOTNOTES)
    + r")\b.*$)",
    re.IGNORECASE,
)
# Words without which no digit-free period can stand in a label ("quý I", "tháng Ba", "nửa đầu năm").
_PERIOD_HINTS = (
    *lx.PERIOD_QUARTER_WORDS,
    *lx.PERIOD_MONTH_WORDS,
    *{w.split()[0] for w in lx.PERIOD_HALF_WORDS},
)
# The first letters a period can open a label with ("năm 2024 ...", "quý I ...", "6 tháng ...").
_PERIOD_FIRST = frozenset(
    w[0]
    for w in (*lx.PERIOD_YEAR_WORDS, *lx.PERIOD_QUARTER_WORDS, *lx.PERIOD_MONTH_WORDS, *lx.PERIOD_TERM_WORDS)
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:])")


def fronted_bases(
    text: str, spans: list[tuple[int, int]], bases: list[str | None], changes: list[str | None]
) -> list[str | None]:
    """Bases stated before the figure ("so với cùng kỳ giảm 12 vụ (10,9%), giảm 8 người chết", "beating
    the plan by 0.9%"): the figure's own, and for the changes after it in the same sentence that
    state none."""
    out = list(bases)
    carried: str | None = None
    for k, (s, _e) in enumerate(spans):
        if k and _SENTENCE_END.search(text, spans[k - 1][1], s):
            carried = None
        if out[k] is not None:
            continue
        own = _fronted_base(text, s)
        if own:
            out[k] = carried = own
        elif carried and (changes[k] or _bare_paren(text[spans[k - 1][1] : s])):
            out[k] = carried  # "giảm 12 vụ (10,9%)": the share of that change, against the same base
    return out


def _bare_paren(gap: str) -> bool:
    """The gap between a figure and the next opens a parenthesis after its unit ("12 vụ (10,9%")."""
    gap = gap.rstrip()
    return gap.endswith("(") and len(gap.split()) <= 3 and not any(c.isdigit() for c in gap)


def _fronted_base(text: str, s: int) -> str | None:
    chunk = text[max(0, s - 80) : s]
    clause_text = chunk[_clause_start(chunk) :]
    head = clause_text.split(maxsplit=1)
    if not head:
        return None
    first = head[0].lower()
    if first not in lx.LABEL_COMPARISON_LEADS and first not in lx.BASE_STARTS:
        return None  # (decided by the first word: the clause is split only when it opens a comparison)
    clause = clause_text.split()
    if first in lx.LABEL_COMPARISON_LEADS and len(clause) > 1:
        # "beating the plan by": what is beaten.
        words = clause[1:]
        _strip_phrases(words, lx.LABEL_TRAILING, from_end=True)
        return " ".join(words) or None
    if first not in lx.BASE_STARTS:
        return None
    low = [w.lower() for w in clause]
    # "so với cùng kỳ giảm": the comparison, up to the change word.
    for i, w in enumerate(low[1:], 1):
        if w in lx.CHANGES_BEFORE or w in lx.QUALIFIERS_BEFORE or w in lx.FILLERS:
            return " ".join(clause[:i]) if i > 1 else None
    return None


# "(GRDP, theo giá so sánh năm 2010)" -> "(GRDP)": the name, not its footnote.
_PAREN_TAIL = re.compile(r"\(([^,;()]+)[,;][^()]*\)")


def _drop_footnotes(phrase: str) -> str:
    """ "(GRDP, theo giá so sánh năm 2010)" -> "(GRDP)"; "... (theo giá so sánh 2010)" and "... tính theo
    giá hiện hành năm 2023" dropped (cheap tests first: most phrases hold neither)."""
    if "(" in phrase:
        phrase = _PAREN_TAIL.sub(r"(\1)", phrase)
    if "giá" in phrase or "Giá" in phrase:
        phrase = _QUALIFIER_TAIL.sub("", phrase)
    return phrase


def _decapitalised(phrase: str) -> str:
    """A phrase that opened its sentence, now inside a label: its capital dropped ("Thành lập mới" ->
    "thành lập mới"), unless it is a name or acronym ("Sa Pa ước đón", "MB dự định")."""
    if phrase[:2].istitle() and not _names_place_or_person(" ".join(phrase.split()[:2])):
        return phrase[0].lower() + phrase[1:]
    return phrase


def _names_place_or_person(words: str) -> bool:
    """Whether words open with a proper name: every word capitalised ("Sa Pa", "Bình Thuận"), not a
    sentence start ("Thành lập mới")."""
    parts = words.split()
    return len(parts) > 1 and all(p[:1].isupper() for p in parts)


def _opens_with(low: str, heads: tuple[str, ...]) -> bool:
    """Whether a lower-cased phrase opens with one of `heads` as whole words ("tổng chi ngân sách", not
    "tổng chiều dài" for "tổng chi")."""
    return _words_open_with(low.split(None, _HEAD_WORDS)[:_HEAD_WORDS], heads)


_HEAD_WORDS = max(len(h.split()) for h in (*lx.LABEL_LIST_HEADS, *lx.LABEL_INDICATOR_HEADS))


@lru_cache(maxsize=8)
def _head_set(heads: tuple[str, ...]) -> frozenset[str]:
    return frozenset(h.strip() for h in heads)


def _words_open_with(words: list[str], heads: tuple[str, ...]) -> bool:
    """Whether lower-cased words open with one of `heads` (a set lookup per length, not a scan)."""
    table = _head_set(heads)
    return any(" ".join(words[:n]) in table for n in range(1, min(len(words), _HEAD_WORDS) + 1))


def _long_name(phrase: str) -> bool:
    """A name that may run past LABEL_MAX_WORDS, kept from its start: a headed list, or a phrase opened
    by an indicator's head ("giá trị sản phẩm thu hoạch trên mỗi ha mặt nước nuôi trồng thủy sản", 15
    words: cut from its start it lost "giá" of "giá trị")."""
    if _headed_list(phrase):
        return True
    lows = phrase.lower().split()
    # ("tổng kim ngạch xuất khẩu ...": a total of an indicator opens with it too.)
    head = lows[1:] if lows[:1] and lows[0] in lx.LABEL_TOTAL_WORDS else lows
    if not (
        _opens_with(" ".join(lows), lx.LABEL_INDICATOR_HEADS)
        or _opens_with(" ".join(head), lx.LABEL_INDICATOR_HEADS)
    ):
        return False
    # ("Cơ cấu kinh tế chuyển dịch ... theo hướng giảm dần tỷ trọng nông nghiệp": an indicator reached
    # after a verb names it, the words nearest the figure.)
    heads = lx.LABEL_INDICATOR_HEADS
    return not any(
        _words_open_with(lows[i : i + _HEAD_WORDS], heads) and _has_verb(" ".join(lows[1:i]))
        for i in range(2, len(lows))
    )


def _headed_list(phrase: str) -> bool:
    """A list opened by an indicator's head ("Tổng mức bán lẻ hàng hóa và doanh thu ..."): one name."""
    low = phrase.lower()
    return _opens_with(low, lx.LABEL_LIST_HEADS) and any(j in low for j in lx.LABEL_LIST_JOINS)


def _clip(label: str, keep_end: bool = False) -> str:
    """One line of whole words: markup tags, unbalanced brackets and trailing connectives dropped (not the
    trailing verb of a count's attainment: `keep_end`), at most LABEL_MAX_WORDS words, a long name
    opened by an indicator's head LABEL_LIST_EXTRA_WORDS more (cut at a word, never with an ellipsis:
    the UI shortens for display)."""
    label = " ".join(label.split())
    if "<" in label:
        label = " ".join(PAGE_TAG.sub(" ", label).split())  # "<br />District (ESD)": a page's tags
    # (One space is all the white space left: the pattern runs only where it can match.)
    if " ," in label or " ;" in label or " :" in label:
        label = _SPACE_BEFORE_PUNCT.sub(r"\1", label)
    label = label.strip(" ,;:-–(/")
    if ", " in label:
        head, tail = label.split(", ", 1)
        lead = head.split()
        if tail and len(lead) <= lx.LABEL_FRONTED_WORDS and lead[0].lower() in lx.LABEL_FRONTED_OPENERS:
            # "Ở chiều ngược lại, nhập khẩu": the fronted adverbial names nothing ("Over the past
            # year, the rate": nor the article it leaves in front).
            label = _trimmed_phrase(tail.split())
    first, _, rest = label.partition(" ")
    if first.lower() in lx.LABEL_FRONTED_OPENERS and rest[:1].lower() in _PERIOD_FIRST:
        # "Trong tháng 10 thu ngân sách": a fronted period, without its comma.
        m = PERIOD_WORDS.match(rest)
        after = rest[m.end() :].strip(" ,") if m else ""
        if len(after.split()) >= 2 and not _weak_text(after):
            label = after
    if label[:1].isdigit() or label[:1].lower() in _PERIOD_FIRST:
        # "năm 2024 thu ngân sách nhà nước": a leading period is the figure's period, not its label.
        m = PERIOD_WORDS.match(label)
        rest = label[m.end() :].strip(" ,") if m else ""
        if len(rest.split()) >= 2 and not _weak_text(rest):  # ("năm 2019 thu": "thu" alone says less)
            label = rest
    label = _drop_footnotes(label).strip()
    if label.count("(") > label.count(")"):
        label = label[: label.rfind("(")].rstrip()
    if label.count(")") > label.count("("):
        label = label[label.find(")") + 1 :].strip(" ,;:-–")  # the end of a bracket cut at its start
    words = label.split()
    limit = lx.LABEL_MAX_WORDS
    if len(words) > limit and _long_name(label):
        limit += lx.LABEL_LIST_EXTRA_WORDS  # a list opened by an indicator's head is one name
    if len(words) > limit:
        words = words[:limit]
        if " ".join(words).count("(") > " ".join(words).count(")"):
            words = " ".join(words)[: " ".join(words).rfind("(")].split()
    if not keep_end:  # ("1 chỉ tiêu chưa đạt": the verb at the end is what the count is of)
        _strip_phrases(words, lx.LABEL_TRAILING, from_end=True)
    return " ".join(words).strip(" ,;:-–(")


# (A full stop after "TP", "TX", "Tp" abbreviates a place kind: "TP. Hồ Chí Minh" is one name. The
# look-behinds follow the dot: tested only at a dot, not at every position the scan backs over; one
# per abbreviation, as a look-behind must be of fixed width; a one-letter one is a whole word.)
_ABBREV_STOP = (
    r"\."
    + "".join(
        rf"(?<!\b{re.escape(a)}\.)" if len(a) == 1 else rf"(?<!{re.escape(a)}\.)"
        for a in lx.LABEL_NAME_ABBREVIATIONS
    )
    + r"(?=\s)"
)
# A full stop glued to the next sentence ("... 6,5%.Tổng giá trị sản xuất ..."): after a small letter or
# a percent sign, before a capital (not "TP.Hồ Chí Minh": a capital stands before that dot).
_LOWER = "a-z" + "".join(sorted(set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")))
# (The dot is matched first: a pattern opening with a look-behind is tried at every position.)
_GLUED_STOP = (
    rf"\.(?<=[{_LOWER}%]\.)"
    + "".join(rf"(?<!{re.escape(a)}\.)" for a in lx.LABEL_NAME_ABBREVIATIONS if len(a) > 1)  # "Tp.Hồ"
    + rf"(?=[A-ZĐ{_LOWER.upper()[3:]}][{_LOWER}])"
)
_BREAKS = re.compile(r"[;:\n!?()…\"“”]|,(?=\s)|" + _ABBREV_STOP + "|" + _GLUED_STOP)
# Up to the last clause break (the common case: no parenthesis to balance).
_UP_TO_LAST_BREAK = re.compile(
    r".*(?:[;:\n!?()…\"“”]|,(?=\s)|" + _ABBREV_STOP + "|" + _GLUED_STOP + ")", re.DOTALL
)
_AFTER_BREAK = re.compile(r"[;:\n.!?…]|,(?=\s)|\(|\)")


# Marks that open a list line ("- Giá trị công nghiệp, tiểu thủ công nghiệp tăng 5-7%").
_BULLETS = "-+•*·– "


def _phrase_before(text: str, start: int, counted: bool = False) -> tuple[str, str]:
    """The phrase before a figure that names it, and where it came from: "" (its own clause), "borrowed"
    (the clause before, its own naming nothing: "thu nhập bình quân tăng qua các năm, đạt 50 triệu"),
    "past-figure" (the subject before another figure of its clause: "số TCCSĐ ... có 04 đơn vị chiếm"),
    "joined" (the words after a "với" that follows another figure: "46 điểm ... với sức chứa trên")."""
    base = max(0, start - 160)
    line = text.rfind("\n", base, start) + 1
    if line:
        base = line
    elif base:
        # Whole words only: a window that starts inside a word starts after it.
        space = text.find(" ", base, start)
        base = space + 1 if space >= 0 else start
    chunk = text[base:start]
    cut = _clause_start(chunk)
    # "số tài khoản thư điện tử công vụ: 13.160": a name and its value.
    if cut and chunk[cut - 1] == ":" and not chunk[cut:].strip():
        head = chunk[: cut - 1]
        cut = _clause_start(head)
        chunk = head
        # "chỉ số sản xuất công nghiệp của tỉnh (IIP) có mức tăng khá ngoạn mục: 23,87%": the name is
        # the head's subject, before its verb.
        lows = head[cut:].lower().split()
        verbs = [
            i
            for i, w in enumerate(lows)
            if i and (w in lx.LABEL_COLON_VERBS or " ".join(lows[i : i + 2]) in lx.LABEL_COLON_VERBS)
        ]
        subject = " ".join(head[cut:].split()[: verbs[0]]) if verbs else ""
        if subject and not _weak(subject):
            chunk = head[:cut] + subject
    borrowed = ""
    opener = _CLAUSE_OPENER.search(chunk, cut)
    while opener:
        # "Exports reached $2.3 billion while imports fell 4.2%": a new clause starts after "while".
        cut = opener.end()
        opener = _CLAUSE_OPENER.search(chunk, cut)
    figures = _figure_numbers(chunk, cut)
    if not figures:
        # "Kinh doanh thương mại sôi động trở lại với tổng mức bán lẻ hàng hóa tăng": what follows
        # "với" is the subject.
        own = _after_last_join(chunk[cut:])
        if not _weak(own):
            return own, ""
    if figures:
        # "46 điểm cách ly với sức chứa trên 7.200": the words after "với" name this figure.
        tail = chunk[figures[-1].end() :].split()
        tail_lows = chunk[figures[-1].end() :].lower().split()
        # ("so với quý trước" is a comparison, not a join.)
        joins = [
            i
            for i, w in enumerate(tail_lows)
            if w in lx.LABEL_JOINS and not (i and tail_lows[i - 1] in lx.BASE_STARTS)
        ]
        joined = _trimmed_phrase(tail[joins[-1] + 1 :][-lx.LABEL_MAX_WORDS :]) if joins else ""
        if not _weak(joined):
            return joined, "joined"
        # "..., đóng góp 4,9 điểm phần trăm trong đó khu vực công nghiệp tăng 7,5%": after "trong đó"
        # the part is named.
        tail_text = " ".join(tail_lows)
        for continuer in lx.LABEL_CONTINUERS:
            at = tail_text.rfind(continuer + " ")
            if at >= 0 and (at == 0 or tail_text[at - 1] == " "):
                own = _trimmed_phrase(
                    tail[len(tail_text[: at + len(continuer)].split()) :][-lx.LABEL_MAX_WORDS :]
                )
                if not _weak(own) and not _has_verb(own):
                    return own, ""
        # "lâm nghiệp tăng 5,7% và thuỷ sản tăng 5,8%": a coordinated clause names its own subject.
        ands = [i for i, w in enumerate(tail_lows) if w in lx.LABEL_COORDINATORS]
        if ands:
            own = _trimmed_phrase(tail[ands[-1] + 1 :][-lx.LABEL_MAX_WORDS :])
            if not _weak(own):
                return own, ""
        # "số TCCSĐ hoàn thành nhiệm vụ có 04 đơn vị chiếm tỷ lệ": else the subject before the first
        # (a count right after another figure's noun, "103.764 hồ sơ ở 19 phường", is told by the caller).
        # "Ngô vụ mùa trồng được 3ha sản lượng ước đạt 6 tấn": a name right after the other figure
        # (its own clause without a comma) names this one; not a count's ("103.764 hồ sơ ở 19 phường"),
        # nor a base or comparison ("tăng 7% so với cùng kỳ đạt ...").
        # (Only after a unit glued to the other figure: else the words after it are its unit or noun,
        # "có 04 đơn vị chiếm tỷ lệ 5,63%".)
        if not counted and figures[-1][0][-1:].isalpha():
            named = _trimmed_phrase(tail[-lx.LABEL_MAX_WORDS :])
            first = named.split()[0] if named else ""
            if (
                named
                and first[:1].isalpha()
                and not _weak(named)
                and not _has_verb(named)
                and not _starts_base(named)
                and not _starts_comparison(named)
                and len(named.split()) <= 6
            ):
                return named, ""
        # "The rate of $0.1778 still exceeds the no-new-revenue rate of": an English noun phrase after
        # the other figure names this one.
        if any(w in lx.LABEL_EN_DETERMINERS for w in tail_lows):
            own = _english_object(_trimmed_phrase(tail[-lx.LABEL_MAX_WORDS :]))
            if not _weak(own) and own.split()[0].lower() not in lx.LABEL_EN_DETERMINERS:
                return own, ""
        chunk = chunk[: figures[0].start()]
        borrowed = "past-figure"
    # "Giá trị sản xuất nông, lâm, thủy sản đạt": commas inside a list of nouns do not end the subject
    # (only a clause after a comma can continue one: the others are not read for it).
    last = _trimmed_phrase(chunk[cut:].split()) if cut and chunk[cut - 1] == "," else ""
    if last and not _weak(last) and not _has_verb(last):
        while cut and chunk[cut - 1] == ",":
            prev = _clause_start(chunk[: cut - 1])
            segment = chunk[prev : cut - 1]
            # A short last item ("..., thủy sản") or a short first one ("nông, lâm nghiệp và thủy sản").
            seg_words = segment.split()
            fragment = bool(seg_words) and seg_words[-1].lower() in lx.LABEL_LIST_FRAGMENTS
            numbers = list(_FIGURE_NUMBER.finditer(segment)) if fragment else []
            if numbers:
                # "tăng chung 6,8% thì khu vực nông, lâm nghiệp và thủy sản tăng": the list's head
                # is what follows the other figure.
                words = segment[numbers[-1].end() :].split()
                while words and not any(c.isalpha() for c in words[0]):
                    words.pop(0)  # the other figure's unit ("%")
                head = _trimmed_phrase(words)
                if head and not _weak(head) and not _has_verb(_without_verb_nouns(head)):
                    cut = prev + segment.rfind(head.split()[0], numbers[-1].end())
                break
            # ("Tổng mức bán lẻ hàng hóa, doanh thu dịch vụ ...": a head opening an indicator leads it.)
            headed = _opens_with(segment.strip().lstrip(_BULLETS).lower(), lx.LABEL_LIST_HEADS)
            short = len(last.split()) <= 2 or len(seg_words) <= 3 or fragment or headed
            # ("Giá trị tăng thêm khu vực nông, lâm ...": a list's head may hold a noun made of a verb.)
            verb = not headed and _has_verb(_without_verb_nouns(segment) if fragment else segment)
            if (
                not short
                or _FIGURE_NUMBER.search(segment)
                or _weak(_trimmed_phrase(segment.split()))
                or len(seg_words) > 8
                or verb
            ):
                break
            cut = prev
            # The list's head ("Giá trị sản xuất nông, lâm, thủy sản") ends the walk.
            if len(segment.split()) > 2:
                break
            last = segment
    phrase = chunk[cut:]
    if not figures and cut and chunk[cut - 1] == ",":
        own = _trimmed_phrase(phrase.split())
        weak = _weak(own)
        # (The clause before is read only when this one names nothing or only a generic head.)
        before_cut = cut - 1
        # "Proposed revenue from the fund, which includes water, wastewater and ..., is set at": the
        # clause before a relative clause is the one read.
        relative = max(chunk.rfind(f", {w} ", 0, before_cut) for w in lx.LABEL_RELATIVES)
        if relative > 0:
            before_cut = relative
        segment = (
            chunk[_clause_start(chunk[:before_cut]) : before_cut]
            if weak or own.lower() in lx.LABEL_GENERIC_HEADS
            else ""
        )
        if segment and not _FIGURE_NUMBER.search(segment):
            subject = _subject_of(segment, limit=lx.LABEL_MAX_WORDS)
            # "... tràn ngập thị trường TP.HCM với giá rẻ không tưởng, chỉ 3.000 đồng/kg": what follows
            # the clause before's "với" is what the figure measures.
            joined = _after_last_join(segment) if weak else ""
            subject = joined if not _weak(joined) else subject
            if weak and subject:
                # "thu nhập bình quân tăng qua các năm, đạt 50 triệu": the subject before the comma.
                phrase, borrowed = subject, "borrowed"
            elif subject:
                phrase = f"{own} {subject}"
    # The words nearest the figure name it: a long clause keeps its end (its footnotes dropped first:
    # "Tổng sản phẩm trên địa bàn (GRDP, theo giá so sánh năm 2010)" is the subject, whole).
    phrase = _drop_footnotes(phrase)
    # "... quý I năm 2023 so với cùng kỳ năm trước tăng ở 58": the comparison is the base.
    if " so " in phrase or "compared" in phrase:
        phrase = _TRAILING_COMPARISON.sub("", phrase)
    # Its trailing words are stripped before it is cut to length ("... (khu vực I) ước tính" would
    # push "Giá trị" out of "Giá trị tăng thêm khu vực nông, lâm nghiệp và thủy sản"), and a phrase
    # still too long gives up its period first (the figure's `period` holds it), then its first words.
    words = _trimmed_phrase(phrase.split()).split()
    # (A list opened by an indicator's head keeps its head: "Tổng mức bán lẻ hàng hóa, doanh thu dịch vụ
    # tiêu dùng và doanh thu bán buôn" is one name; cut at its start it would name a fragment.)
    # (Only a phrase past the limit can be cut: the long-name test is for those.)
    headed = len(words) > lx.LABEL_MAX_WORDS and _long_name(" ".join(words))
    limit = lx.LABEL_MAX_WORDS + (lx.LABEL_LIST_EXTRA_WORDS if headed else 0)
    if len(words) > lx.LABEL_MAX_WORDS:
        words = _shortened(" ".join(words)).split()
    # (A headed list too long still keeps its head; any other phrase keeps the words nearest the figure.)
    return _trimmed_phrase(words[:limit] if headed else words[-limit:]), borrowed


def _after_last_join(clause: str) -> str:
    """The words after a clause's last joining "với" ("... sôi động trở lại với tổng mức bán lẻ"), or ""
    (a "với" of "so với" or "cùng với" joins nothing)."""
    words = clause.split()
    lows = clause.lower().split()
    joins = [
        i
        for i, w in enumerate(lows)
        if w in lx.LABEL_JOINS
        and i
        and lows[i - 1] not in lx.BASE_STARTS
        and lows[i - 1] not in _JOIN_COMPOUNDS
    ]
    return _trimmed_phrase(words[joins[-1] + 1 :][-lx.LABEL_MAX_WORDS :]) if joins else ""


def _shortened(phrase: str) -> str:
    """A phrase too long for a label without what it can spare most: a last bracket ("(khu vực I)"),
    then the periods outside brackets (the figure's `period` holds them)."""
    if phrase.endswith(")") and "(" in phrase:
        shorter = phrase[: phrase.rfind("(")].rstrip()
        if len(shorter.split()) >= 2:
            phrase = shorter
    if len(phrase.split()) > lx.LABEL_MAX_WORDS and _names_period(phrase):
        # (Outside brackets only: "(kể cả vốn kéo dài năm 2022 sang năm 2023)" stays whole or goes.)
        parts = _BRACKETED.split(phrase)
        shorter = "".join(p if p.startswith("(") else PERIOD_WORDS.sub(" ", p) for p in parts)
        shorter = _trimmed_phrase(shorter.split())
        if len(shorter.split()) >= 2:
            phrase = shorter
    return phrase


_BRACKETED = re.compile(r"(\([^()]*\))")


def _subject_of(segment: str, limit: int = 8) -> str:
    """The words of a clause before its first verb ("thu nhập bình quân tăng qua các năm" -> "thu nhập
    bình quân"), or "" when a verb opens it or nothing is left."""
    words = segment.split()
    lows = segment.lower().split()
    for i, w in enumerate(lows):
        two = f"{w} {lows[i + 1]}" if i + 1 < len(lows) else w
        if w.strip(",;:") in lx.LABEL_VERBS or two in lx.LABEL_VERBS:
            words = words[:i]
            break
    subject = _trimmed_phrase(words)
    return "" if _weak(subject) or len(subject.split()) > limit else subject


def _without_verb_nouns(segment: str) -> str:
    """`segment` without the nouns made of a verb ("giá trị tăng thêm", "tốc độ tăng trưởng")."""
    low = segment.lower()
    for noun in lx.LABEL_VERB_NOUNS:
        if noun in low:
            low = low.replace(noun, " ")
    return low


def _has_verb(segment: str) -> bool:
    words = [w.strip(',;:()"“”.') for w in segment.lower().split()]
    if not _COMPOUND_ENDS.isdisjoint(words):
        # "máy móc, thiết bị, dụng cụ": a noun whose last syllable is a verb alone ("bị") is no verb.
        words = [
            w for i, w in enumerate(words)
            if not (w in _COMPOUND_ENDS and i and f"{words[i - 1]} {w}" in lx.LABEL_NOUN_COMPOUNDS)
        ]  # fmt: skip
    if not lx.LABEL_VERBS.isdisjoint(words):
        return True
    # Two-word verbs: only pairs whose first word starts one are built.
    return any(
        f"{w} {words[i + 1]}" in lx.LABEL_VERBS for i, w in enumerate(words[:-1]) if w in _VERB_FIRST_WORDS
    )


_VERB_FIRST_WORDS = frozenset(v.split()[0] for v in lx.LABEL_VERBS if " " in v)
_COMPOUND_ENDS = frozenset(n.split()[-1] for n in lx.LABEL_NOUN_COMPOUNDS)


_CLAUSE_OPENER = re.compile(
    # (The look-ahead, case-blind like the rest, rejects at a glance the positions no opener starts at.)
    rf"(?=[{re.escape(''.join(sorted({w[0] for w in lx.LABEL_CLAUSE_OPENERS})))}])(?<!\w)(?:"
    + "|".join(sorted(lx.LABEL_CLAUSE_OPENERS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


def _clause_start(chunk: str) -> int:
    """Where the clause ending `chunk` starts: after its last break, a balanced "(...)" kept inside."""
    last = _UP_TO_LAST_BREAK.match(chunk)
    cut = 0 if last is None else last.end()
    if cut and chunk[cut - 1] not in "()":
        return cut
    # Keep "(GRDP ...)" inside a subject: only an unbalanced "(" ends the clause.
    depth = 0
    cut = 0
    for m in reversed(list(_BREAKS.finditer(chunk))):
        ch = m.group()
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return m.end()
            depth -= 1
        elif depth == 0:
            return m.end()
    return cut


_PERIOD_AFTER = re.compile(r"\s+(?:tháng|Tháng|năm|Năm)")
# Words that make "với" part of another phrase, not a join ("tương ứng với", "đối với", "cùng với").
_JOIN_COMPOUNDS = frozenset({"ứng", "đối", "cùng", "so", "compared", "along", "together"})


def _figure_numbers(chunk: str, start: int) -> list[re.Match[str]]:
    """The numbers of chunk[start:] that are figures: not dates, years or identifiers ("mức độ 3")."""
    out = []
    for m in _FIGURE_NUMBER.finditer(chunk, start):
        if _PERIOD_AFTER.match(chunk, m.end()) and PERIOD_WORDS.match(chunk, m.start()):
            continue  # "6 tháng đầu năm": a period, not a figure
        unit = chunk[m.end() : m.end() + 8].split()[:1]
        if unit and is_time_offset(chunk, m.start(), m.end() + 1 + len(unit[0]), unit[0].lower()):
            continue  # "Lũy kế 4 tháng nhập khẩu đạt": a span of time, not a figure
        before = chunk[max(0, m.start() - 16) : m.start()].lower().split()
        if before and (before[-1] in _IDENTIFIER_WORDS or " ".join(before[-2:]) in _IDENTIFIER_WORDS):
            continue
        if before and before[-1] in _PERIOD_NUMBER_WORDS:
            # "Trong tháng 10 thu ngân sách ... đạt": the number of a month or quarter, no figure.
            # (Only a period opening the clause: "CPI tháng 9 tăng" cuts its label before the period.)
            word = _PERIOD_WORD_BEFORE.search(chunk, max(0, m.start() - 12), m.start())
            period = PERIOD_WORDS.match(chunk, word.start()) if word else None
            lead = chunk[start : word.start()].split() if word else []
            opens = not lead or (len(lead) == 1 and lead[0].lower() in lx.LABEL_FRONTED_OPENERS)
            if period is not None and period.end() >= m.end() and opens:
                continue
        out.append(m)
    return out


# Words before a number that make it a name, not a figure ("mức độ 3", "lớp 10"); "số" is both.
_IDENTIFIER_WORDS = lx.IDENTIFIER_BEFORE - {lx.NUMBER_WORD}
# Words whose number is a month or quarter ("tháng 10", "quý II").
_PERIOD_NUMBER_WORDS = frozenset(w.lower() for w in (*lx.PERIOD_MONTH_WORDS, *lx.PERIOD_QUARTER_WORDS))
_PERIOD_WORD_BEFORE = re.compile(
    r"(?:" + "|".join(sorted(_PERIOD_NUMBER_WORDS, key=len, reverse=True)) + r")\s+$", re.IGNORECASE
)


# A number that is a figure, not a date or a year ("31/12/2021", "năm 2010", "Chỉ thị 05-CT/TW").
# A ratio ("358/412") is one; a day and month ("31/12", "23/5/2021") or a month ("9/2022") is not.
# (The leading look-ahead rejects at a glance every position that holds no digit.)
# A unit written glued to it ("3ha", "715,5tấn") is part of it.
_GLUED = "|".join(re.escape(u) for u in sorted(lx.GLUED_UNITS, key=len, reverse=True))
_FIGURE_NUMBER = re.compile(
    r"(?=\d)(?<![\w/.,–\[-])(?!(?:19|20)\d\d(?![\d.,/]\d))(?!(?:[0-2]?\d|3[01])/(?:0?\d|1[0-2])(?!\d))"
    r"(?!(?:0?\d|1[0-2])/(?:19|20)\d\d(?!\d))"
    rf"\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)?(?:(?i:{_GLUED})(?!\w)|(?![\w/-]))"
)


def _trimmed_phrase(words: list[str]) -> str:
    # (The edge words are tested here first: most phrases have nothing to strip.)
    if words and words[-1].lower().strip(",") in _TRAILING_LAST_WORDS:
        _strip_phrases(words, lx.LABEL_TRAILING, from_end=True)
    if words and words[0].lower().strip(",") in _LEADING_FIRST_WORDS:
        _strip_phrases(words, lx.LABEL_LEADING, from_end=False)
    return " ".join(words)


def _last_noun(words: list[str]) -> list[str]:
    """The last of a phrase's words that form a LABEL_TRAILING_NOUNS noun ("mức giá"), or []."""
    lows = [w.lower().strip(",") for w in words]
    for n in (3, 2, 1):
        for i in range(len(lows) - n, -1, -1):
            if " ".join(lows[i : i + n]) in lx.LABEL_TRAILING_NOUNS:
                return words[i : i + n]
    return []


@lru_cache(maxsize=8)
def _edge_words(table: frozenset[str], last: bool) -> frozenset[str]:
    """The words a table phrase can end (or start) with."""
    return frozenset(p.split()[-1 if last else 0] for p in table if p.split())


def _strip_phrases(words: list[str], table: frozenset[str], *, from_end: bool) -> None:
    """Drop table phrases (up to three words) from one end of `words`, repeatedly, in place."""
    edges = _edge_words(table, from_end)
    while words:
        # The (up to) three words at this end, lower-cased, nearest first; the longest phrase wins.
        k = len(words)
        near = words[-1 if from_end else 0].lower().strip(",")
        if near not in edges:
            return
        second = words[-2 if from_end else 1].lower().strip(",") if k >= 2 else None
        third = words[-3 if from_end else 2].lower().strip(",") if k >= 3 else None
        if (
            third is not None
            and (f"{third} {second} {near}" if from_end else f"{near} {second} {third}") in table
        ):
            n = 3
        elif second is not None and (f"{second} {near}" if from_end else f"{near} {second}") in table:
            n = 2
        elif near in table:
            n = 1
        else:
            return
        if from_end:
            # "tốc độ tăng trưởng dự ước đạt", "Giá trị tăng thêm ước đạt": a noun made of a verb keeps it.
            # (Only a two-word verb is kept: "X có mức tăng" still loses its "tăng".)
            if any([w.lower() for w in words[-len(noun) :]] == noun for noun in _KEPT_VERB_NOUNS):
                return
            # "Tổng thu ngân sách nhà nước trong 6 tháng ước": a period's word after its number stays.
            if k > n and words[k - n - 1][:1].isdigit() and words[k - n].lower() in lx.LABEL_PERIOD_NOUNS:
                return
            del words[k - n :]
        else:
            del words[:n]


_TRAILING_LAST_WORDS = _edge_words(lx.LABEL_TRAILING, True)
# Nouns made of a verb of two words ("giá trị tăng thêm", "tốc độ tăng trưởng"): trailing words stop there.
_KEPT_VERB_NOUNS = tuple(n.split() for n in lx.LABEL_VERB_NOUNS if len(n.split()) >= 3)
_LEADING_FIRST_WORDS = _edge_words(lx.LABEL_LEADING, False)


# The label rules ask several times for the words after the same figure (its label, its list item,
# its money object, a share's whole): read once. (A str caches its hash: the key costs no scan.)
@lru_cache(maxsize=64)
def _phrase_after(text: str, end: int) -> str:
    # "gấp 4 lần năm 2021", "bằng 22,3% KH": a period or a base right after the figure is what it is
    # compared with (or when it is), never what it measures.
    at = end + len(text[end : end + 8]) - len(text[end : end + 8].lstrip())
    if base_after(text, end) is not None or PERIOD_WORDS.match(text, at):
        return ""
    if text[at : at + 1] == "/" and base_after(text, at + 1) is not None:
        return ""  # "18,4%/KH tăng 10-12%": after a slash, the plan it is set against
    chunk = text[end : end + 160]
    m = _AFTER_BREAK.search(chunk)
    # "100% cán bộ, công chức ứng dụng ...": a comma inside a list of nouns does not end the phrase
    # (an item with its own figure does: "1,2 triệu tấn, năng suất 60 tạ/ha").
    while m and m[0] == "," and _noun_follows(chunk, m.end()) and not _item_has_figure(chunk, m.end()):
        m = _AFTER_BREAK.search(chunk, m.end())
    if m:
        chunk = chunk[: m.start()]
    words = chunk.split()[: lx.LABEL_MAX_WORDS + 6]
    lows = [w.lower() for w in words]
    # Stop before a comparison or the next figure.
    out = []
    for k, w in enumerate(words):
        if w[:1].isdigit():
            break
        low = lows[k]
        # "so với ...", "đạt 97,8%", "tăng 7%": the start of a comparison or of the next figure.
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if low in lx.LABEL_STOPS and (low in lx.BASE_STARTS or not nxt or nxt[:1].isdigit()):
            break
        # "trường hợp với tổng số tiền 1,8 tỷ đồng": what follows belongs to the next figure;
        # "180 camera và sử dụng flycam": "và" before a verb starts another clause.
        if low in lx.LABEL_AFTER_STOPS and (
            _figure_ahead(words, k + 1) or _has_verb(" ".join(lows[k + 1 : k + 3]))
        ):
            break
        if low in _AFTER_END_FIRST and any(
            " ".join(lows[k : k + n]) in lx.LABEL_AFTER_ENDS for n in (1, 2, 3)
        ):
            break  # "... suất ăn mỗi ngày cùng nhiều loại nhu yếu phẩm": a circumstance or another item
        out.append(w)
    if len(out) > lx.LABEL_MAX_WORDS:
        # Too long: end at the last comma within the limit (a whole list item), else at the limit.
        out = out[: lx.LABEL_MAX_WORDS]
        commas = [i for i, w in enumerate(out) if w.endswith(",") and i >= lx.LABEL_MAX_WORDS // 2]
        if commas:
            out = out[: commas[-1] + 1]
    return " ".join(out).rstrip(",")


# The first words of the LABEL_AFTER_ENDS phrases (most words start none: skip the phrase lookups).
_AFTER_END_FIRST = frozenset(p.split()[0] for p in lx.LABEL_AFTER_ENDS)


def _item_has_figure(chunk: str, pos: int) -> bool:
    """Whether the list item starting at `pos` (up to the next break) is a name and its own figure
    ("năng suất 60 tạ/ha"; not "nhà ở xã hội với 14.676 người", nor a year: "từ năm 2020")."""
    m = _AFTER_BREAK.search(chunk, pos)
    number = _FIGURE_NUMBER.search(chunk, pos, m.start() if m else len(chunk))
    if number is None:
        return False
    return not any(w.lower() in lx.LABEL_AFTER_STOPS for w in chunk[pos : number.start()].split())


def _noun_follows(chunk: str, pos: int) -> bool:
    """After a comma: another noun of the same list ("cơ quan, đơn vị"), not a figure, a name opening
    a new clause ("..., Paige VanZant cũng ...") or a verb."""
    nxt = chunk[pos : pos + 24].split()
    if not nxt or not nxt[0][:1].isalpha() or (nxt[0][:1].isupper() and not nxt[0].isupper()):
        return False
    first = nxt[0].lower().strip(",;")
    if first in lx.LABEL_PRONOUNS:
        return False  # "..., she said": a new clause
    two = " ".join(nxt[:2]).lower()
    tables = (lx.LABEL_VERBS, lx.LABEL_CONNECTIVES, lx.LABEL_LEADING, lx.LABEL_STOPS)
    return not any(first in t or two in t for t in tables)


_CURRENCY_CODES = frozenset(lx.CURRENCIES.values()) | frozenset(lx.CURRENCY_PREFIXES.values())
_CURRENCY_SIGNS = "".join(sorted({c for p in lx.CURRENCY_PREFIXES for c in p if not c.isalnum()}))


def _figure_ahead(words: list[str], k: int, reach: int = 5) -> bool:
    """Whether a number stands within `reach` words from k ("$1.5 million" counts: a sign before it)."""
    return any(w.lstrip(_CURRENCY_SIGNS)[:1].isdigit() for w in words[k : k + reach])


def _weak(label: str | None) -> bool:
    """A label that names nothing (see _weak_text); None and "" included."""
    return not label or _weak_text(label)


@lru_cache(maxsize=8192)
def _weak_text(label: str) -> bool:
    """A label that names nothing: empty, only verbs and connectives ("như vậy", "hoàn thành"), or a
    period with them ("Đến tháng 3/2021"): the period is the figure's `period`, not its label."""
    if not any(c.isalpha() for c in label):
        return True
    if only_function_words(label) or label.lower() in lx.LABEL_PERIOD_NOUNS:
        return True
    if _english_bare(label):
        return True
    words = label.split()
    months = [w for w in words if w.lower().strip(",.") in lx.MONTHS_EN]
    if months and (
        len(months) == len(words) or only_function_words(" ".join(w for w in words if w not in months))
    ):
        return True  # "in September": the figure's period, no label
    return _names_period(label) and only_function_words(PERIOD_WORDS.sub(" ", label))


def _english_bare(label: str) -> bool:
    """An English label that is a pronoun opening a clause ("we", "This will be in addition")."""
    words = label.lower().split()
    if words[0] in lx.LABEL_EN_PREDICATE_OPENERS:
        return True
    return words[0] in lx.LABEL_EN_CLAUSE_PRONOUNS and (
        len(words) == 1 or words[1] in lx.LABEL_EN_CLAUSE_VERBS
    )


def _time_base(phrase: str) -> bool:
    """An English comparison with a time ("from the prior year", "over last year"): a base, no label."""
    first, _, rest = phrase.partition(" ")
    return first.lower() in lx.BASE_EN_TIME_OPENERS and _names_time(rest)


def _names_time(phrase: str) -> bool:
    """Whether a phrase names a time: a period, a month or a period noun ("the first quarter")."""
    words = [w.strip(",.;:").lower() for w in phrase.split()]
    if any(w in lx.MONTHS_EN or w in lx.LABEL_PERIOD_NOUNS for w in words):
        return True
    return _names_period(phrase) and PERIOD_WORDS.search(phrase) is not None


def _names_period(label: str) -> bool:
    """Whether a period can stand in the label at all (a cheap test before the period pattern)."""
    return _DIGIT.search(label) is not None or any(w in label.lower() for w in _PERIOD_HINTS)


def only_connectives(label: str) -> bool:
    """Every word of `label` is a connective (or a period): no verb, no noun."""
    # (Without a digit or a period word the period pattern cannot match: it is not run.)
    plain = PERIOD_WORDS.sub(" ", label) if _names_period(label) else label
    words = [w.strip(',;:()"“”') for w in plain.lower().split()]
    return all(not w or w in lx.LABEL_CONNECTIVES or w in lx.LABEL_LEADING for w in words)


_FUNCTION_PARTS = frozenset(
    w for p in (*lx.LABEL_VERBS, *lx.LABEL_CONNECTIVES, *lx.LABEL_EMPTY_WORDS) for w in p.split()
)


@lru_cache(maxsize=8192)
def only_function_words(label: str) -> bool:
    """Every word of `label` is a verb, connective or empty word of the lexicon (a label must never be
    just that)."""
    words = [w.strip(',;:()"“”').lower() for w in label.split()]
    words = [w for w in words if w]
    if not words:
        return True
    # Most labels hold a word no table phrase contains: no need to match phrases.
    if not _FUNCTION_PARTS.issuperset(words):
        return False
    k = 0
    while k < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[k : k + n])
            if len(words) - k >= n and (
                phrase in lx.LABEL_VERBS or phrase in lx.LABEL_CONNECTIVES or phrase in lx.LABEL_EMPTY_WORDS
            ):
                k += n
                break
        else:
            return False
    return True


def label_for(text: str, start: int, end: int, kind: str, unit: str, lang: str = "vi") -> str | None:
    """What the figure measures, in the report's words (the sentence's own phrase; inherit_labels then
    carries a sentence's subject to the figures that only continue it)."""
    counted = kind in ("count", "ratio")
    before, borrowed = _phrase_before(text, start, counted)
    if _starts_comparison(before) or (before and before.split()[0].lower() in lx.LABEL_COMPARISON_LEADS):
        before = ""  # "so với cùng kỳ giảm 12 vụ", "beating the plan by": the base, not the label
    elif _comparative(text, start, before):
        before = ""  # "..., cao hơn 1,03 điểm % so với cùng kỳ": a difference, of what came before
    if counted and borrowed == "past-figure":
        before = ""  # "103.764 hồ sơ ở 19 phường": what stands before belongs to the other figure
    elif counted and before and not only_connectives(before):
        pass  # "xử phạt 1.049 trường hợp" -> "trường hợp xử phạt": the action names what is counted
    elif _weak(before):
        before = ""
        paren = text.rfind("(", max(0, start - 24), start)
        if paren >= 0 and _weak(text[paren + 1 : start].strip()):
            # "VPB vẫn tăng mạnh nhất (6,4%)": a figure in brackets measures what stands before them
            # (unless another figure stands there too: then it is that figure's parenthesis).
            before, borrowed = _phrase_before(text, paren)
            weak = _weak(before) or borrowed == "past-figure" or _comparative(text, paren, before)
            before = "" if weak else before
    # A rule naming the figure from what surrounds it, the first that does (see _OBJECT_RULES).
    ask = _Ask(text, start, end, kind, unit, lang, counted, before)
    for rule in _OBJECT_RULES:
        named = rule(ask)
        if named:
            return named
    label = (
        _counted_label(text, start, end, unit, before, borrowed)
        if counted
        else _label(text, end, kind, before, borrowed)
    )
    label = _clip(label, keep_end=counted and _ends_attained(label))
    if lang == "en" and label and not counted and label == _clip(before):
        # (What is said of a counted noun keeps its verb: "412 communes met the standard".)
        near = words_before(text, start, 8)
        of_figure = bool(near) and near[-1] in lx.LABEL_EN_OF_WORDS
        label = _without_english_predicate(_english_object(label, of_figure))
    elif lang == "vi" and label and not counted:
        label = _indicator_named(label)
        # (The adverb is looked for first: most labels have none, and _clip is not cheap.)
        if before and not _ADVERB_FIRST_WORDS.isdisjoint(label.lower().split()) and label == _clip(before):
            label = _before_adverb(label)
    return None if _weak(label) else label


@dataclass(frozen=True, slots=True)
class _Ask:
    """What the rules naming a figure from its surroundings read."""

    text: str
    start: int
    end: int
    kind: str
    unit: str
    lang: str
    counted: bool
    before: str  # the phrase before the figure, as label_for has cleaned it


def _english_count_noun(a: _Ask) -> str | None:
    """ "25 municipal capital charters", "15 motor vehicles stolen" (see _english_counted)."""
    return (
        _english_counted(a.text, a.start, a.end, a.unit) if a.lang == "en" and a.counted and a.unit else None
    )


def _english_count_share(a: _Ask) -> str | None:
    """ "36 (19%) miscellaneous requests" (see _english_share_of_count)."""
    return _english_share_of_count(a.text, a.start, a.end) if a.lang == "en" and a.kind == "percent" else None


def _amount_list_item(a: _Ask) -> str | None:
    """ "... $116.1 million: $57.8 million in local revenue, $56.7 million from state sources": an item of
    a list of amounts is named by what it is in, from or for."""
    return _purpose_object(a.text, a.end) if not a.counted and _list_item(a.text, a.start) else None


def _amount_after_verb(a: _Ask) -> str | None:
    """ "collected $15,995 in fees", "will pay an additional $5.05 in county taxes": after a verb (or its
    adjective), what the amount is in or for names it (not a time: "$5 million in the first quarter")."""
    if a.kind != "money":
        return None
    near = _near_words(a.text, a.start, 30)
    if near and (near[-1] in lx.LABEL_VERBS or not lx.LABEL_EN_DETERMINERS.isdisjoint(near[-2:])):
        return _purpose_object(a.text, a.end)
    return None


def _vietnamese_money_object(a: _Ask) -> str | None:
    """ "Quận đã giải ngân 88,2 tỷ đồng vốn xây dựng cơ bản" (see _money_object)."""
    return _money_object(a.text, a.start, a.end) if a.kind == "money" and a.lang == "vi" else None


def _what_a_place_did(a: _Ask) -> str | None:
    """ "toàn tỉnh gieo trồng 80.888 ha lúa và cây rau màu", "Huyện Thông Nông trồng được 52 ha lúa xuân":
    a place did it; what the measure is of follows it."""
    if (
        a.kind != "measure"
        or a.lang != "vi"
        or a.unit in lx.TIME_UNITS
        or not a.before
        or not _place_did(a.before)
    ):
        return None
    after = _trimmed_phrase(_phrase_after(a.text, a.end).split())
    opener = after.split()[0].lower() if after else ""
    if after and not _weak(after) and not _has_verb(after) and opener not in lx.LABEL_CONNECTIVES:
        return _clip(after)
    return None


def _english_amount_before_noun(a: _Ask) -> str | None:
    """ "The budget also includes $260,000 building renovations for ..., $150,000 increase in mental health
    funding" (see _english_amount_noun)."""
    return _english_amount_noun(a.text, a.start, a.end) if a.lang == "en" and a.kind == "money" else None


def _english_modified_noun(a: _Ask) -> str | None:
    """ "the recommended 2% increase", "a £232.10 charge for a band D property": the noun an English number
    modifies names it; a bare change noun is the change of the sentence's short subject ("The capital
    budget increased by $86.1 million, or a 20 percent increase" -> "capital budget increase")."""
    if a.lang != "en" or a.counted:
        return None
    modified = _english_noun_after(a.text, a.start, a.end)
    if modified and modified.lower() in lx.LABEL_EN_CHANGE_NOUNS:
        subject = _sentence_subject(a.text, a.start)
        subject = _english_object(subject) if subject else ""
        words = subject.lower().split()
        if (
            words
            and len(words) <= lx.LABEL_EN_SUBJECT_WORDS
            and lx.LABEL_EN_CLAUSE_PRONOUNS.isdisjoint(words)
            and not _english_participle(words[-1])  # ("Public Education reflected": a verb, no subject)
            and not _weak(subject)
        ):
            return f"{subject} {modified}"
    return modified


# The rules that name a figure from what surrounds it, in the order they are asked: the first that
# names it wins; else label_for reads the phrase before (or after) the figure.
_OBJECT_RULES = (
    _english_count_noun,
    _english_count_share,
    _amount_list_item,
    _amount_after_verb,
    _vietnamese_money_object,
    _what_a_place_did,
    _english_amount_before_noun,
    _english_modified_noun,
)


def _before_adverb(label: str) -> str:
    """A Vietnamese label without the verb phrase after its subject ("năng suất luôn giữ" -> "năng suất"),
    unless the words before name only a place or an agent ("Quận đã giải ngân": the clause says more)."""
    words = label.split()
    if words[0][:1].isdigit():
        return label  # "2022 tỉnh Bình Dương đã xuất siêu": a period and a place, then what was done
    for i in range(1, len(words)):
        low = words[i].lower()
        if low in lx.LABEL_VERB_ADVERBS or (
            i + 1 < len(words) and f"{low} {words[i + 1].lower()}" in lx.LABEL_VERB_ADVERBS
        ):
            if i + 1 < len(words) and words[i + 1].lower() in lx.LABEL_COPULAS:
                return label  # "chiếm tỷ lệ lớn vẫn là thu nội địa": what it is, after the copula
            head = _trimmed_phrase(words[:i])
            after = words[i + len(low.split()) if low in lx.LABEL_VERB_ADVERBS else i + 2 :]
            measured = _opens_with(head.lower(), _MEASURED_HEADS) or (
                bool(after) and after[0].lower() in lx.LABEL_VALUE_VERBS
            )
            if measured and not _weak(head) and not _names_place_or_person(head) and not _names_place(head):
                return head
            return label
    return label


_MEASURED_HEADS = (*lx.LABEL_LIST_HEADS, *lx.LABEL_MEASURED_OPENERS)


_ADVERB_FIRST_WORDS = frozenset(a.split()[0] for a in lx.LABEL_VERB_ADVERBS)


def _place_did(phrase: str) -> bool:
    """Whether a phrase is a place by its kind and what it did ("toàn tỉnh gieo trồng", "Huyện Thông
    Nông trồng được"): a place's words, then a verb."""
    words = phrase.split()
    for i in range(1, min(len(words), lx.LABEL_PLACE_WORDS + 1)):
        head = " ".join(words[:i])
        rest = " ".join(words[i:])
        if _names_place(head) and (_has_verb(rest) or rest.lower() in lx.LABEL_SOWING_VERBS):
            return True
    return False


def _names_place(words: str) -> bool:
    """Whether a short phrase names a place by its kind ("Quận", "toàn huyện", "huyện Tri Tôn")."""
    parts = words.lower().split()
    if " ".join(parts) in lx.PLACE_WHOLE:
        return True  # "cả nước", "toàn tỉnh"
    if parts and parts[0] in lx.PLACE_WHOLE_OPENERS:
        parts = parts[1:]
    return 0 < len(parts) <= lx.LABEL_PLACE_WORDS and place_kind(" ".join(parts)) is not None


@lru_cache(maxsize=8192)
def _indicator_named(label: str) -> str:
    """A Vietnamese label without the clause around its indicator: from an indicator head reached
    after a verb ("Bạc Liêu phấn đấu đạt tốc độ tăng trưởng kinh tế" -> "tốc độ tăng trưởng kinh tế"),
    and without a verb and praise after it ("xuất khẩu nông – lâm – thuỷ sản đạt kết quả cao kỷ lục")."""
    words = label.split()
    lows = [w.lower() for w in words]
    for i in range(1, len(lows) - 1):
        if lows[i] in lx.LABEL_RESULT_VERBS and any(
            " ".join(lows[i + 1 :]).startswith(n) for n in lx.LABEL_RESULT_NOUNS
        ):
            head = _trimmed_phrase(words[:i])
            if not _weak(head):
                return head
    if _opens_with(" ".join(lows), lx.LABEL_INDICATOR_HEADS):
        return label  # it opens with its indicator ("Tỷ lệ xã đạt chuẩn nông thôn mới")
    for i in range(1, len(lows)):
        if _words_open_with(lows[i : i + _HEAD_WORDS], lx.LABEL_INDICATOR_HEADS) and _has_verb(
            " ".join(lows[:i])
        ):
            if lows[i - 1] in lx.LABEL_SHARE_VERBS:
                # "dư nợ ngắn hạn chiếm tỷ trọng chủ yếu": the part before the share is what it measures
                head = _trimmed_phrase(words[: i - 1])
                return head if not _weak(head) else label
            owner = words[: i - 1]
            while owner and owner[-1].lower() in lx.LABEL_PREVERBAL:
                owner.pop()
            # (Only the words after the clause's own verb: "Ông sở hữu một tòa nhà có giá trị".)
            for j in range(len(owner) - 1, 0, -1):
                if _has_verb(owner[j - 1]):
                    owner = owner[j:]
                    break
            if (
                lows[i - 1] in lx.LABEL_OWNER_VERBS
                and 2 <= len(owner) <= lx.LABEL_OWNER_WORDS
                and not _DIGIT.search(" ".join(owner))
                and not _has_verb(" ".join(owner))
                and not _weak(" ".join(owner))
            ):
                # "một tòa nhà có giá trị" -> "giá trị của một tòa nhà": the owner stays, after its indicator
                return f"{' '.join(words[i:])} {lx.LABEL_OWNER_JOINER} {' '.join(owner)}"
            return " ".join(words[i:])
    return label


def is_time_offset(text: str, start: int, end: int, unit: str) -> bool:
    """A duration the sentence is timed by ("chỉ 5 phút sau", "trong 25 năm qua", "10 năm trở lại
    đây"): it measures no subject, so it has no label."""
    if unit not in lx.TIME_UNITS:
        return False
    after = " ".join(text[end : end + 16].lower().replace(",", " ").split()[:3])
    if any(after == p or after.startswith(p + " ") for p in lx.TIME_OFFSET_AFTER):
        return True
    before = text[max(0, start - 16) : start].lower().split()[-2:]
    return bool(before) and (before[-1] in lx.TIME_OFFSET_BEFORE or " ".join(before) in lx.TIME_OFFSET_BEFORE)


def _money_object(text: str, start: int, end: int) -> str | None:
    """What a sum moved by a money verb is ("Quận đã giải ngân 88,2 tỷ đồng vốn xây dựng cơ bản" ->
    "vốn xây dựng cơ bản"; "Huế thu 11.700 tỷ đồng từ du lịch" -> "thu từ du lịch"), when the words
    after it say; None otherwise."""
    near = _near_words(text, start, 24)
    verb = (
        next((v for v in lx.LABEL_MONEY_VERBS if near[-len(v.split()) :] == v.split()), None)
        if near
        else None
    )
    if verb is None:
        return None
    words = _phrase_after(text, end).split()
    if not words or _names_time(" ".join(words[:3])):
        return None
    source = words[0].lower() in lx.LABEL_MONEY_SOURCES
    first = words[0].lower()
    if not source and (first in lx.LABEL_NOT_NOUN_STARTS or not _noun_follows(" " + " ".join(words), 0)):
        return None  # "đầu tư 700 triệu USD vào Việt Nam", "... chỉ trong thời gian ngắn": no noun names it
    named = _clip(_trimmed_phrase([verb, *words] if source else words))
    return named if not _weak(named) and len(named.split()) >= 2 else None


def _purpose_object(text: str, end: int) -> str | None:
    """What the words after a figure say it is in, for or from ("$57.8 million in local revenue" ->
    "local revenue"), or None: no such preposition, a time ("in the first quarter"), or nothing named."""
    words = _phrase_after(text, end).split()
    if len(words) < 2 or words[0].lower() not in lx.LABEL_PURPOSE_PREPS or _names_time(" ".join(words[1:4])):
        return None
    named = _clip(_trimmed_phrase(words[1:]))
    return None if _weak(named) else named


def _near_words(text: str, start: int, window: int) -> list[str]:
    """The lower-cased words right before a figure, without the qualifiers next to it ("đạt khoảng")."""
    near = words_before(text, start, window)
    while near and near[-1] in lx.QUALIFIERS_BEFORE:
        near.pop()
    return near


def _list_item(text: str, start: int) -> bool:
    """Whether the figure opens an item of a list: right after ":", ",", ";" or "and" (a qualifier
    may stand between: "and roughly $1.5 million")."""
    words = text[max(0, start - 24) : start].split()
    while words and words[-1].lower() in lx.QUALIFIERS_BEFORE:
        words.pop()
    if not words:
        return False
    last = words[-1].lower()
    return last[-1:] in ":,;" or last in lx.LABEL_COORDINATORS


def _english_noun_after(text: str, start: int, end: int) -> str | None:
    """The noun an English figure modifies ("a 2% tax increase" -> "tax increase"), when a determiner
    or adjective stands before it and a noun (no verb, preposition or number) right after it."""
    before = _WORD.findall(text[max(0, start - 30) : start].lower())[-2:]
    determined = any(w in lx.LABEL_EN_DETERMINERS for w in before)
    if text[end : end + 1] not in (" ", "\u00a0"):
        return None
    words: list[str] = []
    for w in text[end : end + 80].split()[:6]:
        low = w.lower().strip(",.;:()")
        if (
            not low[:1].isalpha()
            or low in lx.LABEL_EN_PREPOSITIONS
            or low in lx.LABEL_EN_NOUN_STOPS
            or low in lx.LABEL_VERBS
            or low in lx.LABEL_CONNECTIVES
        ):
            break
        words.append(w.strip(",.;:()"))
        if w[-1:] in ",.;:)":
            break
    named = " ".join(words)
    if not determined and not (words and words[-1].lower() in lx.LABEL_EN_CHANGE_NOUNS):
        return None
    return named if named and not _weak(named) and not PERIOD_WORDS.match(named) else None


_LEADING_NUMBER = re.compile(r"[\d.,/]+\s*")


def _without_english_predicate(label: str) -> str:
    """An English label without the predicate after its subject ("County's budget has grown" ->
    "County's budget", "there will be additional loan charges" -> "additional loan charges"); a
    pronoun and its verb name nothing ("We know that")."""
    words = label.split()
    low = [w.lower() for w in words]
    for n in (3, 2):
        if len(words) > n and " ".join(low[:n]) in lx.LABEL_EN_EXISTENTIALS:
            words, low = words[n:], low[n:]
            break
    if low and low[0] in lx.LABEL_PRONOUNS and len(words) <= 4:
        return ""
    for i in range(1, len(words)):
        if low[i] in lx.LABEL_EN_PREDICATE_AUX and (i + 1 == len(words) or _english_participle(words[i + 1])):
            head = " ".join(words[:i])
            return head if not _weak(head) else " ".join(words)
    return " ".join(words)


def _english_amount_noun(text: str, start: int, end: int) -> str | None:
    """The noun phrase right after an English amount that a verb or a list puts there ("includes
    $260,000 building renovations for the Tax Collector's Office", ", $150,000 increase in mental
    health funding"), with a phrase of what it is of, in, on or for."""
    near = _near_words(text, start, 16)
    lead = text[max(0, start - 6) : start].rstrip()
    joined = lead.endswith(",") or any(lead.endswith(" " + j) for j in lx.LABEL_EN_LIST_JOINS)
    if not (joined or (near and near[-1] in lx.LABEL_VERBS)):
        return None
    words = _phrase_after(text, end).split()
    if len(words) > 2 and " ".join(words[:2]).lower() == lx.LABEL_EN_WORTH_OF:
        words = words[2:]  # "$1.337 million worth of works permits"
    if not words or not words[0][:1].isalpha() or words[0].lower() in _NOT_NOUN_OPENERS:
        return None
    out: list[str] = []
    for w in words[: lx.LABEL_EN_COUNT_TAIL_WORDS + 2]:
        low = w.lower().strip(",.;:()")
        if low in lx.LABEL_VERBS or (low in lx.LABEL_CONNECTIVES and low not in lx.LABEL_EN_AMOUNT_TAIL):
            break
        out.append(w)
    while out and out[-1].lower() in lx.LABEL_EN_PREPOSITIONS | lx.LABEL_EN_DETERMINERS:
        out.pop()
    rest = words[len(out) : len(out) + 1]
    if len(out) == 1 and rest and rest[0].lower() in lx.LABEL_EN_PREPOSITIONS - lx.LABEL_EN_AMOUNT_TAIL:
        return None  # "$2 million went to salaries": a verb and where to, no noun
    named = _clip(" ".join(out))
    return named if named and not _weak(named) and not PERIOD_WORDS.match(named) else None


_NOT_NOUN_OPENERS = (
    lx.LABEL_EN_PREPOSITIONS | lx.LABEL_EN_DETERMINERS | lx.LABEL_CONNECTIVES | lx.LABEL_EN_PREDICATE_OPENERS
)


def _english_counted(text: str, start: int, end: int, unit: str) -> str | None:
    """What an English count counts: the noun phrase from the number to its head noun, as written
    ("25 municipal capital charters", "14 new positions"), and a phrase opened by a preposition after
    it ("30 calls for electrical problems"). Never the verb before it: English puts it first
    ("Council approved 14 new positions" counts positions, not council)."""
    # (`end` is where the count's words end: its noun is the figure's last word.)
    number = _LEADING_NUMBER.match(text, start, end)
    head = " ".join(text[number.end() if number else start : end].split())
    if not head.lower().endswith(unit.lower()) or any(c in head for c in "();:"):
        return None
    words = _phrase_after(text, end).split()
    # ("412 communes met the standard": a short clause said of the noun names it too.)
    done = bool(words) and (_participle_tail(words) or (len(words) <= 4 and _english_participle(words[0])))
    if words and (words[0].lower() in lx.LABEL_EN_COUNT_TAIL_OPENERS or done):
        tail = words[: lx.LABEL_EN_COUNT_TAIL_WORDS]
        while tail and tail[-1].lower() in lx.LABEL_EN_PREPOSITIONS | lx.LABEL_EN_DETERMINERS:
            tail.pop()
        if len(tail) > 1 or (tail and done):
            head = f"{head} {' '.join(tail)}"
    named = _clip(head)
    return named if named and not _weak(named) else None


def _participle_tail(words: list[str]) -> bool:
    """Whether the words after an English count's noun say what was done to it ("15 vehicles stolen",
    "69 children were screened for lead", "1,250 pits checked and cleared"), not what it did to
    something ("4,000 students implemented a program")."""
    first = 1 if words[0].lower() in lx.LABEL_EN_PASSIVE_AUX else 0
    if len(words) <= first or not _english_participle(words[first]):
        return False
    nxt = words[first + 1].lower().strip(",") if len(words) > first + 1 else ""
    return (
        not nxt
        or nxt in lx.LABEL_EN_PREPOSITIONS
        or nxt in lx.LABEL_EN_LIST_JOINS
        or _english_participle(nxt)
    )


def _english_participle(word: str) -> bool:
    low = word.lower().strip(",.;:")
    regular = low.endswith(lx.LABEL_EN_PARTICIPLE_SUFFIX) and len(low) >= lx.LABEL_EN_PARTICIPLE_MIN
    return regular or low in lx.LABEL_EN_PARTICIPLES


_BARE_NUMBER_END = re.compile(r"(?<![\w.,])\d[\d,.]*\s*$")


def _after_bare_number(text: str, start: int) -> bool:
    """Whether a figure opens a bracket right after a number alone ("36 (19%) requests")."""
    return (
        text[start - 1 : start] == "("
        and _BARE_NUMBER_END.search(text, max(0, start - 12), start - 1) is not None
    )


def _english_share_of_count(text: str, start: int, end: int) -> str | None:
    """The noun a bracketed share of an English count measures: "responded to 36 (19%) miscellaneous
    requests" -> "miscellaneous requests" (the count's noun after the bracket)."""
    if text[end : end + 1] != ")" or not _after_bare_number(text, start):
        return None  # ("11 indicators being green (55%)": the bracket follows a noun, its owner's rule)
    words: list[str] = []
    for w in text[end + 1 : end + 80].split()[: lx.LABEL_EN_COUNT_TAIL_WORDS]:
        low = w.lower().strip(",.;:()")
        # ("30 (16%) calls for electrical problems": a phrase of what the noun is for stays.)
        if words and low in lx.LABEL_EN_COUNT_TAIL_OPENERS:
            words.append(w)
            continue
        if not low[:1].isalpha() or low in lx.LABEL_CONNECTIVES or low in lx.LABEL_VERBS:
            break
        words.append(w.strip(",.;:()"))
        if w[-1:] in ",.;:)":
            break
    while words and words[-1].lower() in lx.LABEL_EN_PREPOSITIONS | lx.LABEL_EN_DETERMINERS:
        words.pop()
    named = " ".join(words)
    return named if named and not _weak(named) else None


def _english_object(label: str, of_figure: bool = False) -> str:
    """An English label without the verb phrase in front of its noun phrase ("Council also ratified
    the tax rate" -> "tax rate"; "revenue from the utility fund" keeps its head; "results in an
    increase of $226": an amount `of_figure` is the last noun phrase's, after any preposition), and
    without a leading preposition and determiner ("for an average house" -> "average house")."""
    words = label.split()
    if (
        len(words) > 2
        and words[0].lower() in lx.LABEL_EN_PREPOSITIONS
        and words[1].lower() in lx.LABEL_EN_DETERMINERS
    ):
        words = words[2:]
    for i in range(len(words) - 1, 0, -1):
        if words[i].lower() in lx.LABEL_EN_DETERMINERS and (
            of_figure or words[i - 1].lower() not in lx.LABEL_EN_PREPOSITIONS
        ):
            rest = _clip(_trimmed_phrase(words[i + 1 :]))
            if _weak(rest) and only_function_words(" ".join(words[i:])):
                return ""  # "taxpayers will pay an additional": the verb phrase names nothing
            return rest if not _weak(rest) else " ".join(words)
    return " ".join(words)


_SHARE_LAST_WORDS = frozenset(v.split()[-1] for v in lx.LABEL_SHARE_VERBS)


def _share_verb(text: str, start: int) -> str | None:
    """The share verb right before the figure ("chiếm", "chiếm tỷ trọng", "accounting for"; a
    qualifier may stand between: "chiếm khoảng"), or None."""
    words = _WORD.findall(text[max(0, start - 40) : start].lower())
    if words and words[-1] in lx.QUALIFIERS_BEFORE:
        words.pop()
    if not words or words[-1] not in _SHARE_LAST_WORDS:
        return None
    for n in (3, 2, 1):
        verb = " ".join(words[-n:])
        if len(words) >= n and verb in lx.LABEL_SHARE_VERBS:
            return verb
    return None


def _share_part(
    text: str, labels: list[str | None], spans: list[tuple[int, int]], k: int, verb: str
) -> str | None:
    """What a share measures a part of, when its own clause says only "chiếm" (the share verb): the
    figure right before it ("có 90 cổ đông tham dự, với 1.148.284.348 cổ phần, chiếm tỷ lệ 93,4%":
    cổ phần), else the sentence's subject ("Vốn khu vực nhà nước ..., chiếm 20,3% tổng vốn ...")."""
    start = spans[k][0]
    if k:
        gap = text[spans[k - 1][1] : start]
        if not _SENTENCE_GAP.search(gap):
            words = [w for w in _WORD.findall(gap.lower()) if w not in lx.QUALIFIERS_BEFORE]
            if " ".join(words) == verb or not words:
                return labels[k - 1]
            # "18 triệu ca mắc Covid-19, chiếm 12,4%": the gap is the figure before's own noun.
            cut = max(gap.rfind(c) for c in ",(-–")
            noun = gap[:cut].strip() if cut > 0 else ""
            if noun and labels[k - 1] and noun.lower() in labels[k - 1].lower():
                return noun
            # (After another figure of the sentence the part is that figure's, or unknown: the
            # sentence's subject may be the other figure's.)
            return None
    part = _sentence_subject(text, start)
    return None if _weak(part) else part


def _comparative(text: str, start: int, before: str) -> bool:
    """Whether the words before the figure (its phrase `before`, which may have lost a trailing
    "hơn") open with a comparative: "cao hơn", "thấp hơn nhiều so với quý I-2021 (...)"."""
    words = before.lower().split()
    if not words or len(words) > 6:
        return False
    if " ".join(words[:2]) in lx.LABEL_COMPARATIVES or " ".join(words[:3]) in lx.LABEL_COMPARATIVES:
        return True
    # "cao hơn 1,03 điểm": the phrase keeps "cao", "hơn" went with the trailing words.
    rest = text[max(0, start - 24) : start].lower().split()
    return len(words) == 1 and len(rest) >= 2 and f"{words[0]} {rest[-1]}" in lx.LABEL_COMPARATIVES


def _counted_label(text: str, start: int, end: int, unit: str, before: str, borrowed: str) -> str:
    """label_for's choice for a count or ratio, from the phrase before it and the words after it."""
    if before and borrowed == "joined":
        return before  # "với sức chứa lên đến hơn 7.000 người": the measure the count is of
    first, _, rest = before.partition(" ")
    if first.lower() in lx.LABEL_VERBS and rest.lower().startswith(lx.COUNT_NAME_OPENERS):
        before = rest  # "nâng tổng số cơ sở lưu trú du lịch lên 88 đơn vị"
    if before and (unit.lower() in lx.CLASSIFIERS or before.lower().startswith(lx.COUNT_NAME_OPENERS)):
        # "tổng đàn ước đạt trên 286.000 con": the classifier names nothing; "số TCCSĐ hoàn thành
        # nhiệm vụ có 04 đơn vị": the "số ..." phrase names what is counted.
        return before
    # "252 đối tượng bị bắt giữ": what is said of the counted noun names it, verbs and all.
    raw = _phrase_after(text, end)
    after = _attained(text, end, unit, raw) or _trimmed_phrase(raw.split())
    after = "" if not after or only_connectives(after) else after
    if unit and after.lower() == unit.lower():
        after = ""  # "Tổng diện tích gieo trồng 5.614/6.300 ha": the unit after a ratio names nothing
    # "Thành lập mới 605 doanh nghiệp" -> "doanh nghiệp thành lập mới"; "124 doanh nghiệp
    # ngừng hoạt động" -> the words after the noun.
    if after:
        return f"{unit} {after}" if unit and not after.lower().startswith(unit.lower()) else after
    measure = unit in lx.MEASURE_UNITS or unit.lower() in lx.MEASURE_UNITS or unit in _CURRENCY_CODES
    if unit and (unit.lower() in before.lower() or measure):
        # "Số vụ ma túy 218 vụ": the phrase already names what is counted; "Tổng diện tích gieo
        # trồng 5.614/6.300 ha": a measure's unit names nothing.
        return before
    # "Lượng khách đến Bình Thuận đạt khoảng 4,46 triệu lượt": a subject that attains the count is
    # what is counted ("Toàn tỉnh có 30 dự án" is not: the place has them).
    near = _near_words(text, start, 24)
    if (
        before
        and near
        and (near[-1] in lx.LABEL_SUBJECT_VERBS or " ".join(near[-2:]) in lx.LABEL_SUBJECT_VERBS)
    ):
        return before
    # ("làm chết 11 người" -> "người chết": the causative verb names nothing of the counted.)
    first, _, rest = before.partition(" ")
    if first.lower() in lx.LABEL_CAUSATIVES and rest and before.lower() in lx.LABEL_VERBS:
        before = rest
    return f"{unit} {_decapitalised(before)}".strip()


def _attained(text: str, end: int, unit: str, raw: str) -> str:
    """What counted things attained, when the words after them say it ("14/16 chỉ tiêu đạt và vượt kế
    hoạch đề ra", "1 chỉ tiêu chưa đạt", "01 xã đạt 15 tiêu chí": the attainment and what it counts)."""
    at = end + len(text[end : end + 4]) - len(text[end : end + 4].lstrip())
    named = unit and text[at : at + len(unit)].lower() == unit.lower()
    if named:
        at += len(unit)  # (a ratio's figure ends at its number: "7/16 khoản thu đạt")
    m = _ATTAINED.match(text, at)
    if m is None:
        return ""
    verb = " ".join(m[1].split())
    said = raw[len(unit) :].strip() if named and raw.lower().startswith(unit.lower()) else raw
    if said.lower().startswith(verb.lower() + " "):
        return said  # "đạt và vượt kế hoạch đề ra"
    if m[2] and verb.lower() in lx.LABEL_COUNT_CHANGES:
        return ""  # "doanh nghiệp tăng 1,5 lần": a change of something else, not what was attained
    # The verb alone, or what it attains is a count ("đạt 15 tiêu chí"), up to the next break.
    return f"{verb} {' '.join(m[2].split())}" if m[2] else verb


_ATTAINED = re.compile(
    r"\s*(" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in lx.LABEL_ATTAIN_VERBS) + r")"
    r"(?:\s+(\d[\d.,/]*(?:\s+[^\W\d_]+){1,2}))?(?=[\s,;.)]|$)",
    re.IGNORECASE,
)


def _ends_attained(label: str) -> bool:
    """Whether a count's label ends with what the things attained ("chỉ tiêu chưa đạt")."""
    return any(label.lower().endswith(" " + v) for v in lx.LABEL_ATTAIN_VERBS)


def _label(text: str, end: int, kind: str, before: str, borrowed: str) -> str:
    """label_for's choice for any other figure, from the phrase before it and the words after it."""
    verb_last = bool(before) and before.split()[-1].lower() in lx.LABEL_VERBS
    if kind == "money" and borrowed == "past-figure":
        # "issued 424 permits and collected $15,995 in fees": what the amount is in names it, not the
        # subject before the other figure.
        named = _purpose_object(text, end)
        if named:
            return named
    if (
        before
        and not verb_last
        and not (kind == "measure" and len(before.split()) > 4)
        and not (borrowed == "borrowed" and kind == "percent")
    ):
        return before  # (the words after could not change it)
    raw_after = _phrase_after(text, end)
    # "đóng góp 8,85% vào mức tăng trưởng chung": after a preposition the words are an adjunct
    # (but "collected $15,995 in fees": an amount is named by what it is in or for, unless that is
    # a time: "$5 million in the first quarter").
    first = raw_after.split()[0].lower() if raw_after else ""
    adjunct = first in lx.LABEL_ADJUNCT_PREPS
    if adjunct and kind == "money" and first in lx.LABEL_PURPOSE_PREPS and not _names_time(raw_after):
        adjunct, raw_after = False, raw_after.partition(" ")[2]
    after = _trimmed_phrase(raw_after.split())
    if _weak(after) or _starts_base(after) or _time_base(after):
        after = ""
    if borrowed == "borrowed" and after and kind == "percent":
        before = ""  # "đảm bảo 100% trưởng thôn, trưởng khu dân cư ...": the share of what follows
    if after and not adjunct and before and before.split()[-1].lower() in lx.LABEL_VERBS:
        return after  # "The province targets 7% growth": what the verb's object names
    if kind == "measure" and after and len(before.split()) > 4:
        return after  # "hỗ trợ nhu yếu phẩm ... với tổng số 311 tấn gạo": the goods measured
    if before:
        return before
    return "" if adjunct else after


def _starts_comparison(phrase: str) -> bool:
    low = phrase.lower()
    return low in lx.BASE_STARTS or low.startswith(_BASE_STARTS_SPACED)


_BASE_STARTS_SPACED = tuple(w + " " for w in lx.BASE_STARTS)
_BASES_SPACED = tuple(w + " " for w in (*lx.BASE_WORDS, *lx.BASE_STARTS))


def _starts_base(phrase: str) -> bool:
    """ "kế hoạch", "so với năm 2020", "dự toán": a comparison, which is the base, not the label."""
    low = phrase.lower()
    return low in lx.BASE_WORDS or low in lx.BASE_STARTS or low.startswith(_BASES_SPACED)


def _contains_number(text: str, number: str) -> bool:
    """`number` stands in `text` as a whole number ("218" in "... 218 vụ", not in "2180" or "1.218")."""

    def digit(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isdigit()

    at = text.find(number)
    while at >= 0:
        end = at + len(number)
        glued_before = digit(at - 1) or (at > 0 and text[at - 1] in ".," and digit(at - 2))
        glued_after = digit(end) or (end < len(text) and text[end] in ".," and digit(end + 1))
        if not glued_before and not glued_after:
            return True
        at = text.find(number, at + 1)
    return False


_SENTENCE_GAP = re.compile(r"[.!?;](?:\s|$)|\n|" + _GLUED_STOP)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n|" + _GLUED_STOP)


def inherit_labels(
    text: str,
    labels: list[str | None],
    spans: list[tuple[int, int]],
    bases: list[str | None],
    percents: list[bool] | None = None,
    offsets: list[bool] | None = None,
    units: list[str] | None = None,
) -> list[str | None]:
    """Labels by the sentence's structure, over a document's figures in text order:
    - a figure in a parenthesis measures what its owner measures, with the parenthesis' own words
      (`tỷ lệ 93,18% (năm 2020 là 92,66%)`; `52,24%; 46,98%; 0,78% (tương ứng với năm 2020 là 52,6%;
      46,6%; 0,8%)` pairs the figures in order);
    - a figure that only continues the sentence's topic (`..., vượt 0,9% kế hoạch, tăng 7% so với năm
      2020`), or whose own phrase runs back over the figure before it, takes the label of the figure
      before it in the same sentence;
    - a percent given as a share (`percents`: which figures are percents) is the part in the whole
      (`..., chiếm 20,3% tổng vốn đầu tư` -> "Vốn khu vực nhà nước trong tổng vốn đầu tư");
    - a time offset (`offsets`: `chỉ 5 phút sau`, `10 năm trở lại đây`) has none;
    - a count's change in the count's own unit (`units`) measures the count (`31/37 trường đạt chuẩn
      quốc gia, tăng 3 trường`); an indicator named under a list item's name takes it (`- Rau màu:
      Diện tích 7,2 ha` -> "Diện tích rau màu")."""
    # (A time offset's own words are kept while the others are decided, for the figures after it to
    # take: "Tỷ lệ sử dụng thuốc lá liên tục giảm trong 10 năm qua, từ 20,9% năm 2005"; it has none.)
    out = list(labels)
    n = len(out)
    shares = [_share_verb(text, a) for a, _ in spans]  # (read once: three passes ask)
    owners = _paren_owners(text, spans)
    for k in range(1, n):
        # "..., tăng 11,5%, nếu loại trừ yếu tố giá tăng 8,7%": a condition, of what came before it in
        # the sentence (read first: a parenthesis after it takes its owner's label).
        own = out[k]
        change = _bare_change(own) if own else None
        if not own or (not _opens_with(own.lower(), lx.LABEL_CONDITION_OPENERS) and change is None):
            continue
        j = k - 1  # (the figure right before may have no label yet: the nearest that has one in its sentence)
        while j > 0 and out[j] is None and not _SENTENCE_GAP.search(text, spans[j][1], spans[k][0]):
            j -= 1
        near = spans[k][0] - spans[j][1] <= _CHANGE_GAP  # (a change follows what it changes closely)
        if out[j] and not _SENTENCE_GAP.search(text, spans[j][1], spans[k][0]) and out[j] != own:
            if change and not near:
                continue
            # "is proposed at $40,807,742, an increase of $1,492,368": the change of what it measures.
            out[k] = _clip(f"{out[j]} {change}") if change and change not in out[j].lower() else out[j]
    for k in range(n):
        owner = owners.get(k)
        if owner is None or out[owner] is None:
            continue
        paren = text.rfind("(", spans[owner][1], spans[k][0])
        # "(trong đó công nghiệp tăng 8,48%; xây dựng tăng 7,57%)": the parts of the owner, each
        # named by its own words.
        if out[k] and _opens_with_continuer(text[paren + 1 : paren + 24]):
            continue
        if out[k] and _after_bare_number(text, spans[k][0]):
            continue  # "32 (17%) sewer-related calls": the share of the count's noun, named after it
        # "(Trong đó, 175 công dân nhập ngũ vào Quân đội, ...)": a figure that names its own subject keeps it.
        near = {w.lower() for w in _WORD.findall(text[paren + 1 : spans[k][0]])}
        near.update(w.lower() for w in _WORD.findall(text[spans[k][1] : spans[k][1] + 24])[:2])
        if out[k] and not {w.lower() for w in _WORD.findall(out[k])} <= near:
            continue
        first = k
        while first > 0 and spans[first - 1][0] > paren:
            first -= 1
        # The parenthesis' words before its first figure ("tương ứng với năm 2020 là 52,6%; 46,6%"), or
        # before this one when it names its own item ("(Điện Biên 314 ha, Sơn La 60 ha)").
        own = _paren_words(text, paren + 1, spans[first][0])
        if k != first:
            # (After the gap's last separator: before it stand the previous figure's unit and words.)
            gap = text[spans[k - 1][1] : spans[k][0]]
            cut = max(gap.rfind(","), gap.rfind(";"))
            item = _paren_words(text, spans[k - 1][1] + cut + 1, spans[k][0]) if cut >= 0 else ""
            if _WORD.search(item) and not _weak(item):
                own = item
        out[k] = _clip(f"{out[owner]} {own}") if own else out[owner]
    for k in range(1, n):
        if k in owners or (offsets and offsets[k]):
            continue
        own = out[k]
        prev_text = text[spans[k - 1][0] : spans[k - 1][1]]
        weak = (
            own is None
            or (bases[k] is not None and own.lower() in bases[k].lower())
            or (_contains_number(own, prev_text) and not (offsets and offsets[k - 1]))
        )
        if not weak or out[k - 1] is None:
            continue
        gap = text[spans[k - 1][1] : spans[k][0]]
        if _SENTENCE_GAP.search(gap):
            continue
        # "Vốn khu vực nhà nước ..., chiếm 20,3% tổng vốn ..., giảm 13,1%": not the share's label,
        # the label of what came before it.
        src = k - 1
        if (
            src
            and percents
            and percents[src]
            and shares[src]
            and not _SENTENCE_GAP.search(text, spans[src - 1][1], spans[src][0])
            and out[src - 1]
        ):
            src -= 1
        # "Tổng sản phẩm trên địa bàn (GRDP) ..., vượt 0,9% kế hoạch": the subject's short name.
        short = _ACRONYM_END.search(out[src])
        out[k] = short[1] if short else out[src]
    for k in range(1, n):
        if out[k] and out[k - 1] and not _SENTENCE_END.search(text, spans[k - 1][1], spans[k][0]):
            out[k] = _parallel(out[k - 1], out[k])
    for k in range(n):
        if out[k] is None and not (offsets and offsets[k]):
            # "hoàn thành 100% chỉ tiêu": nothing else names it, the words after it do; else the
            # sentence's subject ("lãi suất bình quân kỳ hạn qua đêm, ... lần lượt là 0,13%/năm").
            words = _phrase_after(text, spans[k][1]).split()
            if words and words[0] in lx.LABEL_PURPOSE_PREPS:
                words = words[1:]
            after = _clip(_trimmed_phrase(words))
            if not _weak(after) and not _time_base(after):
                out[k] = after
            elif k and out[k - 1] and not _SENTENCE_END.search(text, spans[k - 1][1], spans[k][0]):
                out[k] = out[k - 1]  # "CPI tháng 9 tăng 0,35%; bình quân 9 tháng tăng 2,9%": the same
            else:
                out[k] = _sentence_subject(text, spans[k][0])
                if out[k] is None:
                    # "Với mức giá khoảng 20 triệu đồng": the noun right before it, when nothing
                    # else names it.
                    out[k] = " ".join(_last_noun(words_before(text, spans[k][0], 24)[-3:])) or None
                if out[k] is None and k and out[k - 1] and _continues(text, spans[k - 1][1], spans[k][0]):
                    out[k] = out[k - 1]  # "GRDP tăng 2,58%. Trong đó, quý I tăng 7,49%": the same
    for k in range(1, n):
        # "đàn bò 11.133 con/KH 16.200-16.500 con", "tăng 18,4%/KH tăng 10-12%": the plan's figure for
        # what the figure before it measures.
        gap = text[spans[k - 1][1] : spans[k][0]]
        marker = _PLAN_BEFORE.search(gap) if len(gap) <= _PLAN_GAP else None
        if marker and out[k - 1] and not _SENTENCE_GAP.search(gap):
            word = " ".join(marker[1].split())
            if not out[k - 1].endswith(word):
                out[k] = _clip(f"{out[k - 1]} {word}")
    before_shares = list(out)
    for k in range(n):
        # "..., chiếm 20,3% tổng vốn đầu tư toàn xã hội": the part, in the whole the figure's own
        # words (read after it) name.
        verb = shares[k] if percents and percents[k] else None
        if verb is None or (out[k] and _names_part(text, spans[k][0], out[k], verb)):
            continue
        # (The parts are read from the labels as they were before this pass: two shares in a row do
        # not nest "part trong whole" in each other.)
        part = _share_part(text, before_shares, spans, k, verb)
        if part:
            joiner = lx.LABEL_SHARE_VERBS[verb]
            words = _phrase_after(text, spans[k][1]).split()
            if words and words[0].lower() in lx.LABEL_SHARE_WHOLE_PREPS:
                words = words[1:]
            whole = _trimmed_phrase(words)
            if whole and not _weak(whole) and part.lower() not in whole.lower():
                out[k] = _clip(f"{part} {joiner} {whole}")
            elif not out[k] or verb.startswith(out[k].lower()):
                # "lớp 12 là 36 câu (chiếm 90%)": no whole named, the label it has stands.
                out[k] = part
    for k in range(n):
        # "số hộ nghèo còn lại cuối năm là 873, đạt tỷ lệ 2,03%": the rate of what the clause names.
        rate = None if shares[k] else _rate_word(text, spans[k][0])
        label = out[k]
        if (
            rate
            and label
            and rate not in label.lower()
            and not _opens_with(label.lower(), lx.LABEL_INDICATOR_HEADS)
        ):
            out[k] = _clip(f"{rate} {_decapitalised(label)}")
    if units:
        for k in range(1, n):
            src = _changed_count(text, out, spans, units, k)
            if src is not None:
                out[k] = out[src]
    for k in range(n):
        if out[k] and out[k].lower() in _INDICATOR_HEADS:
            item = _list_item_name(text, spans[k][0], out[k])
            if item:
                out[k] = _clip(f"{out[k]} {_decapitalised(item)}")
    if offsets:
        out = [None if offset else label for label, offset in zip(out, offsets, strict=True)]
    return out


_INDICATOR_HEADS = frozenset(lx.LABEL_INDICATOR_HEADS)
_CHANGE_BEFORE = re.compile(r"(?:^|\s)(?:" + "|".join(lx.LABEL_COUNT_CHANGES) + r")\s*$", re.IGNORECASE)
_ITEM_NAME = re.compile(
    r"[ \t]*[" + re.escape(_BULLETS.strip()) + r"]?[ \t]*([^\W\d_][^:\n\d]{1,40}?):[ \t]*"
)
_ITEM_LINE_REACH = 200  # how far back a list item's line start is looked for (a huge line has none)


def _changed_count(
    text: str, out: list[str | None], spans: list[tuple[int, int]], units: list[str], k: int
) -> int | None:
    """The earlier figure of the sentence that a count's change measures ("31/37 trường đạt chuẩn
    quốc gia, tăng 3 trường": the same unit, a change word right before), when its own label is only
    the unit."""
    unit = units[k]
    if not unit or (out[k] or "").lower() != unit.lower():
        return None
    if not _CHANGE_BEFORE.search(text, max(0, spans[k][0] - 12), spans[k][0]):
        return None
    for j in range(k - 1, -1, -1):
        if _SENTENCE_END.search(text, spans[j][1], spans[k][0]):
            return None
        gap = text[spans[j][1] : spans[k][0]]
        if gap.count(")") > gap.count("("):
            continue  # "192 vụ (không phép: 129 vụ, sai phép: 63 vụ), tăng 55 vụ": not a part in brackets
        if units[j] == unit:
            return j if out[j] and out[j].lower() != unit.lower() else None
    return None


def _list_item_name(text: str, start: int, label: str) -> str | None:
    """The name of the list item a figure's indicator stands under ("- Rau màu: Diện tích 7,2 ha" ->
    "Rau màu"): a short name and a colon opening the line, the indicator right after it."""
    line = text.rfind("\n", max(0, start - _ITEM_LINE_REACH), start) + 1
    m = _ITEM_NAME.match(text, line, start)
    if m is None or len(m[1].split()) > lx.LABEL_ITEM_NAME_WORDS:
        return None
    name = m[1].strip()
    words = name.split()
    # ("Trong đó: Diện tích 500 ha", "Về trồng trọt: ...", "Kết quả: ..."): a lead-in, no item's name.
    if words[0].lower() in lx.LABEL_FRONTED_OPENERS or _trimmed_phrase(list(words)) != name or _weak(name):
        return None
    between = text[m.end() : start]
    if label.lower() not in between.lower() or label.lower() in m[1].lower():
        return None
    # (Every indicator of the item's line is the item's: "- Lúa: Diện tích 500 ha, năng suất 60 tạ/ha".)
    return None if _SENTENCE_GAP.search(between) else m[1].strip()


_PLAN_BEFORE = re.compile(
    r"[/(]\s*(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lx.LABEL_PLAN_MARKERS) + r")"
    r"(?:\s+(?:" + "|".join(lx.LABEL_PLAN_CHANGES) + r"))?\s*$",
    re.IGNORECASE,
)
# The longest gap between a figure and its plan's ("... tạ/ha/KH ", "vượt kế hoạch (kế hoạch ").
_PLAN_GAP = 24


_CHANGE_GAP = 24  # ("$40,807,742, an increase of $1,492,368": the words between, at most)


def _bare_change(label: str) -> str | None:
    """The change noun an English label is alone ("an increase", "contraction"), or None."""
    words = label.lower().split()
    if words and words[0] in lx.LABEL_EN_DETERMINERS:
        words = words[1:]
    return words[0] if len(words) == 1 and words[0] in lx.LABEL_EN_CHANGE_NOUNS else None


def _names_part(text: str, start: int, label: str, verb: str) -> bool:
    """Whether a share's label was read before it ("tỷ trọng khu vực dịch vụ chiếm 52,24%"): it names
    the part itself, not the whole after it."""
    before = text[max(0, start - 160) : start]
    return label in before and not verb.startswith(label.lower())


def _rate_word(text: str, start: int) -> str | None:
    """The rate noun right before a figure ("đạt tỷ lệ 2,03%"), or None."""
    near = _near_words(text, start, 16)
    two = " ".join(near[-2:])
    return two if two in lx.LABEL_RATE_NOUNS else None


def _opens_with_continuer(head: str) -> bool:
    words = " ".join(head.lower().replace(",", " ").split()[:3])
    return any(words == c or words.startswith(c + " ") for c in lx.LABEL_CONTINUERS)


def _continues(text: str, a: int, b: int) -> bool:
    """Whether the sentence holding `b`, which starts after `a` (the figure before), opens with a
    continuer ("Trong đó, ...") and is the next one: it goes on about what the one before measured."""
    gaps = [m.end() for m in _SENTENCE_GAP.finditer(text, a, b)]
    if len(gaps) != 1 or "\n\n" in text[a:b]:
        return False
    return _opens_with_continuer(text[gaps[0] : b])


def _parallel(prev: str, own: str) -> str:
    """A list item that repeats only the end of the item before it takes that item's head: "tỷ lệ cung
    cấp dịch vụ công trực tuyến mức độ 3 là 78%; mức độ 4 là 45%" -> "... trực tuyến mức độ 4"."""
    p, o = prev.split(), own.split()
    if len(o) > 4 or len(p) <= len(o):
        return own
    tail = p[len(p) - len(o) :]
    same = 0
    while same < len(o) and tail[same].lower() == o[same].lower():
        same += 1
    # The same words but for the last one or two ("mức độ 3" / "mức độ 4").
    if same >= 2 and 1 <= len(o) - same <= 2:
        return " ".join(p[: len(p) - len(o)] + o)
    return own


_FRONTED_WORDS = 3  # "Trước đó", "Cụ thể", "Theo báo cáo mới": a fronted adverbial's words at most


def _sentence_subject(text: str, start: int) -> str | None:
    """The subject of the sentence holding `start`: its first clause's words before the first verb
    (after a short fronted clause that names nothing: "Trước đó, Apple ...")."""
    lo = max(0, start - 240)
    cut = max((m.end() for m in _SENTENCE_GAP.finditer(text, lo, start)), default=lo)
    head = text[cut:start]
    m = _FIGURE_NUMBER.search(head)
    if m:
        head = head[: m.start()]
    clauses = _BREAKS.split(head)
    for k, clause in enumerate(clauses):
        if k and len(clauses[k - 1].split()) > _FRONTED_WORDS:
            break  # only a short fronted clause is passed over, not a quotation or a list
        words = clause.split()
        opener = bool(words) and words[0].lower() in lx.LABEL_FRONTED_OPENERS
        fronted = opener and len(words) <= _FRONTED_WORDS
        if fronted and k + 1 < len(clauses):
            continue  # "Theo UNDP, ...", "Tại Việt Nam, ...": a fronted adverbial, no subject
        subject = _subject_of(clause, limit=lx.LABEL_MAX_WORDS)
        if subject and k:
            words = subject.split()
            while words and words[-1].lower() in lx.LABEL_PREVERBAL:
                words.pop()
            subject = "" if _weak(" ".join(words)) else " ".join(words)
        if subject:
            return _clip(subject) or None
    return None


# A label ending in its acronym: "Tổng sản phẩm trên địa bàn (GRDP)".
_ACRONYM_END = re.compile(r"\(([A-ZĐ][A-ZĐ0-9&-]{1,9})\)$")


_PAREN_REACH = 400  # how far a parenthesis is looked for around a figure (linear on a one-line corpus)


def _paren_owners(text: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """{figure index: owner index} for figures in a parenthesis that has no subject of its own: the
    figure right before the parenthesis, or, for a list of m figures, the m figures before it in order."""
    owners: dict[int, int] = {}
    n = len(spans)
    k = 0
    while k < n:
        s = spans[k][0]
        line = max(text.rfind("\n", max(0, s - _PAREN_REACH), s) + 1, s - _PAREN_REACH, 0)
        paren = text.rfind("(", max(line, spans[k - 1][1] if k else line), s)
        if paren < 0 or k == 0 or text.find(")", paren, s) >= 0:
            k += 1
            continue
        close = text.find(")", s, s + _PAREN_REACH)
        nl = text.find("\n", s, s + _PAREN_REACH)
        if close < 0 or (0 <= nl < close):
            k += 1
            continue
        inside = [j for j in range(k, n) if spans[j][1] <= close]
        before = []
        j = k - 1
        while j >= 0 and len(before) < 8 and not _SENTENCE_END.search(text, spans[j][1], paren):
            before.insert(0, j)
            j -= 1
        if not before or not _subjectless(text, paren + 1, s):
            k = inside[-1] + 1 if inside else k + 1
            continue
        if len(inside) > 1 and len(before) >= len(inside) and _bare_list(text, spans, inside):
            for j, o in zip(inside, before[-len(inside) :], strict=True):
                owners[j] = o
        else:
            for j in inside:
                if j == k or _subjectless(text, spans[j - 1][1], spans[j][0]):
                    owners[j] = before[-1]
        k = inside[-1] + 1 if inside else k + 1
    return owners


def _subjectless(text: str, a: int, b: int) -> bool:
    """The words between `a` and `b` name no subject: none, verbs and connectives, a period, or at most
    two words of a qualifier ("năm 2020 là", "tương ứng với năm 2020 là", "đúng hạn đạt")."""
    words = PERIOD_WORDS.sub(" ", text[a:b]).split()
    _strip_phrases(words, lx.LABEL_TRAILING, from_end=True)
    _strip_phrases(words, lx.LABEL_LEADING, from_end=False)
    phrase = " ".join(words).strip(" ,;:")
    if _weak(phrase):
        return True
    return len(phrase.split()) <= 2 and not any(w.isupper() and len(w) > 1 for w in phrase.split())


def _bare_list(text: str, spans: list[tuple[int, int]], inside: list[int]) -> bool:
    """The figures after the first in a parenthesis stand alone ("52,6%; 46,6%; 0,8%")."""
    return all(not _WORD.search(text[spans[j - 1][1] : spans[j][0]]) for j in inside[1:])


def _paren_words(text: str, a: int, b: int) -> str:
    """The parenthesis' own words before its figure, trimmed ("năm 2020", "đúng hạn")."""
    words = text[a:b].split()
    _strip_phrases(words, lx.LABEL_TRAILING, from_end=True)
    _strip_phrases(words, lx.LABEL_LEADING, from_end=False)
    phrase = " ".join(words).strip(" ,;:")
    # A period here is kept: "(năm 2020 là 92,66%)" is the owner's measure in 2020.
    return "" if only_function_words(phrase) else phrase
