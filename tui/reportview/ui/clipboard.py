"""The system clipboard: OSC 52 always (done by the app), a native tool when one is usable.

This is I/O only: it decides which native tool to run (if any) and runs it with the text on
standard input. The app sends OSC 52 itself with `App.copy_to_clipboard`.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass

# Tried in order; the first one found on PATH (and usable in this session) is used.
NATIVE_TOOLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("wl-copy", ("wl-copy",)),
    ("xclip", ("xclip", "-selection", "clipboard")),
    ("xsel", ("xsel", "--clipboard", "--input")),
    ("pbcopy", ("pbcopy",)),
    ("clip.exe", ("clip.exe",)),
)


@dataclass(frozen=True, slots=True)
class CopyResult:
    """What happened to one copy, in words for the notice."""

    native: str | None  # the tool that took the text, or None
    error: str | None = None  # why the native tool failed, when it did


def in_ssh(environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY") or env.get("SSH_CLIENT"))


def native_command(
    method: str,
    command: str | None,
    environ: Mapping[str, str] | None = None,
    which=shutil.which,
) -> tuple[str, list[str]] | None:
    """The (name, argv) of the native clipboard tool to use, or None for OSC 52 only."""
    env = os.environ if environ is None else environ
    if method == "osc52":
        return None
    if method == "command":
        if not command:
            return None
        argv = shlex.split(command)
        return (argv[0], argv) if argv else None
    # auto: never in an SSH session (the native clipboard would be the remote machine's).
    if in_ssh(env):
        return None
    if command:
        argv = shlex.split(command)
        if argv:
            return argv[0], argv
    for name, argv in NATIVE_TOOLS:
        if name == "wl-copy" and not env.get("WAYLAND_DISPLAY"):
            continue
        if name in ("xclip", "xsel") and not env.get("DISPLAY"):
            continue
        if name == "pbcopy" and sys.platform != "darwin":
            continue
        if which(name):
            return name, list(argv)
    return None


def copy_native(text: str, method: str, command: str | None, timeout: float = 2.0) -> CopyResult:
    """Send `text` to the native clipboard tool, if there is one; never raises."""
    chosen = native_command(method, command)
    if chosen is None:
        return CopyResult(None)
    name, argv = chosen
    try:
        subprocess.run(
            argv,
            input=text.encode("utf-16-le" if name == "clip.exe" else "utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=True,
        )
    except FileNotFoundError:
        return CopyResult(None, f"{name} not found")
    except subprocess.TimeoutExpired:
        return CopyResult(None, f"{name} did not finish in {timeout:g} s")
    except subprocess.CalledProcessError as exc:
        return CopyResult(None, f"{name} failed (exit {exc.returncode})")
    except OSError as exc:
        return CopyResult(None, f"{name}: {exc.strerror or exc}")
    return CopyResult(name)
