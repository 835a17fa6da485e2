"""The project's exception tree. Library code raises these; the CLI translates them."""
from __future__ import annotations


class MinutetrailError(Exception):
    """Base of every error minutetrail raises on purpose."""


class ExtractionError(MinutetrailError):
    """A PDF could not be read: names the file and what to do."""

    def __init__(self, path: str, reason: str, hint: str = "") -> None:
        self.path = path
        self.reason = reason
        self.hint = hint
        message = f"{path}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class ParseError(MinutetrailError):
    """Page data could not be turned into a record."""


class LinkError(MinutetrailError):
    """Cross-meeting linking failed or was asked something impossible."""


class StorageError(MinutetrailError):
    """The database refused or lacks something."""


class ClusterError(MinutetrailError):
    """A Dask cluster could not be reached or started, or lost a task for good."""


class NoMatch(MinutetrailError):
    """A filter (--committee, --owner) that matches nothing in the database; the message names near matches."""
