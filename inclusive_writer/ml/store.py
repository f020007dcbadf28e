"""The local model store: one folder per model, each with a SHA-256 `manifest.json`.

Where it lives (first that applies):
1. `$INCLUSIVE_WRITER_MODELS`;
2. `models/` next to the application when it holds a file named `PORTABLE` (portable installs);
3. `<user data dir>/inclusive-writer/models` (platformdirs).

Every model folder is verified (hashes, safetensors only) before it is handed to a loader.
`download()` is the only method that uses the network.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .catalogue import COMMIT_RE, CatalogueEntry, load_catalogue
from .errors import DownloadError, IntegrityError, MLError, ModelNotInstalled, UnsafeModelError
from .offline import check_safe_folder

MANIFEST = "manifest.json"
FORMAT = "inclusive-writer-model/1"
ENV_VAR = "INCLUSIVE_WRITER_MODELS"
ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")
Progress = Callable[[int, int, str], None]
RESERVED = frozenset({"judge"})  # <store>/judge/ holds retrained judge heads, not a model


def app_root() -> Path:
    """Folder of the application: the executable's for frozen builds, else the project root."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def default_root() -> Path:
    """Where the store lives (see module docstring)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    portable = app_root() / "models"
    if (portable / "PORTABLE").is_file():
        return portable
    import platformdirs
    return Path(platformdirs.user_data_dir("inclusive-writer", appauthor=False)) / "models"


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def build_manifest(folder: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """Manifest for `folder`: metadata plus SHA-256 and size of every file."""
    folder = Path(folder)
    files = {p.relative_to(folder).as_posix(): {"sha256": sha256_file(p), "size": p.stat().st_size}
             for p in _files(folder)}
    out = {"format": FORMAT, **meta, "files": files}
    out.setdefault("created", _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return out


def write_manifest(folder: Path, meta: dict[str, Any]) -> dict[str, Any]:
    manifest = build_manifest(folder, meta)
    (Path(folder) / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    return manifest


def read_manifest(folder: Path) -> dict[str, Any]:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise IntegrityError(f"{folder}: no {MANIFEST} (SHA-256 list of the files); refusing to load "
                             "an unverified model. Re-import it from a pack made by `models export`.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise IntegrityError(f"{path}: unreadable manifest ({exc}).") from exc
    if data.get("format") != FORMAT or not isinstance(data.get("files"), dict):
        raise IntegrityError(f"{path}: not an Inclusive Writer model manifest (format {FORMAT}).")
    return data


def verify_folder(folder: Path) -> list[str]:
    """Problems with a model folder (empty list = good): hashes, sizes, extra files, pickles."""
    folder = Path(folder)
    try:
        manifest = read_manifest(folder)
    except IntegrityError as exc:
        return [str(exc)]
    problems: list[str] = []
    listed = manifest["files"]
    for rel, info in listed.items():
        p = folder / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            problems.append(f"{rel}: path outside the model folder in manifest")
        elif not p.is_file():
            problems.append(f"{rel}: missing")
        elif p.stat().st_size != info.get("size", p.stat().st_size):
            problems.append(f"{rel}: SHA-256 does not match the manifest (size {p.stat().st_size} "
                            f"instead of {info.get('size')}: file changed or truncated)")
        elif sha256_file(p) != info.get("sha256"):
            problems.append(f"{rel}: SHA-256 does not match the manifest (file changed or corrupted)")
    for p in _files(folder):
        rel = p.relative_to(folder).as_posix()
        if rel not in listed:
            problems.append(f"{rel}: not listed in the manifest")
    try:
        check_safe_folder(folder, require_weights=manifest.get("task") != "judge-data")
    except UnsafeModelError as exc:
        problems.append(str(exc))
    return problems


@dataclass(slots=True)
class ModelInfo:
    """A model in the store or in the catalogue."""

    id: str
    task: str
    languages: tuple[str, ...]
    licence: str
    installed: bool
    path: Path | None = None
    size_mb: float = 0.0
    repo: str | None = None
    revision: str | None = None
    commercial: bool = True
    origin: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "task": self.task, "languages": list(self.languages),
                "licence": self.licence, "installed": self.installed,
                "path": str(self.path) if self.path else None, "size_mb": round(self.size_mb, 1),
                "repo": self.repo, "revision": self.revision, "commercial": self.commercial,
                "origin": self.origin}


def _info_from_manifest(folder: Path, manifest: dict[str, Any]) -> ModelInfo:
    size = sum(int(v.get("size", 0)) for v in manifest["files"].values()) / 1e6
    return ModelInfo(
        id=manifest.get("id", folder.name), task=manifest.get("task", "?"),
        languages=tuple(manifest.get("languages") or ()), licence=manifest.get("licence", "?"),
        installed=True, path=folder, size_mb=size, repo=manifest.get("repo"),
        revision=manifest.get("revision"), commercial=bool(manifest.get("commercial", True)),
        origin=manifest.get("origin", ""), meta=manifest)


def _guess_task(folder: Path) -> str:
    try:
        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "?"
    arch = " ".join(cfg.get("architectures") or []) + " " + str(cfg.get("model_type", ""))
    if any(k in arch for k in ("MTModel", "ForConditionalGeneration", "marian", "t5")):
        return "translation"
    if "CausalLM" in arch:
        return "generation"
    return "embedding"


def _safe_extract(zf: zipfile.ZipFile, dest: Path) -> None:
    """Extract without path traversal, absolute paths or symlinks."""
    dest = dest.resolve()
    for member in zf.infolist():
        name = member.filename
        if name.endswith("/"):
            continue
        target = (dest / name).resolve()
        if not str(target).startswith(str(dest) + os.sep) or (member.external_attr >> 16) & 0o170000 == 0o120000:
            raise UnsafeModelError(f"zip member {name!r}: unsafe path; refusing the pack.")
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(member) as src, target.open("wb") as out:
            shutil.copyfileobj(src, out)


class ModelStore:
    """The local model store (see module docstring)."""

    def __init__(self, root: str | os.PathLike[str] | None = None, *,
                 catalogue: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root).expanduser() if root else default_root()
        self._catalogue_path = Path(catalogue) if catalogue else None
        self._verified: dict[Path, tuple[float, int]] = {}

    def catalogue(self) -> dict[str, CatalogueEntry]:
        """The catalogue this store offers (resources/models/catalogue.yaml unless given)."""
        return load_catalogue(self._catalogue_path) if self._catalogue_path else load_catalogue()

    # --- listing -----------------------------------------------------------------------------
    def installed(self) -> list[ModelInfo]:
        """Models present in the store (with a manifest), sorted by id."""
        out = []
        if not self.root.is_dir():
            return out
        for folder in sorted(p for p in self.root.iterdir()
                             if p.is_dir() and not p.name.startswith(".") and p.name not in RESERVED):
            try:
                out.append(_info_from_manifest(folder, read_manifest(folder)))
            except IntegrityError:
                out.append(ModelInfo(id=folder.name, task="?", languages=(), licence="?",
                                     installed=True, path=folder, origin="no manifest"))
        return out

    def list(self, *, include_catalogue: bool = True, all_licences: bool = False) -> list[ModelInfo]:
        """Installed models, then catalogue models not installed (commercial-use ones by default)."""
        out = self.installed()
        have = {m.id for m in out}
        if include_catalogue:
            for e in self.catalogue().values():
                if e.id in have or (not e.commercial and not all_licences):
                    continue
                out.append(ModelInfo(id=e.id, task=e.task, languages=e.languages, licence=e.licence,
                                     installed=False, size_mb=e.size_mb, repo=e.repo,
                                     revision=e.revision, commercial=e.commercial, origin="catalogue"))
        return out

    def get(self, model_id: str) -> ModelInfo | None:
        folder = self.root / model_id
        if not (folder / MANIFEST).is_file():
            return None
        return _info_from_manifest(folder, read_manifest(folder))

    def find(self, task: str, *, source: str | None = None, target: str | None = None,
             language: str | None = None) -> ModelInfo | None:
        """First installed model for a task (and language pair / language)."""
        for m in self.installed():
            if m.task != task:
                continue
            meta = m.meta
            if source and meta.get("source", (m.languages or ("",))[0]) != source:
                continue
            if target and meta.get("target", (m.languages + ("", ""))[1]) != target:
                continue
            if language and m.languages and language not in m.languages:
                continue
            return m
        return None

    # --- loading -----------------------------------------------------------------------------
    def path(self, model_id: str, *, verify: bool = True) -> Path:
        """Folder of an installed model, verified (hashes, safetensors only) before use."""
        folder = self.root / model_id
        if not folder.is_dir():
            raise ModelNotInstalled(f"model {model_id!r}", "")
        if verify:
            self.check(folder)
        return folder

    def check(self, folder: Path) -> None:
        """Raise IntegrityError / UnsafeModelError when a folder fails verification."""
        folder = Path(folder)
        stamp = self._stamp(folder)
        if self._verified.get(folder) == stamp:
            return
        problems = verify_folder(folder)
        if problems:
            kind = UnsafeModelError if any("refused" in p or "safetensors" in p for p in problems) else IntegrityError
            raise kind(f"Model {folder.name!r} failed verification and was not loaded:\n  - "
                       + "\n  - ".join(problems))
        self._verified[folder] = stamp

    @staticmethod
    def _stamp(folder: Path) -> tuple[float, int]:
        files = list(folder.rglob("*"))
        return (max((p.stat().st_mtime for p in files), default=0.0), len(files))

    # --- import / export ---------------------------------------------------------------------
    def import_pack(self, path: str | os.PathLike[str], *, model_id: str | None = None,
                    trust_unverified: bool = False, replace: bool = False,
                    meta: dict[str, Any] | None = None) -> ModelInfo:
        """Import a model folder or zip that carries a SHA-256 manifest.

        Without a manifest the pack is refused, unless `trust_unverified` (then a manifest is
        written from the files as they are, marked `origin: local-unverified`). Pickle checkpoints
        are always refused.
        """
        src = Path(path)
        if not src.exists():
            raise MLError(f"{src}: no such file or folder.")
        self.root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.root, prefix=".incoming-") as tmp:
            work = Path(tmp) / "pack"
            if src.is_file():
                if not zipfile.is_zipfile(src):
                    raise MLError(f"{src}: not a folder or zip file.")
                with zipfile.ZipFile(src) as zf:
                    _safe_extract(zf, work)
                found = [p.parent for p in work.rglob(MANIFEST)]
                if len(found) == 1:
                    work = found[0]
                elif not found:
                    entries = [p for p in work.iterdir()]
                    if len(entries) == 1 and entries[0].is_dir():
                        work = entries[0]
            else:
                shutil.copytree(src, work, symlinks=False)
            manifest_path = work / MANIFEST
            if manifest_path.is_file():
                manifest = read_manifest(work)
                problems = verify_folder(work)
                if problems:
                    kind = UnsafeModelError if any("refused" in p for p in problems) else IntegrityError
                    raise kind(f"{src}: refused, the pack does not match its manifest:\n  - "
                               + "\n  - ".join(problems))
                if model_id and model_id != manifest.get("id"):
                    manifest["id"] = model_id
                    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
            elif trust_unverified:
                check_safe_folder(work)
                mid = model_id or src.stem.lower()
                entry = self.catalogue().get(mid)
                base = self._meta_from_entry(entry) if entry else {
                    "id": mid, "task": _guess_task(work), "languages": [], "licence": "unknown",
                    "commercial": False}
                base.update(meta or {})
                base.update({"id": mid, "origin": "local-unverified"})
                manifest = write_manifest(work, base)
            else:
                raise IntegrityError(
                    f"{src}: refused, no {MANIFEST} with SHA-256 hashes. Use a pack made by "
                    "`inclusive-writer models export` on the connected machine, or pass --trust "
                    "if you checked the files yourself.")
            mid = manifest.get("id") or model_id
            if not mid or not ID_RE.fullmatch(mid):
                raise MLError(f"{src}: invalid model id {mid!r} (lower-case letters, digits, . _ -).")
            dest = self.root / mid
            if dest.exists():
                if not replace:
                    raise MLError(f"Model {mid!r} is already installed; remove it first or use --replace.")
                shutil.rmtree(dest)
            shutil.move(str(work), str(dest))
        self._verified.pop(dest, None)
        info = self.get(mid)
        assert info is not None
        return info

    def export(self, model_id: str, path: str | os.PathLike[str]) -> Path:
        """Write a verified model as a folder, or as a zip when `path` ends in .zip."""
        folder = self.path(model_id)
        dest = Path(path)
        if dest.suffix.lower() == ".zip":
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_suffix(".zip.partial")
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
                for p in sorted(folder.rglob("*")):
                    if p.is_file():
                        zf.write(p, f"{model_id}/{p.relative_to(folder).as_posix()}")
            os.replace(tmp, dest)
            return dest
        if dest.is_dir() and any(dest.iterdir()):
            dest = dest / model_id
        elif dest.is_dir():
            dest.rmdir()
        if dest.exists():
            raise MLError(f"{dest}: already exists.")
        shutil.copytree(folder, dest)
        return dest

    def verify(self, model_id: str | None = None) -> dict[str, list[str]]:
        """Re-hash installed models: id -> problems (empty list = good)."""
        ids = [model_id] if model_id else [m.id for m in self.installed()]
        out: dict[str, list[str]] = {}
        for mid in ids:
            folder = self.root / mid
            out[mid] = verify_folder(folder) if folder.is_dir() else ["not installed"]
            if not out[mid]:
                self._verified[folder] = self._stamp(folder)
        return out

    def remove(self, model_id: str) -> None:
        folder = self.root / model_id
        if not ID_RE.fullmatch(model_id) or not folder.is_dir():
            raise ModelNotInstalled(f"model {model_id!r}", "`inclusive-writer models list` shows what is installed.")
        shutil.rmtree(folder)
        self._verified.pop(folder, None)

    def add_folder(self, folder: str | os.PathLike[str], meta: dict[str, Any], *, replace: bool = False) -> ModelInfo:
        """Copy a folder built or fetched on this machine into the store, writing its manifest."""
        src = Path(folder)
        check_safe_folder(src)
        mid = meta["id"]
        if not ID_RE.fullmatch(mid):
            raise MLError(f"invalid model id {mid!r}")
        self.root.mkdir(parents=True, exist_ok=True)
        dest = self.root / mid
        if dest.exists():
            if not replace:
                raise MLError(f"Model {mid!r} is already installed.")
            shutil.rmtree(dest)
        with tempfile.TemporaryDirectory(dir=self.root, prefix=".incoming-") as tmp:
            work = Path(tmp) / mid
            shutil.copytree(src, work, ignore=shutil.ignore_patterns(MANIFEST, ".cache"))
            write_manifest(work, meta)
            shutil.move(str(work), str(dest))
        info = self.get(mid)
        assert info is not None
        return info

    @staticmethod
    def _meta_from_entry(entry: CatalogueEntry) -> dict[str, Any]:
        meta: dict[str, Any] = {"id": entry.id, "repo": entry.repo, "revision": entry.revision,
                                "task": entry.task, "languages": list(entry.languages),
                                "licence": entry.licence, "commercial": entry.commercial}
        for k in ("source", "target", "prefix", "pooling"):
            if getattr(entry, k):
                meta[k] = getattr(entry, k)
        return meta

    # --- the only networked path -------------------------------------------------------------
    def download(self, model_id: str, progress: Progress | None = None, *,
                 revision: str | None = None, endpoint: str | None = None,
                 allow_noncommercial: bool = False, replace: bool = False) -> ModelInfo:
        """Fetch a catalogue model at its pinned revision (safetensors + tokenizer files only)."""
        entry = self.catalogue().get(model_id)
        if entry is None:
            raise DownloadError(f"{model_id!r} is not in the catalogue; `models list` shows the ids.")
        if not entry.commercial and not allow_noncommercial:
            raise DownloadError(f"{model_id!r} has a non-commercial licence ({entry.licence}); "
                                "pass --allow-noncommercial if your use is non-commercial.")
        rev = revision or entry.revision
        if not rev or not COMMIT_RE.fullmatch(rev):
            raise DownloadError(
                f"{model_id!r} has no pinned revision in the catalogue. Look up the commit on "
                f"https://huggingface.co/{entry.repo}/commits/main and pass --revision <40-hex commit>.")
        try:
            import huggingface_hub
            import huggingface_hub.constants as hub_constants
        except ImportError as exc:  # pragma: no cover
            raise DownloadError("huggingface_hub is not installed; cannot download.") from exc
        self.root.mkdir(parents=True, exist_ok=True)
        was_offline = hub_constants.HF_HUB_OFFLINE
        hub_constants.HF_HUB_OFFLINE = False
        try:
            with _network_allowed(), tempfile.TemporaryDirectory(dir=self.root, prefix=".download-") as tmp:
                base = endpoint or hub_constants.ENDPOINT
                try:
                    _reachable(base)
                    huggingface_hub.snapshot_download(
                        repo_id=entry.repo, revision=rev, local_dir=tmp,
                        allow_patterns=list(entry.files) or ["*.json", "*.safetensors", "*.spm", "*.model", "*.txt"],
                        endpoint=endpoint, tqdm_class=_tqdm_for(progress), max_workers=2, token=False)
                except Exception as exc:  # network, 404, auth: one clear message
                    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                    raise DownloadError(
                        f"Could not download {entry.repo} at {rev[:10]}: {reason[:300]}\n"
                        "This machine may have no internet access. On an air-gapped machine, run "
                        f"`inclusive-writer models export {model_id} {model_id}.zip` on a connected one "
                        f"and `inclusive-writer models import {model_id}.zip` here.") from exc
                folder = Path(tmp)
                shutil.rmtree(folder / ".cache", ignore_errors=True)
                if rev == entry.revision:
                    _check_pinned_files(folder, entry)
                meta = self._meta_from_entry(entry) | {"revision": rev, "origin": "download"}
                return self.add_folder(folder, meta, replace=replace)
        finally:
            hub_constants.HF_HUB_OFFLINE = was_offline


def _check_pinned_files(folder: Path, entry: CatalogueEntry) -> None:
    """Every file the catalogue pins a SHA-256 for must be there and match it."""
    for name, want in entry.sha256.items():
        path = folder / name
        if not path.is_file():
            raise DownloadError(f"{entry.repo} at {entry.revision[:10]} has no {name}; nothing was installed.")
        got = sha256_file(path)
        if got != want:
            raise DownloadError(
                f"{name} from {entry.repo} at {entry.revision[:10]} does not match the catalogue's "
                f"SHA-256 (expected {want[:16]}…, got {got[:16]}…); nothing was installed.")


def _reachable(url: str, timeout: float = 5.0) -> None:
    """Fail fast (instead of the hub client's retries) when the endpoint cannot be reached."""
    import socket
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname or "", port), timeout=timeout).close()
    except OSError as exc:
        raise ConnectionError(f"cannot reach {parts.hostname}:{port} ({exc.strerror or exc})") from exc


