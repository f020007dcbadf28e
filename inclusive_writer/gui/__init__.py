"""The desktop app (PySide6). Nothing here is imported by the CLI or the services."""
from __future__ import annotations

import sys
from typing import Sequence


def run(argv: Sequence[str] | None = None) -> int:
    """Start the app; an optional path argument opens that document."""
    from .app import main

    return main(list(argv if argv is not None else sys.argv))
