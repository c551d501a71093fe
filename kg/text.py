"""Small pure text helpers shared by the stages."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def unaccented(text: str) -> str:
    """The text with accents and diacritics dropped, as English wire copy often writes names.

    >>> unaccented("Bogotá, Dačić, Erdoğan")
    'Bogota, Dacic, Erdogan'
    """
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """A stable lower-case ASCII slug.

    >>> slugify("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    >>> slugify("  U.S. Congress ")
    'u-s-congress'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


def fold(text: str) -> str:
    """Case- and punctuation-folded form used for name lookups.

    >>> fold("Russia’s  President")
    "russia's president"
    """
    return re.sub(r"\s+", " ", text.translate(_QUOTES).casefold()).strip()


HYPHENS = ("-", "–", "‑")  # hyphen-minus, en dash, non-breaking hyphen: what joins "Iran-backed"
