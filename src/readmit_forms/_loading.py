"""Reading case files (JSON or YAML) into a `Case`, with one clear problem per mismatch."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ._case import Case
from ._errors import CaseFileError, CaseSchemaError, SchemaProblem
from ._files import FileProblem, read_regular_file
from ._text import fragment, kind_of

__all__ = ["load_case", "parse_case_text", "schema_problems"]

_MAX_BYTES = 5_000_000
"""The largest case file read (5 MB): a real case is a few kilobytes."""

_CASE_WORDS = {"is a directory, not a file": "is a directory, not a case file"}


# -- YAML without surprises ----------------------------------------------------------
#
# PyYAML follows YAML 1.1: `NO` (Norway) becomes False, `14:30` becomes 870, `0755`
# is octal and an unquoted impossible date raises deep inside the parser. Case files
# use the YAML 1.2 core schema instead: only true/false are booleans, dates and times
# stay strings (the schema parses them and names the field when one is wrong),
# integers are decimal, and duplicate keys are an error. Two choices of our own:
#
# - A plain number with a leading zero (`045612378`) or with more digits than any
#   count has is what the clerk typed: an id card, document or phone number, so it
#   stays text, as written.
# - A small file must not become a large structure: nesting is bounded (`MAX_DEPTH`)
#   and so is the number of values once aliases are expanded (`MAX_VALUES`), which
#   refuses an "alias bomb" of a few hundred bytes before anything is built.
#   Merge keys (`<<`) are not part of YAML 1.2 and are refused with that reason.

MAX_DEPTH = 40
"""Deepest nesting of lists and mappings a case file may have (a case needs about 6)."""

MAX_VALUES = 200_000
"""Most values (scalars, lists, mappings) a case file may hold, aliases expanded."""

_MAX_INT_DIGITS = 18


class _CaseLoader(yaml.SafeLoader):
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

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
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
                f"nested more than {MAX_DEPTH} levels deep; a case needs far fewer",
                self.peek_event().start_mark,  # type: ignore[no-untyped-call]
            )
        before = self._values
        node = super().compose_node(parent, index)
        self._depth -= 1
        if node is None:
            return None
        self._count(1, node.start_mark)
        self._sizes[id(node)] = self._values - before
        return node


_CaseLoader.yaml_implicit_resolvers = {}
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
    _CaseLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_int(loader: _CaseLoader, node: yaml.ScalarNode) -> int | str:
    text = str(loader.construct_scalar(node))
    digits = text.lstrip("+-")
    typed = (len(digits) > 1 and digits.startswith("0")) or len(digits) > _MAX_INT_DIGITS
    if typed and node.tag == "tag:yaml.org,2002:int" and node.style is None:
        return text  # an id or phone number, as typed
    if not re.fullmatch(r"[-+]?[0-9]+", text) or len(digits) > _MAX_INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"not a whole number of at most {_MAX_INT_DIGITS} digits", node.start_mark
        )
    return int(text, 10)


def _construct_float(loader: _CaseLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node))
    try:
        return float(text)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, "not a number", node.start_mark
        ) from None


def _construct_mapping(loader: _CaseLoader, node: yaml.MappingNode) -> dict[Any, Any]:
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


_CaseLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_CaseLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_CaseLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {fragment(key, 40)}")
        result[key] = value
    return result


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise ValueError(f"a number has more than {_MAX_INT_DIGITS} digits; write ids as text")
    return int(text)


def _depth(data: Any) -> int:
    """How deeply ``data`` (parsed JSON) nests lists and mappings, counted without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; a case needs far fewer"


