"""`inclusive-writer rewrite [--lang L] [--pronouns neutral] [--style S] [--diff] PATH | -`"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "rewrite", help="rewrite a text inclusively (prints the result or a diff)",
        description="Apply the suggested fixes to a .txt, .md or .docx file, or '-' for standard "
        "input (one output line per input line; nothing else changes). A .docx is written to "
        "a new .docx (default: NAME.rewritten.docx) keeping the paragraphs and runs that were "
        "not edited. Exit 0: done; 2: usage or input error.")
    p.add_argument("path", metavar="PATH", help="file to rewrite, or - for standard input")
    p.add_argument("--lang", default="auto", help="auto (default), en, nl, fr, de, or nl-BE …")
    p.add_argument("--locale", default=None, help="gender-label convention: BE, NL, DE, AT, CH, FR")
    p.add_argument("--pronouns", choices=("job-ad", "neutral", "off"), default="job-ad",
                   help="English pronouns: job-ad (default; only those about the generic candidate "
                   "or employee), neutral (every he/she → they), off")
    p.add_argument("--themself", action="store_true",
                   help="singular reflexive 'themself' instead of 'themselves'")
    p.add_argument("--style", default=None,
                   help="inclusive style: nl label|neutral, fr doublet|median|epicene, "
                   "de neutral|doublet|star|colon|label, en neutral (default: organisation "
                   "pack, else the language default; another language's style name maps to "
                   "the nearest one)")
    p.add_argument("--diff", action="store_true", help="print a unified diff instead of the text")
    p.add_argument("-o", "--output", default=None, metavar="FILE",
                   help="write the result to FILE (for .docx input: default NAME.rewritten.docx)")
    p.add_argument("--org", default=os.environ.get("INCLUSIVE_WRITER_ORG"), metavar="FOLDER",
                   help="organisation rule pack (extra rules, switched-off rules, styles)")
    p.add_argument("--no-model", action="store_true", help="rules only, no context model")
    p.set_defaults(func=run)


def _diff(old: str, new: str, name: str) -> str:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(a, b, fromfile=f"a/{name}", tofile=f"b/{name}"):
        lines.append(line)
        if not line.endswith(("\n", "\r")):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..io import InputError, read_document, read_stdin, write_document
    from ..io.encoding import encode_text
    from ..rules.yamlio import DataError
    from ..services.rewrite import propose_rewrite

    lang = None if args.lang in (None, "", "auto") else args.lang
    name = "<stdin>" if args.path == "-" else args.path
    try:
        doc = read_stdin() if args.path == "-" else read_document(args.path)
    except InputError as exc:
        print(f"inclusive-writer: {exc}", file=sys.stderr)
        return 2
    judge = None
    if not args.no_model:
        from ..services.check import context_judge

        judge = context_judge()
    try:
        rw = propose_rewrite(doc.text, lang, style=args.style, pronouns=args.pronouns,
                             locale=args.locale, config=args.org, judge=judge,
                             reflexive="themself" if args.themself else "themselves")
    except (ValueError, DataError) as exc:
        print(f"inclusive-writer: {name}: {exc}", file=sys.stderr)
        return 2
    new_text = rw.apply()
    if new_text.count("\n") != doc.text.count("\n"):  # pragma: no cover - guarded by the service
        print(f"inclusive-writer: {name}: internal error: line count changed", file=sys.stderr)
        return 2
    out = sys.stdout
    try:
        if args.diff:
            out.write(_diff(doc.text, new_text, name))
            out.flush()
        output = args.output
        if output is None and doc.format == "docx" and not args.diff:
            src = Path(args.path)
            output = str(src.with_name(src.stem + ".rewritten.docx"))
        if output is not None and output != "-":
            saved = write_document(doc, new_text, path=output)
            print(f"inclusive-writer: wrote {saved.name} ({len(rw.edits)} changes)", file=sys.stderr)
        elif not args.diff:
            data = encode_text(new_text, doc.encoding, doc.bom, name) \
                if doc.format != "docx" else new_text.encode("utf-8")
            out.flush()
            out.buffer.write(data)
            out.buffer.flush()
    except InputError as exc:
        print(f"inclusive-writer: {exc}", file=sys.stderr)
        return 2
    return 0
