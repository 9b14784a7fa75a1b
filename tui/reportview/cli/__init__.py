"""Command line: argument parsing and the non-interactive commands."""
