"""Precision and recall on the independent sentence sets in resources/eval/unseen/<lang>.yaml.

Those sets were written by people who did not write the rules and did not run the checker
(see each file's `author`). Prints, per language and for three set-ups (rules only; rules +
context judge; + model hints):
- clean sentences with no finding (readability, gender-coded words and spelling aside),
- flagged sentences with a finding of the expected category overlapping the expected span,
- sentence-level precision: flagged-and-found / (flagged-and-found + clean-but-flagged).

    python benchmarks/bench_unseen.py [--misses] [--lang en]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
IGNORED = {"readability", "gender-coded", "spelling", "grammar"}


def load(lang: str) -> dict | None:
    import yaml
    path = ROOT / "resources" / "eval" / "unseen" / f"{lang}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def findings(text: str, lang: str, judge, hints: bool) -> list:
    from inclusive_writer.core.engine import analyze
    report = analyze(text, lang, judge=judge)
    found = [f for f in report.findings if f.category not in IGNORED]
    if hints and judge is not None:
        from inclusive_writer.ml.semantic import semantic_findings
        found += [f for f in semantic_findings(text, lang, report) if f.category not in IGNORED]
    return found


def score(data: dict, lang: str, judge, hints: bool) -> tuple[int, int, int, int, list[str]]:
    misses: list[str] = []
    clean_ok = 0
    for text in data["clean"]:
        got = findings(text, lang, judge, hints)
        if got:
            misses.append(f"  false flag [{', '.join(sorted({f.rule for f in got}))}]: {text}")
        else:
            clean_ok += 1
    found = 0
    for item in data["flagged"]:
        text, cat, span = item["text"], item["category"], item.get("span") or item["text"]
        a = text.find(span)
        b = a + len(span) if a >= 0 else len(text)
        a = max(a, 0)
        got = findings(text, lang, judge, hints)
        if any(f.category == cat and f.start < b and a < f.end for f in got):
            found += 1
        else:
            other = ", ".join(sorted({f"{f.category}:{f.rule}" for f in got})) or "nothing"
            misses.append(f"  missed {cat} «{span}» (found {other}): {text}")
    return clean_ok, len(data["clean"]), found, len(data["flagged"]), misses


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", action="store_true", help="list every false flag and every miss")
    ap.add_argument("--lang", action="append", help="only these languages")
    args = ap.parse_args()
    judge = None
    try:
        from inclusive_writer.ml.judge import default_judge
        judge = default_judge()
    except Exception as exc:  # noqa: BLE001 - no encoder: rules only
        print(f"(no context judge: {exc})")
    setups = [("rules", None, False)]
    if judge is not None:
        setups += [("rules + judge", judge, False), ("rules + judge + model hints", judge, True)]
    for lang in args.lang or ["en", "nl", "fr", "de"]:
        data = load(lang)
        if not data:
            print(f"{lang}: no unseen set")
            continue
        print(f"{lang}: {data.get('author', '?')}")
        for name, j, hints in setups:
            ok, n_clean, found, n_flagged, misses = score(data, lang, j, hints)
            fp = n_clean - ok
            precision = found / max(found + fp, 1)
            print(f"  {name:28s} clean {ok}/{n_clean}  recall {found}/{n_flagged} "
                  f"({found / max(n_flagged, 1):.0%})  sentence precision {precision:.0%}")
            if args.misses and name == setups[-1][0]:
                print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
