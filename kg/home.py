"""A graph home: the directory ``kg build`` fills, with its store note, outputs, lock and atomic updates.

A home holds ``graph.ttl``, ``claims.jsonl``, ``graph.html``, ``kg.toml`` (its actor
dictionaries), ``.kg-store`` (the spec of the store behind it) and, for a memory store,
``graph.trig``. Every update is written whole into ``.kg-staging/``, which is renamed to
``.kg-commit/`` (the commit point) and then moved into place. A process killed before the commit
point leaves the previous files untouched; the next command on the home finishes a commit that
was interrupted after it, and discards a staging directory that never got there. ``.kg-lock``
keeps two updating commands off one home at the same time.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kg.errors import StoreError
from kg.graph.io import os_error
from kg.graph.store import Store, open_store, store_class

__all__ = ["Home", "user_spec", "STORE_NOTE"]

STORE_NOTE = ".kg-store"
CLAIMS = "claims.jsonl"
_LOCK = ".kg-lock"
_STAGING = ".kg-staging"
_COMMIT = ".kg-commit"


def user_spec(spec: str) -> str:
    """A store spec as given on the command line, with its location made independent of the
    working directory (an Oxigraph directory made absolute).

    Raises:
        StoreError: unknown store, or a malformed location.
    """
    cls, location = store_class(spec)
    return _spec(cls, cls.user_location(location))


def _spec(cls: type[Store], location: str) -> str:
    return f"{cls.scheme}:{location}" if location else cls.scheme


def _claim_key(rec: dict) -> tuple:
    return (rec["doc"], rec["start"], rec["subject_id"], rec["relation"], rec["object_id"])


class Home:
    """The output directory of ``kg build``, which ``kg add``, ``kg remove`` and ``kg export`` update or read."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"Home({str(self.path)!r})"

    def prepare(self) -> None:
        """Make the directory (if missing) and check that files can be written in it, before any long work.

        Raises:
            StoreError: it is a file, or cannot be made or written.
        """
        out = self.path
        if out.exists() and not out.is_dir():
            raise StoreError(f"{out}: exists and is not a directory; give -o a directory")
        try:
            out.mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(prefix=".kg-probe.", dir=out)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise os_error(out, exc, "cannot write the output here") from exc

    def require(self) -> None:
        """Raise unless the directory is a graph home made by ``kg build``.

        Raises:
            StoreError: no such directory, or not a home.
        """
        out = self.path
        if not out.is_dir() or not ((out / STORE_NOTE).exists() or (out / "graph.trig").exists()):
            raise StoreError(f"{out}: not a graph home; make one with `kg build PATH... -o {out}`")

    def store_spec(self, override: str | None = None) -> str:
        """The store behind the home: ``override`` if given, else the home's note, with a location
        read relative to the home (never the working directory).

        Raises:
            StoreError: not a home, or the spec is unknown or malformed.
        """
        if override:
            return user_spec(override)
        self.require()
        note = self.path / STORE_NOTE
        cls, location = store_class(note.read_text(encoding="utf-8").strip() if note.exists() else "memory")
        return _spec(cls, cls.location_from_note(location, self.path))

    def open_store(self, spec: str | None = None, create: bool = False) -> Store:
        """Open the home's store (or ``spec``, a spec as :meth:`store_spec` returns it).

        Raises:
            StoreError: the store cannot be opened, or (without ``create``) is missing.
        """
        return open_store(spec or self.store_spec(), self.path, create)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the home's lock (and finish or discard an interrupted update) for the block.

        Raises:
            StoreError: another kg command holds the lock.
        """
        out = self.path
        try:
            fd = os.open(out / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise os_error(out / _LOCK, exc, "cannot lock the home") from exc
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(f"{out}: another kg command is updating this home; run again when it has finished") from None
            self.recover()
            yield
        finally:
            os.close(fd)  # closing releases the lock; so does the process dying

    def recover(self) -> None:
        """Finish a commit interrupted after its commit point; discard staging that never reached it."""
        if (self.path / _COMMIT).is_dir():
            self._move_into_place()
        if (self.path / _STAGING).exists():
            shutil.rmtree(self.path / _STAGING)

    def commit(self, files: dict[str, str]) -> None:
        """Replace files of the home with ``files`` (name -> text) all at once; call with the lock held.

        Raises:
            StoreError: a file could not be written (the home is left as it was).
        """
        staging = self.path / _STAGING
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
            os.replace(staging, self.path / _COMMIT)  # the commit point
            self._move_into_place()
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise os_error(self.path, exc) from exc

    def _move_into_place(self) -> None:
        commit = self.path / _COMMIT
        for entry in sorted(commit.iterdir()):
            os.replace(entry, self.path / entry.name)
        commit.rmdir()
        _fsync_dir(self.path)

    def read_claims(self) -> list[dict]:
        """The records of the home's ``claims.jsonl`` (none before the first build)."""
        path = self.path / CLAIMS
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def write(self, store: Store, claims: list[dict], dictionaries: Sequence[Path] | None = None) -> tuple[Path, Path, Path]:
        """Persist ``store`` and replace the home's outputs in one commit; with ``dictionaries``,
        ``kg.toml`` lists them. Call with the lock held.

        Returns:
            The paths of ``graph.ttl``, ``claims.jsonl`` and ``graph.html``.

        Raises:
            StoreError: a file or the store could not be written.
        """
        from kg.gazetteer.config import HOME_CONFIG, config_text
        from kg.view import render_html

        cls, location = store_class(store.spec)
        union = store.union()
        files = {"graph.ttl": union.serialize(format="turtle"),
                 CLAIMS: "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in sorted(claims, key=_claim_key)),
                 "graph.html": render_html(union),
                 STORE_NOTE: _spec(cls, cls.noted_location(location, self.path)) + "\n"}
        if dictionaries is not None:
            files[HOME_CONFIG] = config_text(dictionaries, self.path)
        stored = store.home_files()
        files.update(stored)
        store.save()
        self.commit(files)
        for name in ("graph.trig",):
            if name not in stored and (self.path / name).exists():
                (self.path / name).unlink()  # left by an earlier memory build; the note now names the store
        return self.path / "graph.ttl", self.path / CLAIMS, self.path / "graph.html"

    def export(self, path: str | Path, fmt: str | None = None, store: str | None = None) -> Path:
        """Write the home's graph to ``path`` by extension (``kg.export``), or with ``fmt``
        ``plover`` or ``cameo`` its claims as event records (``kg.events``, one JSON line per claim).

        Raises:
            StoreError: not a home, its store cannot be found, or ``path`` cannot be written.
            InputError: unknown ``fmt``.
        """
        from kg.export import export

        path = Path(path)
        if fmt is not None:
            from kg.events import write_events
            from kg.gazetteer import load_gazetteer
            from kg.gazetteer.config import home_dictionaries

            self.require()
            return write_events(self.read_claims(), load_gazetteer(dictionaries=home_dictionaries(self.path)), path, fmt)
        st = self.open_store(self.store_spec(store))
        try:
            return export(st.union(), path, st.trig() if path.suffix.lower() == ".trig" else None)
        finally:
            st.close()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
