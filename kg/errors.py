"""Exceptions raised by kg.

    KGError                 base; the CLI turns it into a one-line message and exit code 1
    ├── ConfigError         a data file (gazetteer, lexicon, ontology) is missing or malformed
    ├── ModelError          no spaCy model could be loaded
    ├── InputError          an input path does not exist or holds nothing readable
    ├── QueryError          a SPARQL query is malformed or names an unknown query/parameter
    └── StoreError          a graph store could not be opened or written
"""
from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class ConfigError(KGError):
    """A data file that kg ships with is missing or malformed."""


class ModelError(KGError):
    """No spaCy model could be loaded."""


class InputError(KGError):
    """An input path does not exist or holds nothing readable."""


class QueryError(KGError):
    """A SPARQL query is malformed, or names an unknown query or parameter."""


class StoreError(KGError):
    """A graph store could not be opened, read or written."""
