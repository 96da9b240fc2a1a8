"""Writing a file so that it is either the old file or the new one, never a fragment.

Season files, PDFs, calendars, spreadsheets and chart pictures all go through here: the
bytes are written to a temporary file beside the target, flushed to the disk, and only then
renamed over the target. A full disk or a crash mid-write leaves the earlier file as it was,
plus at most a hidden temporary file that the next write to the same target removes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = [
    "TEMPORARY_SUFFIX",
    "remove_stale_temporaries",
    "sync_folder",
    "write_atomically",
    "write_problem",
    "write_temporary",
]

TEMPORARY_SUFFIX = ".tmp"
# Files the user creates get the umask's permissions, as any program's would; season files
# narrow this themselves.
_DEFAULT_MODE = 0o666


def _temporary_prefix(target: Path) -> str:
    return f".{target.name}."


def write_temporary(target: Path, payload: bytes, mode: int) -> Path:
    """``payload`` in a new hidden file beside ``target``, flushed to the disk, with ``mode``.

    The caller renames it into place or removes it.
    """
    # Same folder as the target: os.replace is only atomic within one file system.
    handle, name = tempfile.mkstemp(prefix=_temporary_prefix(target), suffix=TEMPORARY_SUFFIX, dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(mode)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def remove_stale_temporaries(target: Path) -> None:
    """Remove the temporary files an earlier, interrupted write to ``target`` left behind."""
    prefix = _temporary_prefix(target)
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(TEMPORARY_SUFFIX) and entry.is_file():
                with contextlib.suppress(OSError):
                    Path(entry.path).unlink()


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or the default for a new file (less the umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return _DEFAULT_MODE & ~umask


def write_atomically(path: str | os.PathLike[str], payload: bytes, mode: int | None = None) -> None:
    """Replace the file at ``path`` with ``payload`` in one step; raises ``OSError``.

    On failure the file at ``path`` is as it was and no temporary file is left behind.
    ``mode`` is the new file's permissions (default: the old file's, or the usual ones).
    """
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise IsADirectoryError(21, "this is a folder, not a file", str(path))
    remove_stale_temporaries(target)
    temporary = write_temporary(target, payload, _mode_for(target) if mode is None else mode)
    try:
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (folders cannot be opened like this on Windows)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_problem(error: OSError, path: Path) -> str:
    """Why ``path`` could not be written, in words a coach can act on."""
    if isinstance(error, FileNotFoundError):
        return f"the folder {path.parent} does not exist"
    if isinstance(error, IsADirectoryError):
        return f"{path.name} is a folder"
    if isinstance(error, PermissionError):
        return f"SprintPlan may not write in the folder {path.parent}"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.EROFS:
        return "the disk can only be read, not written to"
    return f"the file could not be written ({error.strerror or error})"
