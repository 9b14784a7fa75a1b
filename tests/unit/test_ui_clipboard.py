"""The native clipboard choice: OSC 52 only over SSH or when asked; a tool only where it can work."""

from __future__ import annotations

import sys

from reportview.ui.clipboard import copy_native, in_ssh, native_command


def which_all(name: str) -> str:
    return f"/usr/bin/{name}"


def test_ssh_sessions_use_osc52_only() -> None:
    env = {"SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22", "DISPLAY": ":0"}
    assert in_ssh(env)
    assert native_command("auto", None, env, which_all) is None
    assert native_command("auto", "my-copy --in", env, which_all) is None


def test_osc52_method_never_runs_a_tool() -> None:
    assert native_command("osc52", "xclip", {"DISPLAY": ":0"}, which_all) is None


def test_command_method_runs_the_configured_command_even_over_ssh() -> None:
    env = {"SSH_TTY": "/dev/pts/1"}
    expected = ("my-copy", ["my-copy", "--in", "a b"])
    assert native_command("command", "my-copy --in 'a b'", env, which_all) == expected
    assert native_command("command", None, env, which_all) is None


def test_auto_picks_a_tool_for_the_display_that_exists() -> None:
    assert native_command("auto", None, {"WAYLAND_DISPLAY": "wayland-0"}, which_all)[0] == "wl-copy"
    assert native_command("auto", None, {"DISPLAY": ":0"}, which_all) == (
        "xclip",
        ["xclip", "-selection", "clipboard"],
    )
    only_xsel = lambda name: "/usr/bin/xsel" if name == "xsel" else None  # noqa: E731
    assert native_command("auto", None, {"DISPLAY": ":0"}, only_xsel)[0] == "xsel"
    nothing = lambda name: None  # noqa: E731
    assert native_command("auto", None, {"DISPLAY": ":0"}, nothing) is None
    if sys.platform != "darwin":
        only_pbcopy = lambda name: "/usr/bin/pbcopy" if name == "pbcopy" else None  # noqa: E731
        assert native_command("auto", None, {}, only_pbcopy) is None


def test_auto_prefers_the_configured_command() -> None:
    assert native_command("auto", "pbcopy", {}, which_all) == ("pbcopy", ["pbcopy"])


def test_copy_native_runs_the_command_with_the_text(tmp_path) -> None:
    out = tmp_path / "clip.txt"
    command = f"{sys.executable} -c \"import sys; open({str(out)!r}, 'wb').write(sys.stdin.buffer.read())\""
    result = copy_native("39.399,4 tỷ đồng", "command", command)
    assert result.native == sys.executable and result.error is None
    assert out.read_text(encoding="utf-8") == "39.399,4 tỷ đồng"


def test_copy_native_reports_a_failing_tool() -> None:
    result = copy_native("x", "command", f'{sys.executable} -c "raise SystemExit(3)"')
    assert result.native is None and "exit 3" in (result.error or "")
    result = copy_native("x", "command", "/nonexistent/copy-tool")
    assert result.native is None and "not found" in (result.error or "")
