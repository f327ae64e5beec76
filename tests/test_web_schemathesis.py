"""The HTTP API against its own OpenAPI document, with schemathesis, on a running server.

Every operation gets generated requests (valid cases, broken ones, odd parameters); each
answer must be documented, of the documented media type and shape, and never a 500.
The operations are driven one by one from a plain test (schemathesis' pytest plugin
does not follow the pytest in use here).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from web_helpers import running  # noqa: E402


@pytest.fixture(scope="module")
def api_url() -> Iterator[str]:
    with running() as url:
        yield url


def _operations(url: str) -> list[Any]:
    schema = schemathesis.openapi.from_url(f"{url}/api/v1/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_is_tested(api_url: str) -> None:
    found = {f"{op.method.upper()} {op.path}" for op in _operations(api_url)}
    assert found == {
        "GET /api/v1/agreements",
        "GET /api/v1/agreements/{agreement_id}",
        "GET /api/v1/agreements/{agreement_id}/forms",
        "GET /api/v1/schema",
        "POST /api/v1/validate",
        "POST /api/v1/deadlines",
        "POST /api/v1/render",
        "POST /api/v1/proof",
        "POST /api/v1/bundle",
    }


@pytest.mark.parametrize(
    "operation",
    [
        "agreements",
        "agreements/{agreement_id}",
        "agreements/{agreement_id}/forms",
        "schema",
        "validate",
        "deadlines",
        "render",
        "proof",
        "bundle",
    ],
)
def test_the_api_keeps_its_contract(api_url: str, operation: str) -> None:
    (found,) = [op for op in _operations(api_url) if op.path == f"/api/v1/{operation}"]

    @given(case=found.as_strategy())
    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        # A case the JSON Schema allows may still be refused, with a documented 422: the
        # schema cannot say that 'AA' is no country, or that the two states must be the
        # agreement's parties. Every other check applies.
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    check()
