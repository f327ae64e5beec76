"""The case editor, generated from the case schema: schema + case data → a tree of inputs,
and the posted inputs → case data again.

The schema is the public JSON Schema of `readmit_forms.Case`; what an input is follows
from it: an object is a group, an array a repeated group or a repeated line, a text
that may be given per language gets kk/ru/en inputs side by side, ``format: date``
a date picker, an enum or a code pattern (``^[A-Z]{2}$`` countries, ISO 639 languages)
a choice. ``layout.yaml`` only groups the top-level fields into sections, in the
order of the annexes, and names the few inputs the schema cannot tell apart (a border
crossing point is an id of the agreement or a name; a document's holder is one of
the case's people).

Input names are the case's own field paths (``children[1].surnames[0].kk``), so a
finding's path names its input. Names starting with ``_`` are the page's own
(CSRF token, action, photo), never case data.

Three shapes of the same case travel (``_formdata`` turns one into the next):

* the *posted* form: a flat list of (name, text);
* the *editor data*: the case as nested dicts and lists, as typed, with empty inputs
  kept (an added child with nothing filled in yet is still there);
* the *case data*: the editor data with empty inputs dropped and numbers, booleans
  typed, ready for `readmit_forms.load_case`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import readmit_forms as rf
from readmit_forms._yaml import load_data

__all__ = ["Input", "Section", "editor", "layout", "shape", "slot_id", "tokens"]

LANGS = ("kk", "ru", "en")
PRESENT = "__present"
PICK = "_pick"
OTHER = "_other"

_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_COUNTRY = "^[A-Z]{2}$"
_NATIONALITY = "^([A-Z]{2}|stateless|unknown)$"
_LANGUAGE = "^[a-z]{2,3}$"
_LINE_MAX = 500


# -- paths -----------------------------------------------------------------------------


def tokens(path: str) -> list[str | int]:
    """``children[1].surnames`` → ["children", 1, "surnames"]."""
    return [int(index) if index else key for key, index in _TOKEN.findall(path)]


def join(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def slot_id(path: str) -> str:
    """An HTML id for ``path``, unique per path: ``children[0].sex`` → ``children-0--sex``."""
    if not path:
        return "case"
    return path.replace(".", "--").replace("[", "-").replace("]", "")


# -- the layout and the schema -----------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    fixed: tuple[str, ...]
    widgets: Mapping[str, str]


@cache
def layout() -> Layout:
    entry = resources.files("readmit_forms._web") / "layout.yaml"
    data = load_data(entry.read_text("utf-8"))
    return Layout(
        sections=tuple((s["id"], tuple(s["fields"])) for s in data["sections"]),
        fixed=tuple(data["fixed"]),
        widgets=dict(data["widgets"]),
    )


@cache
def case_schema() -> Mapping[str, Any]:
    return rf.Case.model_json_schema()


def _defs() -> Mapping[str, Any]:
    defs: Mapping[str, Any] = case_schema().get("$defs", {})
    return defs


@dataclass(frozen=True)
class Shape:
    """What the schema says a value is."""

    kind: str
    node: Mapping[str, Any]
    owner: str = ""  # the definition an object or enum comes from
    nullable: bool = False


def _is_localized(options: list[Mapping[str, Any]]) -> bool:
    kinds = {o.get("type") for o in options}
    if kinds != {"string", "object"}:
        return False
    obj = next(o for o in options if o.get("type") == "object")
    return set(obj.get("propertyNames", {}).get("enum", ())) == set(LANGS)


def shape(node: Mapping[str, Any], name: str = "", nullable: bool = False) -> Shape:
    """The kind of input for a schema node (``name`` is the property's name)."""
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        nullable = nullable or len(options) < len(node["anyOf"])
        if _is_localized(options):
            text = next(o for o in options if o.get("type") == "string")
            long = text.get("maxLength", 0) > _LINE_MAX
            kind = "loc-text" if long else "loc-line"
            kind = layout().widgets.get(name, kind) if name in layout().widgets else kind
            return Shape(kind, text, nullable=nullable)
        if len(options) == 1:
            return shape(options[0], name, nullable)
    if "$ref" in node:
        owner = str(node["$ref"]).rsplit("/", 1)[1]
        target = _defs()[owner]
        if "enum" in target:
            return Shape("enum", target, owner, nullable)
        return Shape("group", target, owner, nullable)
    if name in layout().widgets:
        return Shape(layout().widgets[name], node, nullable=nullable)
    json_type = node.get("type")
    if json_type == "array":
        return Shape("list", node, nullable=nullable)
    if json_type == "boolean":
        return Shape("tristate" if nullable else "bool", node, nullable=nullable)
    if json_type == "integer":
        return Shape("int", node, nullable=nullable)
    if json_type == "string":
        fmt = node.get("format")
        if fmt in ("date", "time", "date-time"):
            return Shape({"date-time": "datetime"}.get(fmt, fmt), node, nullable=nullable)
        if fmt == "path":
            return Shape("photo", node, nullable=nullable)
        if "enum" in node:
            return Shape("choice", node, nullable=nullable)
        pattern = node.get("pattern")
        codes = {_COUNTRY: "country", _NATIONALITY: "nationality", _LANGUAGE: "language"}
        if pattern in codes:
            return Shape(codes[pattern], node, nullable=nullable)
        long = node.get("maxLength", 0) > _LINE_MAX
        return Shape("text" if long else "line", node, nullable=nullable)
    raise ValueError(f"the editor has no input for schema node {node!r} ({name})")


# -- the editor tree ---------------------------------------------------------------------


@dataclass
class Input:
    """One input (or group of inputs) of the editor, at a case field path."""

    kind: str
    path: str
    name: str  # the property ("surnames"); "" for a list item
    owner: str  # the definition the property belongs to ("Person")
    value: Any = None
    required: bool = False
    optional_group: bool = False  # a top-level section added and removed explicitly
    present: bool = True
    index: int | None = None
    item_kind: str = ""  # for lists: the kind of their items
    enum: str = ""  # for enums: the definition
    options: tuple[str, ...] = ()
    max_length: int | None = None
    maximum: int | None = None
    default: Any = None  # the schema's default, shown while the case gives no value
    children: list[Input] = field(default_factory=list)

    @property
    def id(self) -> str:
        return slot_id(self.path)

    @property
    def mode(self) -> str:
        """For a per-language text: "one" (the same in every language) or "each"."""
        return "one" if isinstance(self.value, str) else "each"

    def lang_value(self, lang: str) -> str:
        if isinstance(self.value, Mapping):
            return str(self.value.get(lang) or "")
        return ""

    @property
    def label_keys(self) -> tuple[str, ...]:
        return (f"field.{self.owner}.{self.name}", f"field.{self.name}")

    def walk(self) -> Iterator[Input]:
        yield self
        for child in self.children:
            yield from child.walk()


def _build(
    node: Mapping[str, Any],
    value: Any,
    path: str,
    name: str,
    owner: str,
    required: bool,
    depth: int,
) -> Input:
    found = shape(node, name)
    item = Input(found.kind, path, name, owner, value, required=required)
    item.default = node.get("default")
    if found.kind == "group":
        props: Mapping[str, Any] = found.node.get("properties", {})
        needed = set(found.node.get("required", ()))
        data = value if isinstance(value, Mapping) else {}
        item.optional_group = depth == 1 and found.nullable
        item.present = isinstance(value, Mapping) or not item.optional_group
        item.value = None
        if item.present:
            item.children = [
                _build(
                    sub, data.get(key), join(path, key), key, found.owner, key in needed, depth + 1
                )
                for key, sub in props.items()
            ]
    elif found.kind == "list":
        items = found.node.get("items", {})
        item.item_kind = shape(items).kind
        values = value if isinstance(value, list) else []
        item.value = None
        item.children = [
            _build(items, v, join(path, i), "", owner, True, depth + 1)
            for i, v in enumerate(values)
        ]
        for index, child in enumerate(item.children):
            child.index = index
            child.name = name
            child.owner = owner
        item.max_length = found.node.get("maxItems")
    elif found.kind == "enum":
        item.enum = found.owner
        item.options = tuple(str(v) for v in found.node["enum"])
    elif found.kind == "choice":
        item.options = tuple(str(v) for v in found.node["enum"])
    else:
        item.max_length = found.node.get("maxLength")
        item.maximum = found.node.get("maximum", found.node.get("le"))
    return item


@dataclass
class Section:
    id: str
    inputs: list[Input]

    def walk(self) -> Iterator[Input]:
        for item in self.inputs:
            yield from item.walk()


def editor(data: Mapping[str, Any]) -> list[Section]:
    """The editor's sections for the case ``data`` (editor data or case data)."""
    schema = case_schema()
    props: Mapping[str, Any] = schema["properties"]
    needed = set(schema.get("required", ()))
    sections = []
    for section_id, names in layout().sections:
        inputs = [
            _build(props[key], data.get(key), key, key, "Case", key in needed, 1) for key in names
        ]
        sections.append(Section(section_id, inputs))
    return sections
