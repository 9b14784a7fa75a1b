"""Input named by fsspec URLs (``s3://bucket/reports``, ``gcs://...``, ``memory://...``).

Files are listed and stamped through fsspec (an optional dependency: it comes with the ``dask``
extra), fetched whole by the task that parses them and parsed from a temporary copy, so the
parser reads local files only. A file's cache key is its URL; its stamp is its size and, when the
store reports one, its modification time (else 0: then the CRC alone tells a change).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import tempfile
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from reportview.core.loading import MAX_FILE_BYTES, InputError


def is_url(path: str | os.PathLike[str]) -> bool:
    return "://" in str(path)


def _fs(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError("URLs need fsspec: pip install 'reportview[dask]' (or fsspec)") from None
    return url_to_fs(url)


def list_urls(url: str, extensions: Iterable[str]) -> list[str]:
    """The files under `url` (a folder, read recursively, sorted) with one of `extensions`."""
    fs, root = _fs(url)
    exts = tuple(e.lower() for e in extensions)
    if not fs.exists(root):
        raise FileNotFoundError(f"{url}: no such file or folder")
    names = sorted(fs.find(root)) if fs.isdir(root) else [root]
    return [fs.unstrip_protocol(n) for n in names if PurePosixPath(n).suffix.lower() in exts]


def _mtime_ns(info: dict[str, Any]) -> int:
    for key in ("mtime", "LastModified", "updated", "last_modified", "created"):
        value = info.get(key)
        if isinstance(value, int | float):
            return int(value * 1_000_000_000)
        if isinstance(value, datetime.datetime):
            return int(value.timestamp() * 1_000_000_000)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return int(datetime.datetime.fromisoformat(value).timestamp() * 1_000_000_000)
    return 0


def stamp(url: str) -> tuple[int, int]:
    """(size, mtime_ns) of the file at `url`; (-1, -1) when it cannot be read."""
    try:
        fs, path = _fs(url)
        info = fs.info(path)
    except (OSError, InputError):
        return -1, -1
    return int(info.get("size") or 0), _mtime_ns(info)


def fetch(url: str) -> bytes:
    fs, path = _fs(url)
    try:
        size = int(fs.info(path).get("size") or 0)
        if size > MAX_FILE_BYTES:
            raise InputError(f"larger than {MAX_FILE_BYTES // 2**20} MB")
        return fs.cat_file(path)
    except OSError as exc:
        raise InputError(f"cannot read ({exc})") from None


@contextlib.contextmanager
def local_copy(url: str, data: bytes):  # -> Iterator[str]
    """A temporary local file holding `data`, named with the URL's suffix (the format)."""
    fd, tmp = tempfile.mkstemp(suffix=PurePosixPath(url).suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        yield tmp
    finally:
        os.unlink(tmp)
