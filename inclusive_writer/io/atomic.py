"""Atomic saves: temp file in the same folder, write, flush, fsync, `os.replace`.

The previous version stays in place, untouched, until the new one is complete on disk; a crash
or kill at any moment leaves either the old file or the new one, never a mix. A read-only
target is refused with a clear error (even for root, which `os.access` would let through).
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from .errors import InputError

TEMP_SUFFIX = ".iw-tmp"


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _default_mode() -> int:
    """0o666 minus the process umask (read without changing it, so thread-safe)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


def is_read_only(path: Path) -> bool:
    """True when `path` exists and must not be written (no write bit, or no access)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return False
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(path, os.W_OK)


def _os_problem(exc: OSError, what: str) -> str:
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"permission denied ({what})"
    if exc.errno == errno.ENOSPC:
        return f"disk full ({what}); the previous version is intact"
    if isinstance(exc, FileNotFoundError):
        return f"folder vanished ({what})"
    return f"{exc.strerror or exc} ({what})"


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *,
                       name: str | None = None, mode: int | None = None,
                       _before_replace: Callable[[Path], None] | None = None) -> Path:
    """Write `data` to `path` atomically; return the real path written.

    A symlink is followed (the link stays a link). The file keeps its permission bits (`mode`
    forces them, e.g. 0o600 for private files; new files otherwise follow the umask). On any
    failure the temp file is removed and `InputError(name or path, problem)` is raised; the
    existing file is left exactly as it was.
    """
    label = name if name is not None else os.fspath(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    if target.is_dir():
        raise InputError(label, "is a folder, not a file")
    if is_read_only(target):
        raise InputError(label, "permission denied (the file is read-only); nothing was changed")
    try:
        old_mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        old_mode = _default_mode()
    except OSError as exc:
        raise InputError(label, _os_problem(exc, "reading file attributes")) from None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise InputError(label, _os_problem(exc, f"cannot create a file in {folder}")) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, old_mode if mode is None else mode)
        if _before_replace is not None:
            _before_replace(tmp)
        if is_read_only(target):  # became read-only while we were writing
            raise InputError(label, "permission denied (the file became read-only during the "
                                    "save); nothing was changed")
        os.replace(tmp, target)
    except InputError:
        _unlink_quietly(tmp)
        raise
    except OSError as exc:
        _unlink_quietly(tmp)
        raise InputError(label, _os_problem(exc, "saving")) from None
    except BaseException:
        _unlink_quietly(tmp)
        raise
    _fsync_dir(folder)
    return target


def _unlink_quietly(p: Path) -> None:
    try:
        p.unlink()
    except OSError:
        pass


def stale_temp_files(folder: str | os.PathLike[str]) -> list[Path]:
    """Temp files left by a save that was killed before it completed (safe to delete)."""
    try:
        return sorted(p for p in Path(folder).glob(f".*{TEMP_SUFFIX}") if p.is_file())
    except OSError:
        return []
