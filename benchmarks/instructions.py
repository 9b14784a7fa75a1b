"""Indexing cost in instructions, which other load on the machine does not move (callgrind counts them).

    python benchmarks/instructions.py [OTHER_TUI] [--every 32] [--corpus DIR]

Each tree (this checkout's `tui/`, and OTHER_TUI if given: another tree's `tui/` folder, e.g. an older
commit checked out with `git worktree add`) runs three child processes under
`valgrind --tool=callgrind`: start-up only (imports, reading the files, one warm-up parse), start-up
and parse + accent folding of every file, and start-up and the bare number regex over every file
(twenty times, to be well above the noise of start-up). The start-up count is subtracted from the
other two, so each line prints the indexing cost beside the regex baseline measured the same way in
the same run, and their ratio; with two trees, the ratio of the trees' indexing costs (the regex's
count should be the same in both: a check that the runs are alike). Wall-clock benchmarks on a shared
virtual machine moved 2x between runs here; these counts repeat to a fraction of a percent.

Needs valgrind (Debian's package); a run over every 32nd vn-news file takes about two minutes per tree.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "vn-news"

# The child: the same code for every tree; only the `reportview` package on its path differs.
CHILD = r"""
import re, sys
from pathlib import Path
from reportview.core.folding import fold_with_map
from reportview.core.loading import parse_text
mode, corpus, every = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
texts = [f.read_text(encoding="utf-8") for f in sorted(corpus.glob("*.txt"))[::every]]
parse_text(texts[0])
if mode == "parse":
    for i, t in enumerate(texts):
        parse_text(t, str(i))
        fold_with_map(t)
elif mode == "regex":
    number = re.compile(r"\d+(?:[.,]\d+)*")
    for _ in range(20):
        for t in texts:
            number.findall(t)
"""
COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")
REGEX_ROUNDS = 20


def instructions(tui: Path, mode: str, corpus: Path, every: int) -> int:
    """The instructions one child process runs, counted by callgrind."""
    cmd = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, "-c", CHILD, mode, str(corpus), str(every),
    ]  # fmt: skip
    env = {"PYTHONPATH": str(tui), "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    m = COLLECTED.search(done.stderr)
    if m is None:
        raise RuntimeError(f"callgrind printed no count: {done.stderr[-400:]}")
    return int(m[1])


def costs(tui: Path, corpus: Path, every: int) -> tuple[int, int]:
    """Indexing and regex instructions of one tree, start-up subtracted."""
    start = instructions(tui, "none", corpus, every)
    parse = instructions(tui, "parse", corpus, every) - start
    regex = (instructions(tui, "regex", corpus, every) - start) // REGEX_ROUNDS
    return parse, regex


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("other", nargs="?", type=Path, help="another tree's tui/ folder to compare with")
    ap.add_argument("--every", type=int, default=32, help="read every Nth file of the corpus")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: apt-get install valgrind", file=sys.stderr)
        return 2
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.txt")):
        print(f"no .txt files at {args.corpus}", file=sys.stderr)
        return 2
    trees = [("this tree", ROOT / "tui")] + ([("other tree", args.other)] if args.other else [])
    found = {}
    for name, tui in trees:
        parse, regex = costs(tui, args.corpus, args.every)
        found[name] = parse
        print(
            f"{name:11} indexing {parse / 1e9:6.3f} G instructions | baseline bare number regex"
            f" {regex / 1e9:6.3f} G: indexing/regex {parse / regex:5.1f}x"
        )
    if args.other:
        print(f"this tree / other tree, indexing: {found['this tree'] / found['other tree']:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
