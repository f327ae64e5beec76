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

__all__ = ["load_case", "parse_case_text", "schema_problems"]

_MAX_BYTES = 5_000_000


# -- YAML without surprises ----------------------------------------------------------
#
# PyYAML follows YAML 1.1: `NO` (Norway) becomes False, `14:30` becomes 870 and an
# unquoted impossible date raises deep inside the parser. Case files use the YAML 1.2
# core schema instead: only true/false are booleans, dates and times stay strings
# (the schema parses them and names the field when one is wrong), and duplicate keys
# are an error.


class _CaseLoader(yaml.SafeLoader):
    pass


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


def _construct_mapping(loader: _CaseLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_CaseLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _parse(text: str, source: str, suffix: str) -> Any:
    if not text.strip():
        raise CaseFileError(source, "the file is empty; expected a JSON or YAML case")
    if suffix == ".json" or (suffix not in (".yaml", ".yml") and text.lstrip()[:1] in "{["):
        try:
            return json.loads(text, object_pairs_hook=_no_duplicates)
        except json.JSONDecodeError as exc:
            raise CaseFileError(
                source, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            ) from None
        except ValueError as exc:
            raise CaseFileError(source, f"not valid JSON: {exc}") from None
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
        return f"{error['input']!r} is not allowed; expected {expected}"
    if kind.endswith("_type"):
        return f"{message.lower()}, got {error['input']!r}"
    return str(message)


def schema_problems(exc: ValidationError) -> list[SchemaProblem]:
    """Turn a pydantic error into one `SchemaProblem` per distinct field."""
    problems: list[SchemaProblem] = []
    seen: set[str] = set()
    # A value that may be a string or a per-language mapping fails twice: keep the
    # more specific message (the one with the longest path) per field.
    for error in sorted(exc.errors(), key=lambda e: -len(e["loc"])):
        path = _path(error["loc"])
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


def _validate(data: Any, source: str, base_dir: Path | None) -> Case:
    if not isinstance(data, Mapping):
        kind = "a list" if isinstance(data, list) else type(data).__name__
        raise CaseFileError(source, f"a case must be a mapping of fields, not {kind}")
    try:
        return Case.model_validate(dict(data), context={"base_dir": base_dir})
    except ValidationError as exc:
        raise CaseSchemaError(source, schema_problems(exc)) from None


def load_case(source: str | Path | Mapping[str, Any] | Case) -> Case:
    """Load a case from a JSON/YAML file path, a mapping, or return a `Case` as is.

    Raises `CaseFileError` when the file cannot be read or parsed, and
    `CaseSchemaError` (with every problem) when it does not match the schema.
    A photo path in the case is resolved relative to the case file.
    """
    if isinstance(source, Case):
        return source
    if isinstance(source, Mapping):
        return _validate(source, "<case>", Path.cwd())
    path = Path(source)
    name = str(path)
    if path.is_dir():
        raise CaseFileError(name, "is a directory, not a case file")
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise CaseFileError(
                name, f"the file is {size} bytes; a case file may have 5 MB at most"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError(name, "no such file") from None
    except PermissionError:
        raise CaseFileError(name, "permission denied") from None
    except OSError as exc:
        raise CaseFileError(name, f"cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError(name, f"not UTF-8 text (byte {exc.start})") from None
    data = _parse(text, name, path.suffix.lower())
    return _validate(data, name, path.parent.resolve())
