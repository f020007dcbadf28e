"""The catalogue of recommended models (resources/models/catalogue.yaml)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import MLError

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
CATALOGUE_PATH = RESOURCES / "models" / "catalogue.yaml"
TASKS = ("embedding", "translation", "generation", "judge")
COMMIT_RE = re.compile(r"[0-9a-f]{40}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One recommended model."""

    id: str
    repo: str
    task: str
    languages: tuple[str, ...]
    licence: str
    commercial: bool
    size_mb: int
    revision: str | None = None
    source: str | None = None
    target: str | None = None
    files: tuple[str, ...] = ()
    optional: bool = False
    prefix: str = ""
    pooling: str = "mean"
    note: str = ""
    sha256: dict[str, str] = field(default_factory=dict)  # file name -> expected SHA-256 at `revision`
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pinned(self) -> bool:
        return bool(self.revision and COMMIT_RE.fullmatch(self.revision))


def _entry(raw: dict[str, Any], where: str) -> CatalogueEntry:
    known = set(CatalogueEntry.__dataclass_fields__) - {"extra"}
    missing = [k for k in ("id", "repo", "task", "languages", "licence", "size_mb") if k not in raw]
    if missing:
        raise MLError(f"{where}: catalogue entry {raw.get('id', '?')!r} lacks {', '.join(missing)}.")
    if raw["task"] not in TASKS:
        raise MLError(f"{where}: entry {raw['id']!r}: unknown task {raw['task']!r}.")
    rev = raw.get("revision")
    if rev is not None and not COMMIT_RE.fullmatch(str(rev)):
        raise MLError(f"{where}: entry {raw['id']!r}: revision must be a 40-hex commit, not {rev!r}.")
    sums = raw.get("sha256") or {}
    if not isinstance(sums, dict) or not all(isinstance(v, str) and SHA256_RE.fullmatch(v) for v in sums.values()):
        raise MLError(f"{where}: entry {raw['id']!r}: sha256 must map file names to 64-hex digests.")
    kw = {k: v for k, v in raw.items() if k in known}
    kw["sha256"] = {str(k): v for k, v in sums.items()}
    kw["languages"] = tuple(raw["languages"])
    kw["files"] = tuple(raw.get("files") or ())
    kw["commercial"] = bool(raw.get("commercial", False))
    return CatalogueEntry(**kw, extra={k: v for k, v in raw.items() if k not in known})


def load_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, CatalogueEntry]:
    """Parse and validate the catalogue; id -> entry, in file order (cached per file version)."""
    st = Path(path).stat()
    return _load(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _load(path: str, _mtime: int, _size: int) -> dict[str, CatalogueEntry]:
    import yaml
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out: dict[str, CatalogueEntry] = {}
    for raw in data.get("models") or []:
        entry = _entry(raw, str(path))
        if entry.id in out:
            raise MLError(f"{path}: duplicate model id {entry.id!r}.")
        out[entry.id] = entry
    return out


def translation_entries(src: str, tgt: str) -> list[CatalogueEntry]:
    """Catalogue models for src->tgt (commercial only), direct first."""
    return [e for e in load_catalogue().values()
            if e.task == "translation" and e.commercial and e.source == src and e.target == tgt]
