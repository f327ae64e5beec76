"""Writing a case file: the inverse of `load_case`, in JSON or in the YAML that it reads.

The YAML is written with the resolvers the loader reads with (the YAML 1.2 core
schema of ``_loading``), so a text that looks like a number, a date or a boolean
to the loader (a document number "045612378", a country "NO") is quoted and reads
back as the same text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ._case import Case
from ._errors import UnknownFormatError
from ._yaml import CaseLoader

__all__ = ["case_json", "dump_case"]


class _CaseDumper(yaml.SafeDumper):
    pass


_CaseDumper.yaml_implicit_resolvers = {
    first: list(resolvers) for first, resolvers in CaseLoader.yaml_implicit_resolvers.items()
}


def dump_case(case: Case | Mapping[str, Any], format: str = "yaml") -> str:
    """``case`` as the text of a case file (``format`` "yaml" or "json").

    A `Case` is written without the fields it leaves at their defaults; a mapping
    (a case still being filled in, which may not match the schema yet) as it is.
    """
    if isinstance(case, Case):
        data: Any = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    else:
        data = dict(case)
    key = str(format).strip().lower()
    if key == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if key == "yaml":
        text: str = yaml.dump(data, Dumper=_CaseDumper, allow_unicode=True, sort_keys=False)
        return text
    raise UnknownFormatError(format, ["json", "yaml"])


def case_json(source: Case | str | Path | Mapping[str, Any], case: Case) -> bytes:
    """The case data to attach: a JSON case file as it is, byte for byte; any other
    case (YAML, a mapping, a `Case`) as JSON that loads back to the same case."""
    if isinstance(source, str | Path) and Path(source).suffix.lower() == ".json":
        return Path(source).read_bytes()
    data = case.model_dump(mode="json", exclude_none=True)
    photo = case.person.photo
    if isinstance(source, str | Path) and photo is not None:
        # As the case file names it, relative to its folder: the bundle carries no path
        # of the machine it was made on.
        folder = Path(source).resolve().parent
        if photo.is_relative_to(folder):
            data["person"]["photo"] = photo.relative_to(folder).as_posix()
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
