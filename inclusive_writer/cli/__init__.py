"""Command line: `inclusive-writer check|rewrite|translate|models|audit`.

Each sub-command lives in its own module with `register(subparsers)`; this shell only wires them.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from .. import __version__

SUBCOMMANDS: tuple[str, ...] = ("check", "rewrite", "translate", "models", "audit")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inclusive-writer",
        description="Check, rewrite and translate job ads and HR texts for inclusive wording. "
        "Everything runs on this machine.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # a sub-command not built yet
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `inclusive-writer` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def entry() -> int:
    """The console script: no network for this process, except an explicit model download."""
    from .. import egress

    egress.install_guard(strict=True)
    return main()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(entry())
