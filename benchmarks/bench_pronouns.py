"""Benchmark: English gendered pronouns → singular they against hand-made references.

Usage: .venv/bin/python benchmarks/bench_pronouns.py [--tsv FILE] [--errors] [--json]
Prints sentences, word error rate (word-level Levenshtein over whitespace tokens, summed over
the set, divided by the number of reference words), exact-sentence rate and speed.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inclusive_writer.core.pronouns import neutralize  # noqa: E402

DEFAULT_TSV = ROOT / "resources" / "eval" / "pronouns_en.tsv"


def load_pairs(path: Path) -> list[tuple[str, str, str]]:
    """(section, input, reference) for every non-comment line of the TSV.

    A section whose header starts with "# mode: job-ad" is evaluated in job-ad mode."""
    pairs, section = [], ""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            section = line.lstrip("# ").strip()
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise SystemExit(f"{path}:{n}: expected input<TAB>reference")
        pairs.append((section, parts[0], parts[1]))
    return pairs


def edit_distance(a: list[str], b: list[str]) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def evaluate(pairs: list[tuple[str, str, str]]) -> dict:
    errors, ref_words, exact, failures = 0, 0, 0, []
    per_section: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    outputs = [neutralize(src, mode="job-ad" if sec.startswith("mode: job-ad") else "neutral")
               for sec, src, _ in pairs]
    elapsed = time.perf_counter() - t0
    for (section, src, ref), out in zip(pairs, outputs):
        d = edit_distance(out.split(), ref.split())
        errors += d
        ref_words += len(ref.split())
        ok = out == ref
        exact += ok
        s = per_section.setdefault(section, [0, 0])
        s[0] += ok
        s[1] += 1
        if not ok:
            failures.append({"input": src, "output": out, "reference": ref})
    n = len(pairs)
    return {
        "sentences": n, "reference_words": ref_words, "word_errors": errors,
        "wer": errors / max(ref_words, 1), "exact": exact, "exact_rate": exact / max(n, 1),
        "unchanged_inputs": sum(1 for _, s, r in pairs if s == r),
        "sentences_per_second": n / elapsed if elapsed else float("inf"),
        "sections": {k: {"exact": v[0], "total": v[1]} for k, v in per_section.items()},
        "failures": failures,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    ap.add_argument("--errors", action="store_true", help="print every sentence that differs")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = evaluate(load_pairs(args.tsv))
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    print(f"pronoun eval: {args.tsv.name}")
    print(f"  sentences        {res['sentences']} ({res['unchanged_inputs']} must stay unchanged)")
    print(f"  word error rate  {res['wer'] * 100:.2f} % ({res['word_errors']} / "
          f"{res['reference_words']} words)")
    print(f"  exact sentences  {res['exact_rate'] * 100:.1f} % ({res['exact']} / {res['sentences']})")
    print(f"  speed            {res['sentences_per_second']:.0f} sentences/s")
    for name, s in res["sections"].items():
        print(f"    {s['exact']:>3}/{s['total']:<3} {name}")
    if args.errors:
        for f in res["failures"]:
            print(f"\n  in : {f['input']}\n  out: {f['output']}\n  ref: {f['reference']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
