"""Every notebook runs top to bottom on the seed corpus, offline."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, tmp_path, seed_build) -> None:
    nb = nbformat.read(path, as_version=4)
    # run in a copy of the layout whose out/ holds the session's seed build
    work = tmp_path / "notebooks"
    work.mkdir()
    (tmp_path / "out").mkdir()
    for f in seed_build.graph_path.parent.iterdir():
        (tmp_path / "out" / f.name).write_bytes(f.read_bytes())
    (tmp_path / "seeds").symlink_to(path.parent.parent / "seeds")
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
