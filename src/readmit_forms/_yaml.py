"""YAML, read one way for package data and one way for case files.

Package data (agreements, structures, templates) is the project's own: it is read
with PyYAML's safe loader, in C where it is built (`load_data`), and kept in the
cache on disk (`_cache`).

Case files come from others (`load_case_yaml`): libyaml's parser (C) where it is built,
under PyYAML's composer (Python), so that the limits below hold. PyYAML follows YAML 1.1: `NO`
(Norway) becomes False, `14:30` becomes 870, `0755` is octal and an unquoted
impossible date raises deep inside the parser. Case files use the YAML 1.2 core
schema instead: only true/false are booleans, dates and times
stay strings (the schema parses them and names the field when one is wrong),
integers are decimal, and duplicate keys are an error. Two choices of our own:

- A plain number with a leading zero (`045612378`) or with more digits than any
  count has is what the clerk typed: an id card, document or phone number, so it
  stays text, as written.
- A small file must not become a large structure: nesting is bounded (`MAX_DEPTH`)
  and so is the number of values once aliases are expanded (`MAX_VALUES`), which
  refuses an "alias bomb" of a few hundred bytes before anything is built.
  Merge keys (`<<`) are not part of YAML 1.2 and are refused with that reason.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ._cache import cached
from ._text import fragment, kind_of

__all__ = ["MAX_DEPTH", "MAX_INT_DIGITS", "MAX_VALUES", "CaseLoader", "load_case_yaml", "load_data"]

_DATA_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(text: str) -> Any:
    """Package data (an agreement, a structure, a templates file): YAML read safely (and
    kept in the cache on disk, so that a new process does not parse it again)."""
    return cached("yaml", text, _parse_data)


def _parse_data(text: str) -> Any:
    return yaml.load(text, Loader=_DATA_LOADER)


def load_case_yaml(text: str) -> Any:
    """A case file's YAML, by the rules above; `yaml.YAMLError` for anything else."""
    try:
        return yaml.load(text, Loader=CaseLoader)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" not in (exc.problem or ""):
            raise
        # libyaml's own limit (1000 levels), met while it reads ahead of our composer
        raise yaml.composer.ComposerError(None, None, _TOO_DEEP, exc.problem_mark) from None


MAX_DEPTH = 40
"""Deepest nesting of lists and mappings a case file may have (a case needs about 6)."""

_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; a case needs far fewer"

MAX_VALUES = 200_000
"""Most values (scalars, lists, mappings) a case file may hold, aliases expanded."""

MAX_INT_DIGITS = 18


if yaml.__with_libyaml__:

    class _Base(yaml.composer.Composer, yaml.CSafeLoader):
        """libyaml's parser (C) under PyYAML's composer (Python), so that the limits below
        apply to the nodes as they are composed."""

        def __init__(self, stream: str) -> None:
            yaml.CSafeLoader.__init__(self, stream)
            yaml.composer.Composer.__init__(self)

else:  # PyYAML built without libyaml: its loader in Python
    _Base = yaml.SafeLoader  # type: ignore[misc,assignment]


class CaseLoader(_Base):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._values = 0
        self._sizes: dict[int, int] = {}  # id(node) -> values it expands to

    def _count(self, values: int, mark: yaml.Mark | None) -> None:
        self._values += values
        if self._values > MAX_VALUES:
            raise yaml.composer.ComposerError(
                None,
                None,
                f"the file holds more than {MAX_VALUES} values once its aliases are "
                "expanded (an alias bomb?); a case needs far fewer",
                mark,
            )

    def _next(self) -> Any:
        """The event to come (libyaml's or PyYAML's: the two have the same fields)."""
        return self.peek_event()  # type: ignore[no-untyped-call,unused-ignore]

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self._next()
            target = self.anchors.get(event.anchor)
            if target is not None:
                size = self._sizes.get(id(target))
                if size is None:
                    raise yaml.composer.ComposerError(
                        None, None, "an alias refers to a value that contains it", event.start_mark
                    )
                self._count(size, event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None,
                None,
                _TOO_DEEP,
                self._next().start_mark,
            )
        before = self._values
        node = super().compose_node(parent, index)
        self._depth -= 1
        if node is None:
            return None
        self._count(1, node.start_mark)
        self._sizes[id(node)] = self._values - before
        return node


CaseLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    CaseLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_int(loader: CaseLoader, node: yaml.ScalarNode) -> int | str:
    text = str(loader.construct_scalar(node))
    digits = text.lstrip("+-")
    typed = (len(digits) > 1 and digits.startswith("0")) or len(digits) > MAX_INT_DIGITS
    if typed and node.tag == "tag:yaml.org,2002:int" and not node.style:
        return text  # an id or phone number, as typed
    if not re.fullmatch(r"[-+]?[0-9]+", text) or len(digits) > MAX_INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"not a whole number of at most {MAX_INT_DIGITS} digits", node.start_mark
        )
    return int(text, 10)


def _construct_float(loader: CaseLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node))
    try:
        return float(text)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, "not a number", node.start_mark
        ) from None


def _construct_mapping(loader: CaseLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge" or (
            isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and not key_node.style
        ):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "merge keys (<<) are not part of YAML 1.2; write the fields out",
                key_node.start_mark,
            )
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            kind = kind_of(key)
            raise yaml.constructor.ConstructorError(
                None, None, f"a key must be a field name (text), not {kind}", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {fragment(key, 40)}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


CaseLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
CaseLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
CaseLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)
