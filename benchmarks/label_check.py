"""Check figure labels (issue 13): none a lone verb or connective, none empty where the sentence has a
subject, none cut with an ellipsis. `python benchmarks/label_check.py PATH ...` (files or folders).
A duration that times the sentence ("chỉ 5 phút sau, ...", "trong 25 năm qua") measures no subject:
its empty label is counted apart and listed (labels.is_time_offset, the parse's own rule).

The verb and connective tables are the lexicon's (LABEL_VERBS, LABEL_CONNECTIVES), read through
labels.only_function_words, so the checker and the extractor agree on what a bare word is.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tui"))

from reportview.config import default_config  # noqa: E402
from reportview.core.labels import is_time_offset, only_function_words  # noqa: E402
from reportview.core.loading import discover, load_report  # noqa: E402

_SENTENCE_START = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def has_subject(text: str, start: int) -> bool:
    """The sentence holds at least two words (not verbs or connectives) before the figure."""
    lo = max(0, start - 200)
    cut = lo
    for m in _SENTENCE_START.finditer(text, lo, start):
        cut = m.end()
    words = [w for w in _WORD.findall(text[cut:start]) if not only_function_words(w)]
    return len(words) >= 2


def check(paths: list[str]) -> tuple[Counter[str], list[str]]:
    config = default_config()
    files, _ = discover([Path(p) for p in paths], config.extensions)
    counts: Counter[str] = Counter()
    examples: list[str] = []
    offsets: list[str] = []
    for f in files:
        try:
            report = load_report(f, config)
        except Exception:
            counts["unreadable files"] += 1
            continue
        counts["reports"] += 1
        for fig in report.figures:
            counts["figures"] += 1
            label = fig.label
            if not label:
                if is_time_offset(report.text, fig.start, fig.end, fig.unit):
                    counts["empty, a time offset or span (5 phút sau)"] += 1
                    offsets.append(f"offset {f.name}:{fig.start} {fig.text!r}")
                elif has_subject(report.text, fig.start):
                    counts["empty where the sentence has a subject"] += 1
                    examples.append(f"empty  {f.name}:{fig.start} {fig.text!r}")
                else:
                    counts["empty, no subject in the sentence"] += 1
            elif only_function_words(label):
                counts["lone verb or connective"] += 1
                examples.append(f"bare   {f.name}:{fig.start} {fig.text!r} label={label!r}")
            if label and "…" in label:
                counts["cut with an ellipsis"] += 1
                examples.append(f"cut    {f.name}:{fig.start} label={label!r}")
    return counts, examples + offsets


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    counts, examples = check(argv)
    for key in (
        "reports",
        "figures",
        "lone verb or connective",
        "empty where the sentence has a subject",
        "empty, no subject in the sentence",
        "empty, a time offset or span (5 phút sau)",
        "cut with an ellipsis",
        "unreadable files",
    ):
        print(f"{key:42s} {counts.get(key, 0)}")
    for line in examples[:40]:
        print("  " + line)
    bad = counts["lone verb or connective"] + counts["empty where the sentence has a subject"]
    return 1 if bad or counts["cut with an ellipsis"] else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
