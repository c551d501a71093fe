"""``oxigraph:DIR``: an on-disk Oxigraph store (pyoxigraph through oxrdflib)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.errors import StoreError
from kg.graph.store import DatasetStore

__all__ = ["OxigraphStore"]


def _directory(location: str) -> str:
    location = location.strip()
    if not location:
        raise StoreError("--store oxigraph: needs a directory, e.g. --store oxigraph:out/store")
    return location


class OxigraphStore(DatasetStore):
    """A directory that holds the dataset; it persists itself, so the home only notes where it is."""

    scheme = "oxigraph"
    usage = "oxigraph:DIR"

    @classmethod
    def open(cls, location: str, home: Path | None, create: bool) -> OxigraphStore:
        path = Path(_directory(location))
        if not create and not path.is_dir():
            raise StoreError(f"{path}: the home's Oxigraph store is missing; if it moved, give --store oxigraph:NEW_DIR")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            dataset = Dataset(store="Oxigraph", default_union=True)
            dataset.open(str(path), create=not path.exists())
        except Exception as exc:  # pyoxigraph raises OSError and its own types
            raise StoreError(f"{path}: cannot open the Oxigraph store ({exc}); is another process using it?") from exc
        return cls(dataset, str(path))

    @classmethod
    def user_location(cls, location: str) -> str:
        """The directory made absolute: it is relative to where the user stands."""
        return str(Path(_directory(location)).expanduser().resolve())

    @classmethod
    def noted_location(cls, location: str, home: Path) -> str:
        """A directory inside the home relative to it, any other absolute, so the note means the
        same from every working directory."""
        path, root = Path(location).resolve(), home.resolve()
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    @classmethod
    def location_from_note(cls, location: str, home: Path) -> str:
        """A relative directory is resolved against the home, never the working directory."""
        path = Path(location)
        return str(path if path.is_absolute() else (home / path).resolve())

    def save(self) -> None:
        self.dataset.commit()
