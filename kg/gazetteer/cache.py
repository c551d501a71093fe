"""An on-disk cache of built objects (the built-in gazetteer), so a command does not rebuild them
on every start.

Building the world gazetteer reads the geonames city table and the gazetteer files, about a second
of every ``kg`` command's start; its result only changes when those inputs or the code that reads
them change. An entry is stored under a key made from exactly those inputs (file contents, code,
package versions), so a stale entry is never found, only left behind.

The directory is ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``;
``KG_CACHE_DIR=off`` turns the cache off. The cache is never needed: an unreadable, corrupt or
foreign entry is rebuilt silently, and a directory that cannot be written only costs the rebuild.
An entry carries a SHA-256 of its payload, checked before it is unpickled; writers go through a
temporary file and a rename, so concurrent processes never see half an entry.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cache_key", "cached"]

T = TypeVar("T")
_MAGIC = b"kg-cache-1\n"
_DIGEST = hashlib.sha256().digest_size


def cache_dir() -> Path | None:
    """The cache directory, or None when ``KG_CACHE_DIR=off``."""
    given = os.environ.get("KG_CACHE_DIR")
    if given is not None:
        return None if given.strip().lower() in ("", "off", "0", "no") else Path(given).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"


def cache_key(name: str, files: Iterable[Path], packages: Iterable[str] = ()) -> str:
    """A key that changes whenever a file's name or content, or a package's version, does.

    A missing file counts as a distinct content, so the build that follows a miss reports it.
    """
    h = hashlib.sha256(f"{name}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    for path in files:
        h.update(str(Path(path).name).encode() + b"\0")
        try:
            h.update(hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError:
            h.update(b"missing")
    for package in packages:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "none"
        h.update(f"\0{package}={version}".encode())
    return f"{name}-{h.hexdigest()[:32]}"


def _read(path: Path) -> object | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, digest, payload = data[:len(_MAGIC)], data[len(_MAGIC):len(_MAGIC) + _DIGEST], data[len(_MAGIC) + _DIGEST:]
    if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
        return None  # truncated, corrupt or another format: rebuild
    try:
        return pickle.loads(payload)  # noqa: S301 - our own file, checked against its digest
    except (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError, ValueError, IndexError):
        return None  # written by code whose classes have since changed


def _write(path: Path, value: object) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    except OSError:
        return  # a read-only home or a full disk: run without the cache
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old entry or the new one
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def cached(key: str, build: Callable[[], T], kind: type[T]) -> T:
    """``build()``'s result, read from the cache under ``key`` when an entry of type ``kind`` is
    there, else built and stored. Exceptions of ``build`` propagate and nothing is stored."""
    where = cache_dir()
    if where is None:
        return build()
    path = where / f"{key}.pickle"
    found = _read(path)
    if isinstance(found, kind):
        return found
    value = build()
    _write(path, value)
    return value
