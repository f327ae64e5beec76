"""``check-agreement``: every check an agreement pack gets when it loads, all at once, and the
template check of its texts.

For each agreement of the pack: the file's shape, every name it uses (see
``_agreements._checks``), a structure for each of its forms, each structure file
readable (its value paths and text keys included, as `_structure` checks them);
then `check_templates` on the pack's ``templates/``. Problems are collected, not
stopped at: a lawyer fixing a pack sees them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._agreements import agreement_problems, get_agreement
from ._errors import DataError, ReadmitFormsError
from ._packs import agreement_files, packs_added
from ._structure import structure_for
from ._template_check import TemplateReport, check_templates
from ._values import check_structure

__all__ = ["PackReport", "check_pack"]


@dataclass(frozen=True)
class PackReport:
    """What `check_pack` found: the pack's agreement ids, each load problem as one line, and
    the report of the template check (None when the pack has no ``templates/``)."""

    folder: str
    agreements: tuple[str, ...]
    problems: tuple[DataError, ...] = ()
    templates: TemplateReport | None = field(default=None)

    @property
    def ok(self) -> bool:
        return not self.problems and (self.templates is None or self.templates.ok)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "agreements": list(self.agreements),
            "ok": self.ok,
            "problems": [
                {
                    "file": p.file,
                    "path": p.path,
                    "value": str(p.value),
                    "allowed": list(p.allowed),
                    "message": str(p),
                }
                for p in self.problems
            ],
            "templates": self.templates.to_dict() if self.templates is not None else None,
        }


def _forms(agreement_id: str, name: str) -> Iterator[DataError]:
    agreement = get_agreement(agreement_id)
    checked: set[str] = set()
    for index, form in enumerate(agreement.forms):
        try:
            structure = structure_for(agreement_id, form.id)
            if structure.file not in checked:
                checked.add(structure.file)
                check_structure(structure)  # its value ids and path values
        except DataError as exc:
            yield exc
            return  # the structure files themselves are broken: one line for them
        except ReadmitFormsError:
            yield DataError(
                name,
                f"forms[{index}].id",
                form.id,
                reason=f"form {form.id!r} has no structure "
                f"(structure/{agreement_id}/*.yaml with forms: [{form.id}])",
            )


def check_pack(folder: str | Path, *, replace: bool = False) -> PackReport:
    """Check the agreement pack ``folder`` as it would load (see the module docstring)."""
    root = Path(folder).resolve()
    found: list[DataError] = []
    with packs_added([root], replace=replace):
        ids = tuple(
            key
            for key, (pack, _) in agreement_files().items()
            if Path(str(pack.root)).resolve() == root
        )
        for key in ids:
            pack, entry = agreement_files()[key]
            name = pack.file("agreements", entry.name)
            problems = agreement_problems(entry.read_text("utf-8"), name)
            found += problems
            if not problems:
                found += _forms(key, name)
        templates = check_templates(root / "templates") if (root / "templates").is_dir() else None
    return PackReport(str(root), ids, tuple(found), templates)
