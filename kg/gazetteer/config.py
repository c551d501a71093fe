"""Which user actor dictionaries a run uses: ``--actors`` files, a project's ``[tool.kg]`` table in
``pyproject.toml``, and a graph home's ``kg.toml`` (written by ``kg build``, read by ``kg add``)::

    # kg.toml
    actors = ["dictionaries/province.yaml", "/data/phoenix/actors.txt"]

Relative paths are relative to the file that lists them.
"""
from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from pathlib import Path

from kg.errors import ConfigError

__all__ = ["HOME_CONFIG", "read_config", "project_dictionaries", "home_dictionaries", "dictionaries_for", "config_text"]

HOME_CONFIG = "kg.toml"


def read_config(path: Path, table: tuple[str, ...] = ()) -> list[Path]:
    """The dictionaries a TOML file lists under ``actors`` (inside ``table``, e.g. ``("tool", "kg")``).

    Raises:
        ConfigError: not valid TOML, or ``actors`` is not a list of paths.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    for key in table:
        data = data.get(key, {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [{'.'.join(table)}] must be a table")
    actors = data.get("actors", [])
    if not isinstance(actors, list) or not all(isinstance(a, str) and a.strip() for a in actors):
        raise ConfigError(f"{path}: actors must be a list of dictionary paths, e.g. actors = [\"province.yaml\"]")
    return [(path.parent / a).expanduser() for a in actors]


def project_dictionaries(project: Path | None = None) -> list[Path]:
    """The dictionaries of ``[tool.kg]`` in ``pyproject.toml`` of ``project`` (the working directory)."""
    pyproject = (project or Path.cwd()) / "pyproject.toml"
    return read_config(pyproject, ("tool", "kg")) if pyproject.is_file() else []


def home_dictionaries(home: Path) -> list[Path]:
    """The dictionaries a graph home was built with (its ``kg.toml``)."""
    path = home / HOME_CONFIG
    return read_config(path) if path.is_file() else []


def dictionaries_for(given: Iterable[str | Path] = (), home: Path | None = None, project: Path | None = None) -> list[Path]:
    """The dictionaries of a run, in merge order (a later one overrides an earlier one): the
    project's, then the home's (when ``home`` is given), then ``given``; each once."""
    out: dict[Path, Path] = {}
    for path in [*project_dictionaries(project), *(home_dictionaries(home) if home else []), *map(Path, given)]:
        out.setdefault(path.expanduser().resolve(), path)
    return list(out)


def config_text(dictionaries: Iterable[Path], home: Path) -> str:
    """The home's ``kg.toml``: paths inside the home relative to it, others absolute."""
    root = home.resolve()
    lines = []
    for path in dictionaries:
        resolved = path.resolve()
        lines.append(json.dumps(resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)))
    body = "".join(f"    {line},\n" for line in lines)
    return ("# The actor dictionaries this graph home is built with; kg add uses them too.\n"
            + (f"actors = [\n{body}]\n" if lines else "actors = []\n"))
