"""``check-templates``: prove that a templates folder is complete and clean in kk, ru and en.

Works on any folder laid out like the bundled ``templates/`` (``kk/``, ``ru/``,
``en/``, each with the same ``*.yaml`` files), so translators can check a copy
before their edits land. The rules:

``missing`` / ``extra``
    a language lacks an id that another has, or has one that the others lack;
``placeholders``
    the ``{placeholders}`` of an id differ between languages (or a brace is stray,
    or a ``{name:form}`` asks for a grammatical form the language does not have);
``mixed-script``
    a Kazakh or Russian word mixes Cyrillic and Latin letters (a look-alike
    letter such as Latin "E" in "ДЕРБEС");
``foreign-fragment``
    a Kazakh or Russian text holds a Latin fragment: glued to a Cyrillic word
    ("сопровождениемleitet", the model case of source 003) or standing alone;
``cyrillic-in-english``
    an English text has Cyrillic letters;
``empty``
    a text is empty where another language has one (a text empty in every
    language is deliberate, e.g. a section without a letter);
``identical``
    a text is the same as another language's text although it should be
    translated.

Each language must follow its official text, so the bundled templates keep some
artefacts of the official texts (the lost letter of KZ–AT Annex 7 section B in
Kazakh, "сопровождениемleitet*" in Annex 8). Such an artefact is recorded as a
divergence in ``agreements/<agreement>.yaml`` with its ``template_key``: a defect
of that key in a language the divergence quotes (and, for a script defect, with
the offending word in the quoted wording) is *known*, reported for information,
and does not fail the check. Anything else legitimately flagged (section
letters, "Фото" in kk and ru) is listed in ``data/template_check.yaml``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from importlib.abc import Traversable
from pathlib import Path

from .._agreements import divergence_for, unplaced
from .._templates import bundled_templates
from ._checks import check, read
from ._problems import KINDS, TemplateProblem, TemplateReport

__all__ = ["KINDS", "TemplateProblem", "TemplateReport", "check_templates"]

_TEXT_KINDS = frozenset(
    {"mixed-script", "foreign-fragment", "cyrillic-in-english", "empty", "identical"}
)
"""Problems of wording, which a recorded divergence of the official text may account for."""


def _accounted(problem: TemplateProblem) -> str | None:
    """The id of the recorded divergence of the official text that accounts for ``problem``."""
    if problem.kind not in _TEXT_KINDS or problem.lang is None:
        return None
    divergence = divergence_for(
        problem.key, problem.lang, problem.fragment, empty=problem.kind == "empty"
    )
    return divergence.id if divergence is not None else None


def _unplaced(keys: set[str]) -> Iterator[str]:
    """Recorded divergences whose template id is not in the folder (informational)."""
    for divergence, full in unplaced(keys):
        yield f"divergence {divergence.id}: its template id {full} is not in this folder"


def check_templates(folder: Path | Traversable | str | None = None) -> TemplateReport:
    """Check a templates folder (default: the bundled one) and return every problem at once."""
    if folder is None:
        root: Path | Traversable = bundled_templates()
    else:
        root = Path(folder) if isinstance(folder, str) else folder
    texts, problems = read(root)
    known: list[TemplateProblem] = []
    for problem in check(texts):
        divergence = _accounted(problem)
        if divergence is None:
            problems.append(problem)
        else:
            known.append(dataclasses.replace(problem, divergence=divergence))
    order = {kind: index for index, kind in enumerate(KINDS)}

    def sort_key(p: TemplateProblem) -> tuple[int, str, str]:
        return (order.get(p.kind, len(order)), p.key, p.lang or "")

    keys = set().union(*texts.values()) if texts else set()
    return TemplateReport(
        folder=str(root),
        ids={lang: len(entries) for lang, entries in texts.items()},
        problems=tuple(sorted(problems, key=sort_key)),
        known=tuple(sorted(known, key=sort_key)),
        notes=tuple(_unplaced(keys)),
    )
