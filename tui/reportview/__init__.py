"""reportview: a keyboard-driven terminal explorer for reports."""

__version__ = "0.1.0"
