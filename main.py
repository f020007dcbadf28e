"""Start the Inclusive Writer desktop app: `python main.py [DOCUMENT]`."""
from __future__ import annotations

import sys


def main() -> int:
    from inclusive_writer.gui import run  # PySide6 is imported only now

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