def _parse(text: str, source: str, suffix: str) -> Any:
    if not text.strip():
        raise CaseFileError(source, "the file is empty; expected a JSON or YAML case")
    if suffix == ".json" or (suffix not in (".yaml", ".yml") and text.lstrip()[:1] in "{["):
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_json_int)
        except json.JSONDecodeError as exc:
            raise CaseFileError(
                source, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            ) from None
        except ValueError as exc:
            raise CaseFileError(source, f"not valid JSON: {exc}") from None
        except RecursionError:
            raise CaseFileError(source, _TOO_DEEP) from None
        if _depth(data) > MAX_DEPTH:
            raise CaseFileError(source, _TOO_DEEP)
        return data
    try:
        return yaml.load(text, Loader=_CaseLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise CaseFileError(
            source, f"not valid YAML: {exc.problem or exc.context}{where}"
        ) from None
    except yaml.YAMLError as exc:
        raise CaseFileError(source, f"not valid YAML: {exc}") from None


# -- pydantic errors as one clear line each -------------------------------------------


def _path(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif (
            item in ("function-after[_printable_line(), str]",)
            or "function-" in str(item)
            or str(item).startswith(("str", "dict[", "constrained-str", "lax-or-strict"))
        ):
            continue
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    message = error["msg"]
    if kind == "extra_forbidden":
        return "unknown field (not in the case schema; check the spelling)"
    if kind == "missing":
        return "required field is missing"
    if kind in ("value_error", "assertion_error"):
        return str(message).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "enum":
        expected = (error.get("ctx") or {}).get("expected", "")
        return f"{_shown(error['input'])} is not allowed; expected {expected}"
    if kind == "invalid_key":
        key = error["loc"][-1] if error["loc"] else ""
        shown = fragment(key) if isinstance(key, str) else str(key)
        return f"the key {shown} is not a field name; a key must be text"
    if kind.endswith("_type"):
        return f"{message.lower()}, got {kind_of(error['input'])}"
    return str(message)


def _shown(value: Any) -> str:
    return fragment(value) if isinstance(value, str) else kind_of(value)


def schema_problems(exc: ValidationError) -> list[SchemaProblem]:
    """Turn a pydantic error into one `SchemaProblem` per distinct field."""
    problems: list[SchemaProblem] = []
    seen: set[str] = set()
    # A value that may be a string or a per-language mapping fails twice: keep the
    # more specific message (the one with the longest path) per field.
    for error in sorted(exc.errors(), key=lambda e: -len(e["loc"])):
        loc = error["loc"]
        if error["type"] == "invalid_key" and loc:  # the key itself ends loc: not a list index
            loc = loc[:-1]
        path = _path(loc)
        base = re.sub(r"\.(kk|ru|en)$", "", path)
        if base in seen or path in seen:
            continue
        seen.add(base)
        seen.add(path)
        problems.append(SchemaProblem(path, _message(error), error["type"]))
    return sorted(problems, key=lambda p: p.path)


# -- entry points -----------------------------------------------------------------------


def parse_case_text(
    text: str, *, source: str = "<case>", suffix: str = "", base_dir: Path | None = None
) -> Case:
    """Parse a case given as JSON or YAML text."""
    data = _parse(text, source, suffix)
    return _validate(data, source, base_dir)


def _validate(
    data: Any, source: str, base_dir: Path | None, photo_folder: Path | None = None
) -> Case:
    if not isinstance(data, Mapping):
        kind = "a list" if isinstance(data, list) else type(data).__name__
        raise CaseFileError(source, f"a case must be a mapping of fields, not {kind}")
    context = {"base_dir": base_dir, "photo_folder": photo_folder}
    try:
        return Case.model_validate(dict(data), context=context)
    except ValidationError as exc:
        raise CaseSchemaError(source, schema_problems(exc)) from None


def load_case(
    source: str | Path | Mapping[str, Any] | Case, *, allow_photo_outside: bool = False
) -> Case:
    """Load a case from a JSON/YAML file path, a mapping, or return a `Case` as is.

    Raises `CaseFileError` when the file cannot be read or parsed, and
    `CaseSchemaError` (with every problem) when it does not match the schema.

    A photo path in a case file is resolved relative to the case file, and must
    lie in the case file's folder or below it (symlinks followed) unless
    ``allow_photo_outside`` is true. In a mapping, which is the calling
    program's own data, a relative photo path is resolved against the current
    folder and not restricted: a program that passes data it received from
    others should not pass photo paths from it.
    """
    if isinstance(source, Case):
        return source
    if isinstance(source, Mapping):
        return _validate(source, "<case>", Path.cwd())
    path = Path(source)
    name = str(path)
    try:
        raw = read_regular_file(path, _MAX_BYTES)
    except FileProblem as exc:
        raise CaseFileError(name, _CASE_WORDS.get(str(exc), str(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError(name, f"not UTF-8 text (byte {exc.start})") from None
    data = _parse(text, name, path.suffix.lower())
    folder = path.parent.resolve()
    return _validate(data, name, folder, None if allow_photo_outside else folder)
