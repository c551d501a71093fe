"""``memory``: rdflib's in-memory dataset, saved as the home's ``graph.trig``."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.errors import StoreError
from kg.graph.store import DatasetStore

__all__ = ["MemoryStore"]

TRIG = "graph.trig"


class MemoryStore(DatasetStore):
    """The default store: the whole dataset in memory, committed with the home's other files."""

    scheme = "memory"
    usage = "memory"

    @classmethod
    def open(cls, location: str, home: Path | None, create: bool) -> MemoryStore:
        if location:
            raise StoreError(f"--store memory takes no location (got {location!r}); use oxigraph:DIR for a directory")
        dataset = Dataset(default_union=True)
        file = home / TRIG if home is not None else None
        if file is not None and file.exists():
            try:
                dataset.parse(file, format="trig")
            except Exception as exc:  # rdflib's parsers raise many types
                raise StoreError(f"{file}: unreadable store ({exc.__class__.__name__}); rebuild with `kg build`") from exc
        elif file is not None and not create:
            raise StoreError(f"{file}: the home's store is missing; rebuild the home with `kg build`")
        return cls(dataset)

    def home_files(self) -> dict[str, str]:
        return {TRIG: self.trig()}
