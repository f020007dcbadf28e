"""Engine benchmark and rule evaluation. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_engine.py [--quick]

- median ms per 600-word ad per language (target ≤ 5 ms), language given;
- ads/s over a corpus of ≥ 200 ads on 2 worker processes (target ≥ 500/s);
- peak memory of the benchmark process, and of a 50 MB check run;
- per language: rule entries, clean sentences that stay clean (precision proxy), recall on
  the flagged sentences of resources/eval/<lang>.yaml.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import inclusive_writer as iw  # noqa: E402
from corpus import corpus, sentences  # noqa: E402
from inclusive_writer.core.engine import rules_for  # noqa: E402
from inclusive_writer.core.model import LANGUAGES  # noqa: E402

QUIET = {"readability", "gender-coded", "spelling", "grammar"}


def _work(item: tuple[str, str]) -> int:
    lang, text = item
    return len(iw.analyze(text, lang).findings)


def _warm(lang: str) -> None:
    iw.analyze("warm up the engine for this language", lang)


def per_ad_latency(ads: list[tuple[str, str]]) -> dict[str, float]:
    out = {}
    for lang in LANGUAGES:
        texts = [t for l, t in ads if l == lang]
        _warm(lang)
        times = []
        for text in texts:
            t0 = time.perf_counter()
            iw.analyze(text, lang)
            times.append((time.perf_counter() - t0) * 1000)
        out[lang] = statistics.median(times)
    return out


def throughput(ads: list[tuple[str, str]], workers: int = 2) -> float:
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=lambda: [_warm(l) for l in LANGUAGES]) as pool:
        pool.map(_work, ads[:8])
        t0 = time.perf_counter()
        pool.map(_work, ads, chunksize=8)
        return len(ads) / (time.perf_counter() - t0)


def evaluate(lang: str) -> tuple[int, int, int, int, list[str]]:
    clean, _ = sentences(lang)
    from corpus import load_yaml, resource  # type: ignore[attr-defined]

    data = load_yaml(resource("eval", f"{lang}.yaml"))
    flagged = [i for i in data.get("flagged", []) if isinstance(i, dict)]
    noisy = [s for s in clean if any(f.category not in QUIET for f in iw.analyze(s, lang).findings)]
    found = 0
    for item in flagged:
        cats = {f.category for f in iw.analyze(item["text"], lang).findings}
        found += item.get("category") in cats
    return len(clean) - len(noisy), len(clean), found, len(flagged), noisy


def big_file_run(size_mb: int) -> tuple[float, float]:
    ads = [t for _, t in corpus(per_language=5, seed=3) if _]
    block = "\n\n".join(ads[:20])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        with open(path, "w", encoding="utf-8") as fh:
            written = 0
            while written < size_mb * 1024 * 1024:
                fh.write(block + "\n\n")
                written += len(block.encode("utf-8")) + 2
        code = ("import resource, sys, time; from inclusive_writer.cli import main; t=time.perf_counter(); "
                "rc = main(sys.argv[1:]); print(time.perf_counter()-t, "
                "[l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1], "
                "file=sys.stderr)")
        proc = subprocess.run([sys.executable, "-c", code, "check", "--no-model", "--lang", "en",
                               "--format", "text", str(path)], capture_output=True, text=True,
                              env={**os.environ, "INCLUSIVE_WRITER_NO_JUDGE": "1"})
        secs, rss = proc.stderr.strip().splitlines()[-1].split()
        return float(secs), int(rss) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the 50 MB run")
    ap.add_argument("--big-mb", type=int, default=50)
    args = ap.parse_args()
    ads = corpus(per_language=60)
    words = statistics.mean(len(t.split()) for _, t in ads)
    print(f"corpus: {len(ads)} ads, {words:.0f} words on average, {os.cpu_count()} cores")
    lat = per_ad_latency(ads)
    for lang, ms in lat.items():
        print(f"median per ad [{lang}]: {ms:.2f} ms (target <= 5 ms)")
    print(f"throughput, 2 processes: {throughput(ads):.0f} ads/s (target >= 500/s)")
    print(f"peak memory (this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    for lang in LANGUAGES:
        ok, n_clean, found, n_flagged, noisy = evaluate(lang)
        print(f"rules [{lang}]: {len(rules_for(lang))} entries; clean sentences staying clean "
              f"{ok}/{n_clean} ({100 * ok / max(n_clean, 1):.1f} %); recall {found}/{n_flagged} "
              f"({100 * found / max(n_flagged, 1):.1f} %)")
        for s in noisy[:5]:
            print(f"   noisy: {s}")
    if not args.quick:
        secs, rss = big_file_run(args.big_mb)
        print(f"{args.big_mb} MB text via `check`: {secs:.1f} s, peak memory {rss:.0f} MB")


if __name__ == "__main__":
    main()
