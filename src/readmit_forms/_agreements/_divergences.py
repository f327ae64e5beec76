"""Recorded divergences between the official language versions, looked up by template id.

An agreement's ``divergences`` record where its official texts differ (the lost
letter of KZ–AT Annex 7 section B in Kazakh, "сопровождениемleitet*" in Annex 8),
each with the ``template_key`` of the text it shows in. The template check and the
translators' proof ask here whether a defect they find is one of them.
"""

from __future__ import annotations

import re

from ._loading import agreement_ids, get_agreement
from ._parts import Divergence

__all__ = ["divergence_for", "divergences_at", "unplaced"]


def _related(template_key: str, key: str) -> bool:
    """The divergence's key and the template id name the same text, or one contains the other."""
    return (
        key == template_key
        or key.startswith(template_key + ".")
        or (template_key.startswith(key + "."))
    )


def _divergences(key: str) -> list[tuple[str, Divergence]]:
    """Recorded divergences of the agreement ``key`` belongs to, with their full template ids."""
    agreement_id = key.split(".", 1)[0]
    if agreement_id not in agreement_ids():
        return []
    return [
        (f"{agreement_id}.{d.template_key}", d)
        for d in get_agreement(agreement_id).divergences
        if d.template_key
    ]


def divergences_at(key: str) -> list[Divergence]:
    """The recorded divergences that show at the template id ``key`` (e.g. a section letter)."""
    return [d for full_key, d in _divergences(key) if _related(full_key, key)]


def unplaced(keys: set[str]) -> list[tuple[Divergence, str]]:
    """Recorded divergences of the agreements ``keys`` belong to whose template id is none
    of ``keys``, with that id."""
    found: list[tuple[Divergence, str]] = []
    prefixes = {key.split(".", 1)[0] for key in keys}
    for agreement_id in agreement_ids():
        if agreement_id not in prefixes:
            continue
        for full, divergence in _divergences(f"{agreement_id}."):
            if not any(_related(full, key) for key in keys):
                found.append((divergence, full))
    return found


def _quotes(version: str, fragment: str) -> bool:
    """``fragment`` stands in ``version`` as a whole word (or words)."""
    return re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", version) is not None


def divergence_for(key: str, lang: str, fragment: str | None, *, empty: bool) -> Divergence | None:
    """The recorded divergence of the official text that accounts for a defect of the text
    ``key`` in ``lang``, if any: an empty text (``empty``; ``fragment``, what the other
    languages have), or a wording defect whose offending word is ``fragment``.

    The divergence must be at the same template id, and its quoted wording must
    bear the defect out: the offending word is in that language's version (a script
    defect, an identical text); for an empty text, that version is empty or lacks
    what the other languages have (the lost letter of section B). An empty text in a
    language the divergence does not quote (the project's English for KZ–AT) is
    accounted for where an official version is recorded as empty: the official text
    has nothing there, and this language follows it.
    """
    for full_key, divergence in _divergences(key):
        if not _related(full_key, key):
            continue
        version = divergence.versions.get(lang)
        if empty:
            if version is None:
                if "" in divergence.versions.values():
                    return divergence
                continue
            if version == "" or not _quotes(version, fragment or ""):
                return divergence
            continue
        if version is None:
            continue
        if fragment is not None and not _quotes(version, fragment):
            continue
        return divergence
    return None
