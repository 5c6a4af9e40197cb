"""Schemathesis against the app's own OpenAPI, read from the app served by uvicorn on loopback:
every operation, every check (`call_and_validate`: no 5xx, status codes and bodies as documented,
headers, content types), FUZZ_EXAMPLES generated cases per operation, on the small hand-built
community of tests/fixtures/graph_view. Operations are driven one by one with Hypothesis (the
schemathesis pytest plugin does not load under pytest 9), and every failure is reported at once."""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.conftest import serve_app
from tests.graph_view_fixture import load_fixture

FUZZ_EXAMPLES = int(os.environ.get("GRASSROOTS_FUZZ_EXAMPLES", "10"))


def _fuzz(op, label: str, cases: dict[str, int]) -> None:
    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
              derandomize=True, database=None)  # fmt: skip
    @given(case=op.as_strategy())
    def run(case):
        cases[label] += 1
        case.call_and_validate()

    run()


def test_every_operation_answers_within_its_schema(neo4j_server):
    from api.app import create_app

    load_fixture()
    failures: dict[str, str] = {}
    cases: dict[str, int] = {}
    with serve_app(create_app()) as url:
        schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 30
        for op in operations:
            label = f"{op.method.upper()} {op.path}"
            cases[label] = 0
            try:
                _fuzz(op, label, cases)
            except BaseException as exc:  # noqa: BLE001 - every operation's failure is collected (groups too)
                failures[label] = str(exc)[:1500]
    print(f"schemathesis: {sum(cases.values())} cases over {len(cases)} operations")
    assert failures == {}, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
