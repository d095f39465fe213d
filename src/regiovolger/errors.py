"""Errors a user sees: one line, Dutch first, English second."""

from __future__ import annotations

from .messages import message


class ReadError(Exception):
    """A file that cannot be read. ``code`` is stable; ``str()`` is the one-line reason."""

    def __init__(self, code: str, **details: object):
        self.code = code
        self.details = details
        super().__init__(message(f"read.{code}", **details))
