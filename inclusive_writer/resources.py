"""Where the data lives: `resources/` at the project root (override: INCLUSIVE_WRITER_RESOURCES)."""
from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding rule packs, coded-word lists, catalogues and translations."""
    override = os.environ.get("INCLUSIVE_WRITER_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one resource file or folder."""
    return resources_dir().joinpath(*parts)
