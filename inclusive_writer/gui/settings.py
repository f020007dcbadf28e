"""The desktop app's preferences, kept as JSON in the user's config folder.

`INCLUSIVE_WRITER_CONFIG` overrides the folder (tests, portable installs).
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..core.model import CATEGORIES

STYLES: tuple[str, ...] = ("neutral", "doublet", "median", "star", "colon", "label")
LOCALES: dict[str, tuple[str, ...]] = {"en": ("",), "nl": ("BE", "NL"), "fr": ("BE", "FR"), "de": ("DE", "BE")}
MAX_RECENT = 8


def config_dir() -> Path:
    env = os.environ.get("INCLUSIVE_WRITER_CONFIG")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("inclusive-writer", appauthor=False))


@dataclass
class GuiSettings:
    ui_language: str = "en"
    document_language: str = "auto"          # auto | en | nl | fr | de
    locale: dict[str, str] = field(default_factory=lambda: {"nl": "BE", "fr": "BE", "de": "DE"})
    style: dict[str, str] = field(default_factory=lambda: {"en": "neutral", "nl": "neutral",
                                                            "fr": "doublet", "de": "neutral"})
    categories: dict[str, bool] = field(default_factory=lambda: {c: True for c in CATEGORIES})
    org_pack: str = ""                        # folder of the organisation rule pack
    model_hints: bool = True                  # semantic flags from the on-device encoder
    color_scheme: str = "system"              # system | light | dark
    recent_files: list[str] = field(default_factory=list)
    geometry: str = ""                        # base64 of saveGeometry()
    window_state: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> "GuiSettings":
        path = path or config_dir() / "gui.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        obj = cls(**{k: v for k, v in data.items() if k in known})
        obj.categories = {c: bool(obj.categories.get(c, True)) for c in CATEGORIES}
        return obj

    def save(self, path: Path | None = None) -> None:
        path = path or config_dir() / "gui.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        self.recent_files = [path] + [p for p in self.recent_files if p != path]
        del self.recent_files[MAX_RECENT:]

    def enabled_categories(self) -> list[str]:
        return [c for c in CATEGORIES if self.categories.get(c, True)]

    def check_settings(self, lang: str | None) -> dict[str, Any]:
        """Keyword arguments for the check service's `CheckSettings` (plain data)."""
        cats = self.enabled_categories()
        return {
            "categories": cats,
            "org_pack": self.org_pack if self.org_pack and Path(self.org_pack).is_dir() else None,
            "locale": self.locale.get(lang) if lang else None,
            "style": self.style.get(lang) if lang else None,
            "spelling": "spelling" in cats,
            "coded_findings": "gender-coded" in cats,
            "readability": True,
            "semantic": bool(self.model_hints),
        }
