"""Adding a word to the organisation's accepted list (`disable.words` in its config.yaml)."""
from __future__ import annotations

from pathlib import Path

import yaml


def add_accepted_word(pack: str | Path, word: str) -> Path:
    """Add `word` to `disable.words` of the pack's config.yaml (creating it); returns the file."""
    folder = Path(pack)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.yaml"
    data = {}
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    disable = data.setdefault("disable", {}) or {}
    data["disable"] = disable
    words = list(disable.get("words") or [])
    if word.lower() not in {w.lower() for w in words}:
        words.append(word.lower())
    disable["words"] = words
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tmp.replace(path)
    return path
