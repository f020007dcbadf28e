"""`inclusive-writer translate --from L --to L [--glossary FILE] PATH|-`: translate on this
machine, print the translation, and list the target-language findings (offered fixes) on stderr.

Exit codes: 0 translated, nothing to fix; 1 translated, the translation has findings (warning or
error); 2 usage/input error or no model installed (message on stderr)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

LANGS = ("en", "nl", "fr", "de")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("translate", help="translate a text with a local model, then check it",
                              description=__doc__)
    p.add_argument("--from", dest="src", required=True, choices=LANGS)
    p.add_argument("--to", dest="tgt", required=True, choices=LANGS)
    p.add_argument("--glossary", help="YAML glossary: protected terms and preferred translations")
    p.add_argument("--model", help="model id in the store (default: the installed one for the pair)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    p.add_argument("path", help="input file (.txt/.md/.docx) or - for standard input")
    p.set_defaults(func=run)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        from .. import io as iw_io  # trust team's reader (txt/md/docx)
        return iw_io.read_document(path).text
    except (ImportError, AttributeError):
        return Path(path).read_text(encoding="utf-8-sig")


def run(args: argparse.Namespace) -> int:
    from ..ml.errors import Cancelled, MLError
    from ..services.translate import translate
    if args.src == args.tgt:
        sys.stderr.write("inclusive-writer translate: --from and --to are the same language\n")
        return 2
    try:
        text = _read(args.path)
    except Exception as exc:  # io.InputError or OSError: name the file and the problem
        sys.stderr.write(f"inclusive-writer translate: {args.path}: {getattr(exc, 'problem', exc)}\n")
        return 2

    def progress(done: int, total: int) -> None:
        if not args.quiet and total and sys.stderr.isatty():
            sys.stderr.write(f"\rtranslating {done}/{total} sentences")
            sys.stderr.flush()

    try:
        result = translate(text, args.src, args.tgt, glossary=args.glossary, progress=progress,
                           model_id=args.model)
    except (MLError, ValueError, OSError) as exc:
        sys.stderr.write(f"inclusive-writer translate: {exc}\n")
        return 2
    except Cancelled:
        return 130
    if not args.quiet and sys.stderr.isatty():
        sys.stderr.write("\n")
    try:  # the local audit log: languages, model, a hash of the source; never the text
        from ..services.audit import default_log
        default_log().record_translation(text, result, args.src, args.tgt, source="cli")
    except Exception:  # noqa: BLE001 - the audit log must never break a translation
        pass
    if args.format == "json":
        out = result.to_dict()
        out["path"] = args.path
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(result.text if result.text.endswith("\n") else result.text + "\n")
    findings = list(getattr(result.report, "findings", []) or [])
    if args.format == "text":
        for f in findings:
            sugg = f" → {', '.join(f.suggestions[:3])}" if f.suggestions else ""
            sys.stderr.write(f"{args.tgt}:{f.start}-{f.end} {f.severity} {f.rule}: {f.message}{sugg}\n")
    return 1 if any(f.severity in ("error", "warning") for f in findings) else 0
