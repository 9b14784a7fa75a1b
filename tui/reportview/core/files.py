"""The file system side of loading: which files PATHs name (discover) and reading them safely.

Nothing here parses: bytes in, decoded text (or the reason a file is skipped) out.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportview.core.decoding import BinaryInputError, decode_again
from reportview.core.formats import Extracted, MissingExtraError, plain, reader_for

# Files above this size are refused: reports are text, and this keeps memory bounded.
MAX_FILE_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a report; str() is one line for stderr."""


class EmptyInputError(InputError):
    """A readable file with no text in it: skipped, but not an error of the user's (exit 1)."""


EMPTY_REASON = "empty file"


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str
    excluded: bool = False  # left out on purpose (the config's exclude list), not a failure


def discover(
    paths: Iterable[str | os.PathLike[str]], extensions: Iterable[str], exclude: Iterable[str] = ()
) -> tuple[list[Path], list[Skipped]]:
    """Files named by PATHs (folders read recursively, sorted), and what was skipped with why.

    Inside folders, a file whose name matches an `exclude` glob (case ignored: README*,
    LICENSE*) is skipped, with the pattern as its reason; a file named as a PATH never is.

    A PATH that does not exist raises FileNotFoundError (bad usage); inside folders, FIFOs,
    devices, dangling links and link loops are skipped without being opened. A file or folder
    reached twice (named twice, or through a second link) is read once, silently.
    """
    exts = tuple(e.lower() for e in extensions)
    globs = tuple(g.lower() for g in exclude)
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            raise FileNotFoundError(f"{path}: no such file or folder")
        try:
            st = path.stat()
        except OSError as exc:
            skipped.append(Skipped(str(path), _os_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            files.extend(_walk(path, exts, skipped, seen_dirs, seen_files, globs))
        elif stat.S_ISREG(st.st_mode):
            _add_once(files, seen_files, path, st)
        else:
            skipped.append(Skipped(str(path), "not a regular file"))
    return files, skipped


def _excluded_by(name: str, globs: tuple[str, ...]) -> str | None:
    """The first exclude glob (lower-cased) that `name` matches, case ignored."""
    lowered = name.lower()
    return next((g for g in globs if fnmatch.fnmatchcase(lowered, g)), None)


def _add_once(files: list[Path], seen: set[tuple[int, int]], path: Path, st: os.stat_result) -> None:
    """Add a file unless it was reached before (a second link, or named twice)."""
    key = (st.st_dev, st.st_ino)
    if key not in seen:
        seen.add(key)
        files.append(path)


def _os_reason(exc: OSError, path: Path | None = None) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        if path is not None and not os.path.islink(path):
            return "no longer there (removed while reading?)"
        return "dangling symbolic link"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def _walk(
    root: Path,
    exts: tuple[str, ...],
    skipped: list[Skipped],
    seen: set[tuple[int, int]],
    seen_files: set[tuple[int, int]],
    globs: tuple[str, ...] = (),
) -> Iterator[Path]:
    """Files under `root`, entries in name order, depth first, without recursion (deep trees are fine).

    Folders are followed through symbolic links: a link back to an ancestor is a loop (skipped,
    with a reason); a second way into a folder already read is passed over silently.
    """
    found: list[Path] = []
    # One frame per open folder: its remaining entries and the (dev, ino) keys down to it.
    stack: list[tuple[Iterator[os.DirEntry[str]], frozenset[tuple[int, int]]]] = []

    def enter(folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            st = folder.stat()
        except OSError as exc:
            skipped.append(Skipped(str(folder), _os_reason(exc)))
            return
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            skipped.append(Skipped(str(folder), "symbolic link loop"))
            return
        if key in seen:
            return
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(str(folder), _os_reason(exc)))
            return
        stack.append((iter(entries), ancestors | {key}))

    enter(root, frozenset())
    while stack:
        entries, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        p = Path(entry.path)
        try:
            est = entry.stat()
        except OSError as exc:
            if p.suffix.lower() in exts or entry.is_symlink():
                skipped.append(Skipped(str(p), _os_reason(exc)))
            continue
        if stat.S_ISDIR(est.st_mode):
            enter(p, ancestors)
        elif p.suffix.lower() in exts:
            excluded = _excluded_by(entry.name, globs)
            if excluded is not None:
                skipped.append(Skipped(str(p), f"excluded by the config's exclude list ({excluded})", True))
            elif stat.S_ISREG(est.st_mode):
                _add_once(found, seen_files, p, est)
            else:
                skipped.append(Skipped(str(p), "not a regular file"))
    yield from found


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a regular file, refusing FIFOs/devices (which would block) and huge files."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(_os_reason(exc, path)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise InputError(_too_large(st.st_size))
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_FILE_BYTES:  # a file that grows while we read it
                raise InputError(_too_large(total))
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(_os_reason(exc, path)) from None
    finally:
        os.close(fd)


def _too_large(size: int) -> str:
    return f"too large ({size // (1024 * 1024)} MB > {MAX_FILE_BYTES // (1024 * 1024)} MB)"


def is_empty_reason(reason: str) -> bool:
    """True for a skip that means "nothing to read" (exit 1), not "cannot read" (exit 2)."""
    return reason.startswith(EMPTY_REASON)


def read_text(path: Path) -> tuple[str, str, tuple[str, ...]]:
    """Decoded text, encoding name and warnings for any supported format."""
    return decode_text(path, read_file_bytes(path))


def read_document(path: Path) -> Extracted:
    """Decoded text (encoding, warnings), tables and markup of a file, by its format's reader."""
    return decode_document(path, read_file_bytes(path))


def decode_document(path: Path, data: bytes) -> Extracted:
    """The text, tables and markup of a file's bytes, read by the reader of its suffix."""
    reader = reader_for(path)
    if reader in plain.TEXT_READERS and not data:
        raise EmptyInputError(EMPTY_REASON)
    try:
        extracted = reader.read(data)
    except (MissingExtraError, BinaryInputError) as exc:
        raise InputError(str(exc)) from None
    except Exception as exc:  # a parser library's bug must cost one file, not the run
        why = " ".join(str(exc).split())[:120]
        raise InputError(f"text could not be extracted ({type(exc).__name__}: {why})") from None
    if not extracted.text.strip():
        if reader in plain.TEXT_READERS:
            raise EmptyInputError(f"{EMPTY_REASON}: only white space")
        raise EmptyInputError(f"{EMPTY_REASON}: no text in this {extracted.encoding.upper()} file")
    return extracted


def decode_text(
    path: Path, data: bytes, known: tuple[str, tuple[str, ...]] | None = None
) -> tuple[str, str, tuple[str, ...]]:
    """The text of a file's bytes (`path` names the format): decoded text, encoding, warnings.

    `known`: the (encoding, warnings) these same bytes were decoded with before (a cached parse
    checked against their CRC), which spares detecting the encoding again."""
    if known is not None and data and reader_for(path) in plain.TEXT_READERS:
        return decode_again(data, *known), *known
    got = decode_document(path, data)
    return got.text, got.encoding, got.warnings
