"""Errors raised by the matcher library."""

from __future__ import annotations


class MatcherError(Exception):
    """Base class of the matcher's errors."""


class NotFittedError(MatcherError, RuntimeError):
    """The matcher (or order index) is used before ``fit()`` or ``load()``."""

    def __init__(self, what: str = "Matcher") -> None:
        super().__init__(f"This {what} is not fitted yet: call fit(profiles) or {what}.load(path) before using it.")


class ArtifactError(MatcherError, ValueError):
    """A saved artifact is missing, corrupt, or of another format version."""


class UnknownOrganizationError(MatcherError, KeyError):
    """An organization id that the fitted matcher does not know."""
