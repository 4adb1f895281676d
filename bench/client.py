"""The Python client's own cost of a push: push_values of 10,000 values in calls of 1,000, CPU time only.

`.venv/bin/python -m bench.client [--values 10000] [--runs 7]` runs the client against an httpx MockTransport
that answers every call with ACCEPTED items (built from the request, in the transport), so no server or Neo4j
runs: what is timed is the client's content keys, its pydantic models, serialising the values and reading
the answers (and the transport's own JSON, the same for any client). It prints the median and the least CPU
seconds of the process (time.process_time, steadier than wall time on a shared machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time

import httpx
from aligngraph_client import Client, KeyResultValueInput

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def answer(request: httpx.Request) -> httpx.Response:
    """Every value of the call ACCEPTED, as the service answers."""
    size = len(json.loads(request.content)["variables"]["values"])
    items = [
        {"index": i, "status": "ACCEPTED", "reason": None, "message": None, "keyResultId": "kr"}
        | {"measurementId": f"m{i}"}
        for i in range(size)
    ]
    push = {"accepted": size, "duplicates": 0, "rejected": 0, "items": items}
    return httpx.Response(200, json={"data": {"pushKeyResultValues": push}})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    values = [
        KeyResultValueInput(
            value=float(i), observed_at=START + dt.timedelta(seconds=i), source="bench", key_result_id="kr"
        )
        for i in range(args.values)
    ]
    runs = []
    with Client("http://bench/graphql", "ag_bench", transport=httpx.MockTransport(answer)) as client:
        for _ in range(args.runs):
            began = time.process_time()
            result = client.push_values(values)
            runs.append(time.process_time() - began)
            assert result.accepted == args.values
    median, least = statistics.median(runs) * 1000, min(runs) * 1000
    print(
        f"push_values({args.values:,}) in calls of 1,000: client CPU median {median:.0f} ms, min {least:.0f} ms"
    )


if __name__ == "__main__":
    main()