class _network_allowed:
    """Open the trust team's egress guard (if installed) for the duration of a download."""

    def __enter__(self) -> "_network_allowed":
        self._cm = None
        try:
            from .. import egress  # type: ignore[attr-defined]
            allow = getattr(egress, "allow_network", None)
            if allow is not None:
                self._cm = allow()
                self._cm.__enter__()
        except ImportError:
            self._cm = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._cm is not None:
            self._cm.__exit__(*exc)


def _tqdm_for(progress: Progress | None):
    """A tqdm class that forwards updates to `progress(done, total, what)`, or None."""
    if progress is None:
        return None
    import inspect
    from tqdm.auto import tqdm
    try:  # accept progress(done, total) as well as progress(done, total, what)
        two_args = len(inspect.signature(progress).parameters) == 2
    except (TypeError, ValueError):
        two_args = False

    class _Bar(tqdm):  # type: ignore[misc]
        def __init__(self, *a: Any, **k: Any) -> None:
            k["disable"] = True
            super().__init__(*a, **k)
            self._done = 0

        def update(self, n: float | None = 1) -> bool | None:
            self._done += int(n or 0)
            total = int(getattr(self, "total", 0) or 0)
            try:
                if two_args:
                    progress(self._done, total)  # type: ignore[call-arg]
                else:
                    progress(self._done, total, str(getattr(self, "desc", "") or ""))
            except Exception:  # a broken progress callback must not break the download
                pass
            return None

    return _Bar


def iter_store_ids(store: ModelStore) -> Iterable[str]:
    return (m.id for m in store.installed())
