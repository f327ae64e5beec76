"""``schema``: the JSON Schema of case files."""

from __future__ import annotations

import argparse
import json
import sys

from .. import Case
from ._common import OK


def run_schema(args: argparse.Namespace) -> int:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://readmit-forms.invalid/case.schema.json"
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return OK
