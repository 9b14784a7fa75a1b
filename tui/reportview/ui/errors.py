"""Internal errors: written with their traceback to a log file, shown as one line, never fatal."""

from __future__ import annotations

import os
import time
import traceback
from pathlib import Path

LOG_NAME = "errors.log"
MAX_LOG_BYTES = 1024 * 1024  # the log starts over past this size (it is for the last few errors)


def error_log_path() -> Path:
    """The log file: $XDG_STATE_HOME/reportview/errors.log on Linux (platformdirs' user log dir)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir("reportview")) / LOG_NAME


def record_error(error: BaseException, where: str = "") -> Path | None:
    """Append `error` and its traceback to the log; the log's path, or None if it cannot be written."""
    path = error_log_path()
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "w" if path.exists() and path.stat().st_size > MAX_LOG_BYTES else "a"
        with open(path, mode, encoding="utf-8") as fh:
            fh.write(f"--- {stamp} pid {os.getpid()} {where}\n{text}\n")
    except OSError:
        return None
    return path


def notice(error: BaseException, path: Path | None) -> str:
    """The one line the user reads."""
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    where = f"details in {path}" if path is not None else "the log file could not be written"
    return f"Internal error ({what[:80]}); the app carries on; {where}"


class GuardedMessages:
    """Mixin for a widget or screen: an error in one of its handlers is reported, not fatal.

    Textual stops a widget's message loop at the first unhandled error (and ends the app); with
    this mixin the handler's error goes to the app's internal_error and the loop goes on."""

    async def _on_message(self, message) -> None:  # type: ignore[no-untyped-def]
        app = self.app  # type: ignore[attr-defined]
        if not getattr(app, "_guarding", False) or getattr(app, "strict_errors", True):
            return await super()._on_message(message)  # type: ignore[misc]
        try:
            await super()._on_message(message)  # type: ignore[misc]
        except Exception as error:
            app.internal_error(error, f"{type(self).__name__} {type(message).__name__}")
