"""Resolve mentions in a parsed article to canonical actors and issues.

Names, aliases, seats and demonyms come from the gazetteer's entity ruler (``token.ent_id_``);
bare surnames are accepted after a full mention or for office-holders of the article's date;
role titles ("the US president", "Russia's foreign minister", "the Kremlin head") resolve
through dated roles; pronouns and descriptions ("he", "its", "the country") go to the most
salient compatible actor before them. Unknown PERSON/ORG entities become new actors with a
stable id.
"""
from __future__ import annotations

from kg.resolve.refs import Ref, Resolution, issue_ref
from kg.resolve.resolver import resolve_doc

__all__ = ["Ref", "Resolution", "issue_ref", "resolve_doc"]
