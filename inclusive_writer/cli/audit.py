"""`inclusive-writer audit show|export|clear|settings|hash` — the local audit log."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", help="view, export or clear the local audit log",
                       description="The audit log records, on this machine only, when documents "
                       "were checked (a SHA-256 hash, not the text), which rules and models were "
                       "involved and which suggestions were accepted or rejected.")
    p.add_argument("--db", default=None, help=argparse.SUPPRESS)  # tests / portable installs
    a = p.add_subparsers(dest="audit_command", metavar="ACTION")

    show = a.add_parser("show", help="print recent entries")
    show.add_argument("--limit", type=int, default=20, help="how many (default 20, 0 = all)")
    show.add_argument("--since", help="from this date (YYYY-MM-DD)")
    show.add_argument("--action", help="only this action (check, rewrite, translate, decision)")
    show.add_argument("--format", choices=("text", "json"), default="text")

    exp = a.add_parser("export", help="write the log as CSV or JSON")
    exp.add_argument("dest", metavar="PATH", help="output file, or - for standard output")
    exp.add_argument("--format", choices=("csv", "json"), default=None,
                     help="default: from the file extension, else csv")
    exp.add_argument("--since", help="from this date (YYYY-MM-DD)")

    clr = a.add_parser("clear", help="delete entries")
    clr.add_argument("--before", help="only entries before this date (YYYY-MM-DD)")
    clr.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    st = a.add_parser("settings", help="show or change what is logged and for how long")
    st.add_argument("--enabled", choices=("on", "off"))
    st.add_argument("--store-text", choices=("on", "off"),
                    help="also keep the raw text (off by default; 'off' erases kept text)")
    st.add_argument("--retention-days", help="delete entries older than N days ('forever')")

    h = a.add_parser("hash", help="print a document's hash, to find it in the log")
    h.add_argument("path", metavar="PATH")
    p.set_defaults(func=run, _audit_parser=p)


def _fail(msg: str) -> int:
    print(f"inclusive-writer audit: {msg}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    import sqlite3

    from ..services.audit import AuditError, AuditLog, doc_hash

    cmd = getattr(args, "audit_command", None)
    if not cmd:
        args._audit_parser.print_help(sys.stderr)
        return 2
    log = AuditLog(args.db, strict=True)
    try:
        if cmd == "show":
            entries = log.entries(limit=args.limit or None, since=args.since, action=args.action)
            if args.format == "json":
                print(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2))
                return 0
            if not entries:
                print("The audit log is empty.")
            for e in entries:
                models = ", ".join(m["id"] + (f"@{m['version']}" if m.get("version") else "")
                                   for m in e.models) or "rules only"
                doc = (e.document_sha256 or "-")[:12]
                line = (f"{e.time}  {e.action:<9} {e.language or '-':<6} doc {doc}  "
                        f"findings {e.findings if e.findings is not None else '-'}  "
                        f"shown {e.suggestions_shown}  accepted {len(e.accepted)}  "
                        f"rejected {len(e.rejected)}  models: {models}")
                print(line)
                if e.rules:
                    print(f"    rules: {' '.join(e.rules)}")
            return 0
        if cmd == "export":
            fmt = args.format or ("json" if args.dest.lower().endswith(".json") else "csv")
            if args.dest == "-":
                n = log.export(sys.stdout, fmt, since=args.since)
            else:
                n = log.export(args.dest, fmt, since=args.since)
                print(f"Exported {n} entries to {args.dest}", file=sys.stderr)
            return 0
        if cmd == "clear":
            what = f"entries before {args.before}" if args.before else "ALL entries"
            if not args.yes:
                if not sys.stdin.isatty():
                    return _fail(f"refusing to delete {what} without --yes")
                answer = input(f"Delete {what} from the audit log? [y/N] ")
                if answer.strip().lower() not in ("y", "yes", "j", "ja", "o", "oui"):
                    print("Nothing deleted.")
                    return 0
            n = log.clear(before=args.before)
            print(f"Deleted {n} entries.")
            return 0
        if cmd == "settings":
            changes = {}
            if args.enabled:
                changes["enabled"] = args.enabled == "on"
            if args.store_text:
                changes["store_text"] = args.store_text == "on"
            if args.retention_days is not None:
                raw = args.retention_days.strip().lower()
                changes["retention_days"] = None if raw in ("forever", "none", "0") else int(raw)
            s = log.set_settings(**changes) if changes else log.settings
            print(f"log file:       {log.path}")
            print(f"enabled:        {'on' if s.enabled else 'off'}")
            print(f"store text:     {'on' if s.store_text else 'off'}")
            print(f"retention days: {s.retention_days or 'forever'}")
            print(f"entries:        {log.count()}")
            return 0
        if cmd == "hash":
            from ..io import InputError, read_document

            try:
                doc = read_document(args.path)
            except InputError as exc:
                return _fail(str(exc))
            print(f"{doc_hash(doc.text)}  {args.path}")
            return 0
    except (AuditError, ValueError, OSError, sqlite3.Error) as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - io.InputError from export, sqlite errors
        from ..io import InputError

        if isinstance(exc, InputError):
            return _fail(str(exc))
        raise
    return _fail(f"unknown action {cmd}")
