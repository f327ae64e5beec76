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
from ._yaml import MAX_DEPTH, MAX_INT_DIGITS, load_case_yaml

__all__ = ["load_case", "parse_case_text", "schema_problems"]

_MAX_BYTES = 5_000_000
"""The largest case file read (5 MB): a real case is a few kilobytes."""

_CASE_WORDS = {"is a directory, not a file": "is a directory, not a case file"}


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {fragment(key, 40)}")
        result[key] = value
    return result


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number has more than {MAX_INT_DIGITS} digits; write ids as text")
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
        return load_case_yaml(text)
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
        elif "function-" in str(item) or str(item).startswith(
            ("str", "dict[", "constrained-str", "lax-or-strict")
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
