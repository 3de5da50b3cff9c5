"""Case- and accent-insensitive text for filters and sort keys, fast enough for 10,000 rows.

:func:`desktop.validation.fold` is the reference; it normalises character by character, which
costs too much when a table of 10,000 rows is indexed while the user waits. Here the common
Latin letters are folded by one ``str.translate`` table over many texts joined together, and
only the rare text that still holds other non-ASCII characters goes through ``fold``.
"""

from __future__ import annotations

from functools import cache

from desktop.validation import fold

_SEPARATOR = "\x1f"  # the ASCII unit separator: never typed into a name or an address


@cache
def _table() -> dict[int, str]:
    """Latin-1 and Latin Extended-A/B letters to what ``fold`` makes of them."""
    table: dict[int, str] = {}
    for point in range(0x80, 0x250):
        char = chr(point)
        folded = fold(char)
        if folded != char:
            table[point] = folded
    return table


def quick_fold(text: str) -> str:
    """``fold(text)``, with fast paths for plain ASCII and common accented letters."""
    if text.isascii():
        return text.lower()
    folded = text.lower().translate(_table())
    return folded if folded.isascii() else fold(folded)


def fold_all(texts: list[str]) -> list[str]:
    """``[fold(t) for t in texts]``, in one pass over the joined texts."""
    if not texts:
        return []
    joined = _SEPARATOR.join(texts)
    folded = joined.lower()
    if not folded.isascii():
        folded = folded.translate(_table())
    parts = folded.split(_SEPARATOR)
    if len(parts) != len(texts):  # a text held the separator itself
        return [quick_fold(text) for text in texts]
    if not folded.isascii():
        parts = [part if part.isascii() else fold(part) for part in parts]
    return parts
