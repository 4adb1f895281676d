"""The benchmark's questions send each named query exactly the parameters its file documents (with `$org`), so
a query that gains a parameter cannot leave `make bench` failing halfway through a run."""

from __future__ import annotations

import pytest

from bench.questions import QUESTIONS, Picks, Question
from graph.core.cypher import all_queries

PICKS = Picks(
    quarter_id="q",
    year_id="y",
    priority_id="p",
    strategic_objective_id="s",
    team_objective_id="t",
    business_unit_id="bu",
    team_id="team",
)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.label)
def test_each_question_sends_the_parameters_its_files_document(question: Question) -> None:
    queries = all_queries()
    sent = set(question.params(PICKS)) | {"org"}  # bench/alignment.py adds $org as the API does
    for name in question.cypher:
        assert sent == set(queries[name].example_params), name
