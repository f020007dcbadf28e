"""Exceptions of the ml layer; every message is meant to be shown to the user as is."""
from __future__ import annotations


class MLError(Exception):
    """Base class: a problem with an on-device model."""


class ModelNotInstalled(MLError):
    """The model needed for a task is not in the local store."""

    def __init__(self, what: str, hint: str = "") -> None:
        self.what = what
        msg = f"No model installed for {what}."
        msg += " " + (hint or "Install one with `inclusive-writer models import PATH` "
                      "(air-gapped) or `inclusive-writer models download ID` (connected machine); "
                      "`inclusive-writer models list` shows the catalogue.")
        super().__init__(msg)


class UnsafeModelError(MLError):
    """A model folder holds a file that could execute code when loaded (pickle) or no safetensors."""


class IntegrityError(MLError):
    """A file does not match the SHA-256 in the model's manifest (or the manifest is missing)."""


class DownloadError(MLError):
    """`models download` could not fetch a model."""


class Cancelled(MLError):
    """The user cancelled a long-running model task."""
