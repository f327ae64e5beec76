"""The form fields of a laid-out document, as data: where each goes and what it is named.

Every rendered PDF has two empty signature fields, ``signature`` and ``seal``, at the
places the layout gives the official's signature and the seal (the last of each: the
signature block closes the form). A fillable PDF (``fillable=True``) also has a text
field on every blank and a radio group for every set of checkboxes.

A field is named by the case path its item shows (``person.birth_surname``;
``documents[0].number``; ``unlawful_stay.legal_obstacles[]`` for a list, one item a
line): the dots are the PDF's own field hierarchy, so a viewer, pypdf or pikepdf sees
the fully qualified name. An item that shows no case field, or several at once, gets
a name under ``form.`` (``form.blank_7``) and is not read back into a case.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from ... import _document as model
from .boxes import Box, Dots
from .lines import BOX, Tick
from .pages import Laid

__all__ = ["FORM_PREFIX", "SIGNATURE_FIELDS", "FieldSpec", "WidgetSpec", "form_fields"]

SIGNATURE_FIELDS: tuple[model.Role, ...] = ("signature", "seal")
FORM_PREFIX = "form."
"""Names of fields that show no single case field start with this."""

Rect = tuple[float, float, float, float]


class WidgetSpec(NamedTuple):
    """A field's place on a page (1-based), ``rect`` as x1, y1, x2, y2; for a radio
    button, the export value it sets (``on``) and whether it starts selected."""

    page: int
    rect: Rect
    on: str = ""
    checked: bool = False


class FieldSpec(NamedTuple):
    """A form field: its fully qualified name, kind, widgets and how it reads."""

    name: str
    kind: Literal["signature", "text", "radio"]
    widgets: tuple[WidgetSpec, ...]
    multiline: bool = False
    tooltip: str = ""


def _rect(box: Box) -> Rect:
    return (box.x, box.y, box.x + box.width, box.y + box.height)


def signature_fields(laid: Laid) -> list[FieldSpec]:
    """The ``signature`` and ``seal`` fields at the last place of each role."""
    found = []
    for role in SIGNATURE_FIELDS:
        places = laid.places(role)
        if places:
            box = places[-1]
            found.append(FieldSpec(role, "signature", (WidgetSpec(box.page, _rect(box)),)))
    return found


def _paths(block: model.Block | None, slot: int | None) -> tuple[str, ...]:
    if isinstance(block, model.Slots) and slot is not None:
        return block.slots[slot].paths
    return tuple(getattr(block, "paths", ()))


class _Names:
    """Unique names: the one case path shown, else ``form.blank_N`` / ``form.choice_N``
    in reading order (their tooltip gives the item's caption)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def name(self, paths: tuple[str, ...], kind: str) -> str:
        if len(paths) == 1 and not paths[0].startswith(FORM_PREFIX):
            return paths[0]  # the same path twice is one field with two widgets
        self.counts[kind] = count = self.counts.get(kind, 0) + 1
        return f"{FORM_PREFIX}{kind}_{count}"


def form_fields(laid: Laid, *, fillable: bool = False) -> list[FieldSpec]:
    """The fields of the document: the signature fields, and with ``fillable`` a text
    field per blank (its dotted lines, page by page) and a radio group per choice."""
    fields = signature_fields(laid)
    if not fillable:
        return fields
    names = _Names()
    blanks: dict[tuple[int, int | None], list[Box]] = {}
    ticks: dict[int, list[Box]] = {}
    blocks: dict[int, model.Block | None] = {}
    for box in laid.boxes():
        key = id(box.block)
        blocks[key] = box.block
        if isinstance(box.what, Dots):
            slot, block = box.what.slot, box.block
            if isinstance(block, model.Slots) and slot is not None and block.slots[slot].role:
                continue  # the signature's own line: the signature field is there
            blanks.setdefault((key, slot), []).append(box)
        elif isinstance(box.what, Tick) and isinstance(box.block, model.Choices):
            ticks.setdefault(key, []).append(box)
    by_name: dict[str, FieldSpec] = {}
    for (key, slot), boxes in blanks.items():
        block = blocks[key]
        paths = _paths(block, slot)
        name = names.name(paths, "blank")
        widgets = []
        for page in sorted({box.page for box in boxes}):
            mine = [box for box in boxes if box.page == page]
            x1 = min(box.x for box in mine)
            x2 = max(box.x + box.width for box in mine)
            # from under the lowest dotted line to a line's height over the highest
            y1, y2 = min(box.y for box in mine) - 0.5, max(box.y for box in mine) + 11.0
            widgets.append(WidgetSpec(page, (x1, y1, x2, y2)))
        multiline = len(boxes) > 1 or any(p.endswith("[]") for p in paths)
        tooltip = _tooltip(block, paths)
        _add(by_name, FieldSpec(name, "text", tuple(widgets), multiline, tooltip))
    for key, boxes in ticks.items():
        block = blocks[key]
        assert isinstance(block, model.Choices)
        paths = block.paths
        name = names.name(paths, "choice")
        buttons = tuple(
            WidgetSpec(
                box.page,
                (box.x, box.y, box.x + BOX, box.y + BOX),
                option.value or str(index),
                option.checked,
            )
            for index, (box, option) in enumerate(zip(boxes, block.options, strict=False), 1)
        )
        _add(by_name, FieldSpec(name, "radio", buttons, tooltip=_tooltip(block, paths)))
    return fields + list(by_name.values())


def _add(by_name: dict[str, FieldSpec], spec: FieldSpec) -> None:
    """A field, or more widgets for a field of that name already there."""
    known = by_name.get(spec.name)
    if known is None or known.kind != spec.kind:
        by_name[spec.name] = spec
    else:
        by_name[spec.name] = known._replace(widgets=known.widgets + spec.widgets)


def _tooltip(block: model.Block | None, paths: tuple[str, ...]) -> str:
    caption = str(getattr(block, "caption", "") or "")
    return f"{caption} [{', '.join(paths)}]" if paths else caption
