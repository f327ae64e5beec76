"""The registries are complete and say what they hold: rules, values, the case fields shown.

Rules and values are registered in one visible place (``_rules.RULES``,
``_values.TOPICS``), not by importing a module: these tests prove that nothing written
is left out, and that what each value declares it shows is a field of the case.
"""

from __future__ import annotations

import inspect
import pkgutil
import types
import typing
from importlib import import_module

import pytest
from pydantic import BaseModel

from readmit_forms import _case, _rules, _values
from readmit_forms._structure import (
    BlockSpec,
    ChoicesSpec,
    EachSpec,
    FieldSpec,
    PhotoSpec,
    SlotsSpec,
    WithSpec,
    structures,
)
from readmit_forms._values.documents import Holder


def _modules(package: types.ModuleType) -> list[types.ModuleType]:
    return [
        import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    ]


def test_every_rule_module_is_merged() -> None:
    assert {m.__name__ for m in _modules(_rules)} == {m.__name__ for m in _rules.MODULES}


@pytest.mark.parametrize("module", _rules.MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_rule_of_a_module_is_listed(module: types.ModuleType) -> None:
    """A public function of a rule module that takes a `Check` is a rule: it is in RULES."""
    rules = {
        name
        for name, fn in vars(module).items()
        if inspect.isfunction(fn)
        and fn.__module__ == module.__name__
        and not name.startswith("_")
        and list(inspect.signature(fn).parameters) == ["check"]
    }
    assert rules == {fn.__name__ for fn in module.RULES}


def test_every_topic_of_values_is_merged() -> None:
    topics = {m.__name__ for m in _modules(_values)}
    merged = {
        m.__name__
        for m in _modules(_values)
        if any(getattr(m, "VALUES", None) is topic for topic in _values.TOPICS)
    }
    assert merged == topics


def _ids(specs: tuple[BlockSpec, ...]) -> typing.Iterator[tuple[str, str]]:
    for spec in specs:
        if isinstance(spec, FieldSpec) and spec.value:
            yield "value", spec.value
        elif isinstance(spec, SlotsSpec):
            yield from (("value", slot.value) for slot in spec.slots if slot.value)
        elif isinstance(spec, ChoicesSpec):
            yield "choice", spec.value
        if isinstance(spec, EachSpec):
            yield "items", spec.items
        if isinstance(spec, PhotoSpec | EachSpec | WithSpec):
            yield from _ids(spec.blocks)


USED = sorted({pair for structure in structures() for pair in _ids(structure.blocks)})


@pytest.mark.parametrize(("kind", "value_id"), USED, ids=[f"{k}:{v}" for k, v in USED])
def test_every_id_a_structure_names_is_registered(kind: str, value_id: str) -> None:
    """A registered id, or a path value naming fields the case schema has."""
    assert _values.unknown_value(value_id, kind=kind) is None


def test_every_registered_id_is_used() -> None:
    used = {
        f"{_values.FAMILIES[v.partition('.')[0]]}.{v.partition('.')[2]}"
        for kind, v in USED
        if kind != "items" and "(" not in v  # path values need no registered function
    }
    assert set(_values.VALUES) | set(_values.CHOICES) <= used


# -- what each value shows --------------------------------------------------------------

ROOT_TYPES: dict[str, tuple[type, ...]] = {
    "case": (_case.Case,),
    "person": (_case.Person, _case.Spouse, _case.Child),
    "letter": (_case.Letter,),
    "signatory": (_case.Signatory,),
    "unlawful_stay": (_case.UnlawfulStay,),
    "circumstances": (_case.SpecialCircumstances,),
    "interview": (_case.Interview,),
    "transit": (_case.Transit,),
    "handover": (_case.Handover,),
    "statement": (_case.Statement,),
    "document": (_case.IdentityDocument,),
    "escort": (_case.Escort,),
    "holder": (_case.Person, _case.Spouse, _case.Child),  # via the holder's person
}


def _models(annotation: object) -> list[type]:
    """The model classes an annotation may hold (through Optional, list and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _has(types_: tuple[type, ...], path: str) -> bool:
    """``path`` names a field (or property) of at least one of ``types_``, at every step."""
    current = list(types_)
    for part in path.split("."):
        name = part.removesuffix("[]")
        following: list[type] = []
        found = False
        for model in current:
            hints = typing.get_type_hints(model, include_extras=True)
            if name in model.model_fields:
                found = True
                following += _models(hints[name])
            elif isinstance(getattr(model, name, None), property):
                found = True
                following += _models(typing.get_type_hints(getattr(model, name).fget)["return"])
        if not found:
            return False
        current = following
    return True


DEFINITIONS = [
    *((f"value:{key}", key, d) for key, d in sorted(_values.VALUES.items())),
    *((f"choice:{key}", key, d) for key, d in sorted(_values.CHOICES.items())),
]


@pytest.mark.parametrize(
    ("key", "definition"), [(k, d) for _, k, d in DEFINITIONS], ids=[i for i, _, _ in DEFINITIONS]
)
def test_every_value_declares_the_case_fields_it_shows(key: str, definition: object) -> None:
    shows = definition.shows  # type: ignore[attr-defined]
    assert shows, f"{key} declares no case field it shows"
    family = key.partition(".")[0]
    via = getattr(definition, "via", None)
    types_ = ROOT_TYPES[family] if via is None or family == "holder" else (_case.IdentityDocument,)
    for kind, path in shows:
        assert kind in ("name", "number", "date", "time", "text", "code")
        assert _has(types_, path), f"{key}: {path} is not a field of {types_}"


def test_the_field_check_fails_a_renamed_field() -> None:
    assert _has((_case.Letter,), "place")
    assert not _has((_case.Letter,), "plaice")
    assert _has((_case.Case,), "escorts[].passport.number")
    assert not _has((_case.Case,), "escorts[].pasport.number")
    assert Holder  # the holder family shows the person's fields (via)


# -- the composed document names the case fields -----------------------------------------


def _fields(blocks: tuple[object, ...]) -> typing.Iterator[object]:
    from readmit_forms._document import PhotoPanel

    for block in blocks:
        if isinstance(block, PhotoPanel):
            yield from _fields(block.blocks)
        else:
            yield block


def test_composed_items_carry_the_case_paths_they_show() -> None:
    """A field names the case fields its value shows, from the case's root: a child's in
    the child's place of the list; a blank field names them too (issue 13 B fills them)."""
    import readmit_forms as rf
    from conftest import SAMPLES
    from readmit_forms._document import Choices, Field, Slots

    document = rf.compose(rf.load_case(SAMPLES / "kz-at-family.yaml"), "readmission-request", "en")
    paths = [
        path
        for block in _fields(document.blocks)
        if isinstance(block, Field | Choices)
        for path in block.paths
    ]
    slots = [p for b in document.blocks if isinstance(b, Slots) for s in b.slots for p in s.paths]
    assert "person.surnames[]" in paths and "person.date_of_birth" in paths
    assert "children[0].surnames[]" in paths and "children[1].surnames[]" in paths
    assert "spouse.surnames[]" in paths
    assert "person.marital_status" in paths  # a choice
    assert "letter.number" in slots or "letter.number" in paths
    assert all(not p.startswith(".") for p in paths + slots)
