"""A graph home: the directory ``kg build`` fills, with its store note, lock and atomic updates.

A home holds ``graph.ttl``, ``claims.jsonl``, ``graph.html``, ``graph.trig`` (memory store) and
``.kg-store`` (which store backs it). Every update is written whole into ``.kg-staging/``, which
is renamed to ``.kg-commit/`` (the commit point) and then moved into place. A process killed
before the commit point leaves the previous files untouched; the next command on the home
finishes a commit that was interrupted after it, and discards a staging directory that never
got there. ``.kg-lock`` keeps two updating commands off one home at the same time.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import StoreError
from kg.graph.io import os_error

__all__ = ["check_output_dir", "require_home", "home_spec", "saved_spec", "user_spec", "locked", "commit_files",
           "recover", "STORE_NOTE"]

STORE_NOTE = ".kg-store"
_LOCK = ".kg-lock"
_STAGING = ".kg-staging"
_COMMIT = ".kg-commit"


def check_output_dir(out: Path) -> None:
    """Make ``out`` (if missing) and check that files can be written in it, before any long work.

    Raises:
        StoreError: ``out`` is a file, or cannot be made or written.
    """
    if out.exists() and not out.is_dir():
        raise StoreError(f"{out}: exists and is not a directory; give -o a directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".kg-probe.", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise os_error(out, exc, "cannot write the output here") from exc


def require_home(out: Path) -> None:
    """Raise unless ``out`` is a graph home made by ``kg build``.

    Raises:
        StoreError: no such directory, or not a home.
    """
    if not out.is_dir() or not ((out / STORE_NOTE).exists() or (out / "graph.trig").exists()):
        raise StoreError(f"{out}: not a graph home; make one with `kg build PATH... -o {out}`")


def user_spec(spec: str) -> str:
    """A store spec as given on the command line, with an Oxigraph directory made absolute (it is
    relative to where the user stands).

    Raises:
        StoreError: ``oxigraph:`` without a directory.
    """
    if spec.startswith("oxigraph:"):
        location = spec.split(":", 1)[1].strip()
        if not location:
            raise StoreError("--store oxigraph: needs a directory, e.g. --store oxigraph:out/store")
        return "oxigraph:" + str(Path(location).expanduser().resolve())
    return spec


def saved_spec(spec: str, out: Path) -> str:
    """The spec to write in the home's note: an Oxigraph directory inside the home relative to it,
    any other absolute, so the note means the same from every working directory."""
    if spec.startswith("oxigraph:"):
        path = Path(spec.split(":", 1)[1]).resolve()
        home = out.resolve()
        return "oxigraph:" + (path.relative_to(home).as_posix() if path.is_relative_to(home) else str(path))
    return spec


def home_spec(out: Path, override: str | None = None) -> str:
    """The store behind home ``out``: ``override`` if given, else the home's note, with a relative
    Oxigraph directory resolved against the home (never the working directory).

    Raises:
        StoreError: ``out`` is not a home, or the override is malformed.
    """
    if override:
        return user_spec(override)
    require_home(out)
    note = out / STORE_NOTE
    spec = note.read_text(encoding="utf-8").strip() if note.exists() else "memory"
    if spec.startswith("oxigraph:"):
        location = Path(spec.split(":", 1)[1])
        return "oxigraph:" + str(location if location.is_absolute() else (out / location).resolve())
    return spec


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the home's lock (and finish or discard an interrupted update) for the block.

    Raises:
        StoreError: another kg command holds the lock.
    """
    try:
        fd = os.open(out / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise os_error(out / _LOCK, exc, "cannot lock the home") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{out}: another kg command is updating this home; run again when it has finished") from None
        recover(out)
        yield
    finally:
        os.close(fd)  # closing releases the lock; so does the process dying


def recover(out: Path) -> None:
    """Finish a commit interrupted after its commit point; discard staging that never reached it."""
    if (out / _COMMIT).is_dir():
        _move_into_place(out)
    if (out / _STAGING).exists():
        shutil.rmtree(out / _STAGING)


def _move_into_place(out: Path) -> None:
    commit = out / _COMMIT
    for entry in sorted(commit.iterdir()):
        os.replace(entry, out / entry.name)
    commit.rmdir()
    _fsync_dir(out)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit_files(out: Path, files: dict[str, str]) -> None:
    """Replace the files of home ``out`` with ``files`` (name -> text) all at once.

    Call with the home's lock held.

    Raises:
        StoreError: a file could not be written (the home is left as it was).
    """
    staging = out / _STAGING
    try:
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
        for name, text in files.items():
            with open(staging / name, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
        _fsync_dir(staging)
        os.replace(staging, out / _COMMIT)  # the commit point
        _move_into_place(out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise os_error(out, exc) from exc
