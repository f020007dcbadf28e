"""Where the app keeps its own files (audit log, autosaves): the user data dir.

`INCLUSIVE_WRITER_DATA` overrides it (tests, portable installs).
"""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "INCLUSIVE_WRITER_DATA"
APP_NAME = "inclusive-writer"


def data_dir(create: bool = True) -> Path:
    """The user data folder (created with mode 0700 when missing and `create`)."""
    override = os.environ.get(ENV_VAR)
    if override:
        folder = Path(override).expanduser()
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
