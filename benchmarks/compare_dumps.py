"""Whole-output dumps of a source tree, and a JSON-aware comparison of two dumps.

    python benchmarks/compare_dumps.py dump REV_DIR OUT_DIR
    python benchmarks/compare_dumps.py compare A B [--keys k1,k2,..] [--show N]

`dump` runs REV_DIR's own code (PYTHONPATH=REV_DIR/tui, cwd REV_DIR) over the seeds, vn-news,
tests/data and the encodings corpus: `outline --format json`, `figures --format jsonl` and
`export` to CSV with --no-cache (a cold parse), the figures table (display captions) for the small
sets, a fixed set of search queries with a fresh cache of its own (the first query fills it, the
rest read it), and `figures --format jsonl` again from that cache (the cache codec round trip).

`compare` matches reports by path, figures and hits by position, and compares only the keys the
older dump A has (or the --keys given), so keys added since do not count as a difference.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

SHARED = Path(os.environ.get("REPORTVIEW_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
SHARED = SHARED.resolve()

QUERIES = (
    "dân số",
    "dan so",
    "tăng trưởng kinh tế",
    "tang truong",
    "GRDP",
    "doanh thu",
    "xuat khau",
    "ngân sách",
    "học sinh",
    "bệnh viện",
    "covid",
    "kind:percent tăng",
    "kind:money tỷ đồng",
    "kind:count hộ nghèo",
    "in:title báo cáo",
    "in:title kinh te",
    "budget",
    "council housing",
    "đầu tư công",
    "thu ngan sach nha nuoc",
    '"gian hàng"',
)


def _sets(rev: Path) -> dict[str, list[str]]:
    """The input sets, as the paths given to reportview (relative inside REV_DIR)."""
    return {
        "seeds": sorted(str(p.relative_to(rev)) for p in (rev / "seeds").glob("*.txt")),
        "vn-news": [str(SHARED / "corpus" / "vn-news")],
        "tests-data": ["tests/data"],
        "encodings": [str(SHARED / "corpus" / "encodings")],
    }


SMALL = ("seeds", "tests-data", "encodings")


def _run(rev: Path, env: dict[str, str], args: list[str], out: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportview", *args], cwd=rev, env=env, capture_output=True, check=False
    )
    out.write_bytes(proc.stdout)
    out.with_suffix(out.suffix + ".err").write_bytes(proc.stderr + f"\nexit {proc.returncode}\n".encode())


def dump(rev: Path, out: Path) -> None:
    rev = rev.resolve()
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(rev / "tui")
    env["XDG_CACHE_HOME"] = str(out / ".cache")
    env.pop("REPORTVIEW_CONFIG", None)
    env["COLUMNS"] = "200"
    sets = _sets(rev)
    for name, paths in sets.items():
        print(f"dump {name}", file=sys.stderr)
        _run(rev, env, ["outline", "--format", "json", "--no-cache", *paths], out / f"outline-{name}.json")
        _run(rev, env, ["figures", "--format", "jsonl", "--no-cache", *paths], out / f"figures-{name}.jsonl")
        csv_out = out / f"export-{name}.csv"
        csv_out.unlink(missing_ok=True)
        _run(rev, env, ["export", "--no-cache", "-o", str(csv_out), *paths], out / f"export-{name}.log")
        if name in SMALL:
            _run(rev, env, ["figures", "--format", "table", "--no-cache", *paths], out / f"table-{name}.txt")
    every = [p for paths in sets.values() for p in paths]
    for i, query in enumerate(QUERIES):
        _run(
            rev,
            env,
            ["search", "--format", "json", "--limit", "30", query, *every],
            out / f"search-{i:02}.json",
        )
    _run(rev, env, ["figures", "--format", "jsonl", *every], out / "figures-warm.jsonl")
    (out / "queries.txt").write_text("\n".join(QUERIES) + "\n", encoding="utf-8")


# ---- comparison ---------------------------------------------------------------------------------


def _project(item: object, keys: list[str] | None) -> object:
    if isinstance(item, dict) and keys is not None:
        return {k: item.get(k) for k in keys}
    return item


def _keys_of(items: list[object], given: list[str] | None) -> list[str] | None:
    if given:
        return given
    keys: dict[str, None] = {}
    for item in items:
        if isinstance(item, dict):
            keys.update(dict.fromkeys(item))
    return list(keys) or None


def _by_doc(records: list[dict], doc_key: str = "doc") -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        grouped[str(r.get(doc_key))].append(r)
    return grouped


def _compare_docs(a: dict[str, list], b: dict[str, list], keys: list[str] | None) -> tuple[int, list[str]]:
    diffs: list[str] = []
    differing = 0
    for doc in sorted(set(a) | set(b)):
        left, right = a.get(doc), b.get(doc)
        if left is None or right is None:
            differing += 1
            diffs.append(f"{doc}: only in {'B' if left is None else 'A'}")
            continue
        pl = [_project(x, keys) for x in left]
        pr = [_project(x, keys) for x in right]
        if pl == pr:
            continue
        differing += 1
        if len(pl) != len(pr):
            diffs.append(f"{doc}: {len(pl)} items in A, {len(pr)} in B")
        for i, (x, y) in enumerate(zip(pl, pr, strict=False)):
            if x != y:
                if isinstance(x, dict) and isinstance(y, dict):
                    changed = {k: (x.get(k), y.get(k)) for k in x if x.get(k) != y.get(k)}
                    diffs.append(f"{doc} #{i}: {json.dumps(changed, ensure_ascii=False)[:300]}")
                else:
                    diffs.append(f"{doc} #{i}: A={str(x)[:150]} B={str(y)[:150]}")
                break
    return differing, diffs


_DOTDOT = re.compile(r"/[^/\s\"]+/\.\./")
# The shared corpora, however the dump reached them (/work/shared, ../shared, a link to it).
_SHARED_CORPUS = re.compile(r"(?<![^\s\"',])/[^\s\"',]*?/shared/corpus/")


def _load_any(path: Path) -> tuple[str, object]:
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    # Paths written as ".../core/../shared/..." by a dump that did not resolve them.
    while _DOTDOT.search(text):
        text = _DOTDOT.sub("/", text)
    text = _SHARED_CORPUS.sub("SHARED/corpus/", text)
    if path.suffix == ".jsonl":
        return "records", [json.loads(line) for line in text.splitlines() if line.strip()]
    if path.suffix == ".json":
        try:
            return "records", json.loads(text) if text.strip() else []
        except json.JSONDecodeError:
            return "lines", text.splitlines()
    if path.suffix == ".csv":
        return "records", list(csv.DictReader(io.StringIO(text)))
    return "lines", text.splitlines()


def compare(a_dir: Path, b_dir: Path, keys: list[str] | None, show: int) -> int:
    total_diff = 0
    quiet_same = 0
    for a_path in sorted(a_dir.iterdir()):
        if not a_path.is_file() or a_path.name.startswith("."):
            continue
        if a_path.name == "README.txt" or a_path.suffix in (".log", ".py"):
            continue
        b_path = b_dir / a_path.name
        if not b_path.exists():
            print(f"{a_path.name}: missing in B")
            total_diff += 1
            continue
        kind, a_data = _load_any(a_path)
        _, b_data = _load_any(b_path)
        if a_path.suffix == ".err":  # stderr names the output folder: compare without it
            a_data = [line.replace(str(a_dir), "OUT") for line in a_data]  # type: ignore[union-attr]
            b_data = [line.replace(str(b_dir), "OUT") for line in b_data]  # type: ignore[union-attr]
            if a_data == b_data:
                quiet_same += 1
                continue
        if kind == "lines" or a_path.suffix == ".err":
            differing = 0 if a_data == b_data else 1
            diffs: list[str] = []
            if differing:
                for i, (x, y) in enumerate(zip(a_data, b_data, strict=False)):  # type: ignore[arg-type]
                    if x != y:
                        diffs.append(f"line {i + 1}: A={x[:150]!r} B={y[:150]!r}")
                        break
                else:
                    diffs.append(f"{len(a_data)} lines in A, {len(b_data)} in B")  # type: ignore[arg-type]
            print(f"{a_path.name}: {'identical' if not differing else 'DIFFERS'}")
        else:
            assert isinstance(a_data, list) and isinstance(b_data, list)
            use = _keys_of(a_data, keys)
            if a_path.name.startswith("search-"):
                ga, gb = {"hits": a_data}, {"hits": b_data}
            elif a_path.name.startswith("export-") and a_data:
                first = next(iter(a_data[0]))  # the report's path column
                ga, gb = _by_doc(a_data, first), _by_doc(b_data, first)
            else:
                ga, gb = _by_doc(a_data), _by_doc(b_data)
            differing, diffs = _compare_docs(ga, gb, use)
            print(f"{a_path.name}: {len(ga)} docs, {len(a_data)} items; {differing} docs differ")
        total_diff += differing
        for line in diffs[:show]:
            print(f"    {line}")
    print(f"stderr: {quiet_same} identical (not listed)")
    print(f"total: {total_diff} differing docs/files")
    return 1 if total_diff else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("rev_dir", type=Path)
    d.add_argument("out_dir", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--keys", default=None, help="comma-separated keys to compare (default: A's keys)")
    c.add_argument("--show", type=int, default=5, help="differences shown per dump")
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        dump(args.rev_dir, args.out_dir)
        return 0
    keys = [k for k in args.keys.split(",") if k] if args.keys else None
    return compare(args.a, args.b, keys, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
