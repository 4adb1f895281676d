"""Every named query (cypher/) answers about one organisation: given B's ids it shows nothing of the bank, and
with `$org` (the organisation asking) it leaves every other organisation's nodes out, as the API needs."""

from __future__ import annotations

import re
from typing import Any

from neo4j.exceptions import ConstraintError

from graph.core.cypher import all_queries
from graph.core.db import Database
from tests.orgs.conftest import OTHER, Orgs, ids_in

QUERIES = all_queries()
# Schema commands, seeds and tokens are not questions about an organisation.
RUNNABLE = sorted(n for n in QUERIES if not n.startswith(("schema/", "demo/", "synthetic/", "tokens/")))
USES_ORG = re.compile(r"\$org\b")

# The queries without $org, and why each needs none.
FROM_VISIBLE_NODES = {
    # Key results as of a day: the DataLoader of KeyResult.valueAt, given visible key results.
    "measurements/values_on",
    # A loader of a node's neighbours: the node was found through a query that keeps to $org, and no edge
    # joins two organisations.
    "checkins/check_ins_of_objectives",
    "checkins/confidence_points",
    "checkins/count_check_ins",
    "cycles/sub_cycles_of",
    "keyresults/key_results_of_objectives",
    "keyresults/key_results_of_objectives_brief",
    "links/contributions_from",
    "links/contributions_to",
    "links/contributions_from_with_parents",
    "links/contributions_to_with_children",
    "links/dependencies_from",
    "links/dependencies_to",
    "links/initiatives_advancing",
    "links/key_results_advanced_by",
    "links/objectives_supporting",
    "links/priorities_supported_by",
    "measurements/count_histories",
    "measurements/read_histories",
    "objectives/carried_over_from",
    "objectives/objectives_of_teams",
    "retrospectives/retrospectives_of_objectives",
    "retrospectives/retrospectives_of_teams",
    "teams/children_of_teams",
    "teams/owners_of_objectives",
    "report/list_at_risk_dependencies",
    "report/list_key_results_as_of",
    "report/read_check_ins",
}
WRITE_STEPS = {
    # A step of a write whose ends were found through queries that keep to $org (and checked to share one
    # organisation by graph/planning/boundary.py), or a create that is given its organisation.
    # The alignment state's steps start from objectives the write itself touched, and an objective's
    # parents and children share its organisation (the link rules check it).
    "alignment_state/children_of",
    "alignment_state/children_of_one",
    "alignment_state/contributors_to_key_result",
    # The coverage rows' steps start from teams and homes the write itself touched (a home is the team or a unit
    # above it, in its organisation).
    "alignment_state/coverage_homes",
    "alignment_state/coverage_homes_below",
    "alignment_state/lock_unit_coverage",
    "alignment_state/loops_through_dependencies",
    "alignment_state/owner_of_objective",
    "alignment_state/write_unit_coverage",
    "alignment_state/read_objectives",
    "alignment_state/write_state",
    "checkins/create_check_in",
    "cycles/carry_over_objective",
    "cycles/closed_key_results",
    "cycles/create_cycle",
    "initiatives/create_initiative",
    "links/delete_advance",
    "links/delete_contribution",
    "links/delete_dependency",
    "links/delete_support",
    "links/merge_advance",
    "links/merge_contribution",
    "links/merge_dependency",
    "links/merge_support",
    "links/parent_objectives",
    "measurements/latest_observed_at",
    "measurements/record_measurements",
    "measurements/set_progress",
    "objectives/create_objective",
    "organisations/create_organisation",
    "retrospectives/create_retrospective",
    "teams/team_ancestry",
}
# Plan files (graph/plans/): every read starts from the plan's or the export's $organisationId, which import
# and export check against the caller's organisation first (an org-bound token gets NOT_FOUND for another);
# every merge writes rows of a plan checked whole, each node given that organisation.
PLAN_STEPS = {
    "lookup/nodes_by_id",  # the CLI's check that an id names something (`cypher run`): every organisation
    "organisations/delete_organisation_batch",  # after get_organisations found the organisation for $org
    "teams/top_units",  # the units of an organisation found through a query that keeps to $org
    *(n for n in QUERIES if n.startswith("plans/") and not USES_ORG.search(QUERIES[n].text)),
}
# Idempotency keys are unique in the whole database, so a retry finds its key whichever organisation used it.
DATABASE_WIDE_KEYS = {
    "measurements/find_idempotency_keys",
    "retrospectives/find_retrospective_by_key",
    # Ids are unique across every kind in the whole database (:Keyed): node(id:) asks which kind an id names,
    # then loads it through that kind's by-id query, which keeps to $org; the other three are schema apply's
    # check and labelling of a database written before, over every organisation.
    "keys/kinds_of",
    "keys/unkeyed_count",
    "keys/shared_ids",
    "keys/key_older_nodes",
}
# The change feed is one for the database: it names changed key results of every organisation, and each
# process reads their updates with get_key_result_updates, whose organisation the hub matches per subscriber.
DATABASE_WIDE_KEYS |= {"events/read_changes", "events/record_change"}
# Finds a check-in by its key in any organisation too, but says whether the caller may see it (`visible`).
KEYED = DATABASE_WIDE_KEYS | {"checkins/find_check_in_by_key"}


def test_every_query_decides_how_it_keeps_to_one_organisation() -> None:
    without = {n for n in RUNNABLE if not USES_ORG.search(QUERIES[n].text)}
    assert without == FROM_VISIBLE_NODES | WRITE_STEPS | DATABASE_WIDE_KEYS | PLAN_STEPS, (
        "a new query either filters its starting nodes with ($org IS NULL OR n.organisationId = $org), or is "
        f"listed here with the reason it needs none: {sorted(without ^ (FROM_VISIBLE_NODES | WRITE_STEPS | DATABASE_WIDE_KEYS | PLAN_STEPS))}"
    )


def _to_b(value: Any) -> Any:
    """The documented example parameters (the bank's ids), with B's id of the same kind in their place."""
    if isinstance(value, list):
        return [_to_b(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_b(v) for k, v in value.items()}
    if not isinstance(value, str):
        return value
    for prefix, b_id in (
        ("org-", OTHER),
        ("bu-", "b-bu"),
        ("team-", "b-team-1"),
        ("cycle-2026-q", "b-2026-q1"),
        ("cycle-2026", "b-2026"),
        ("prio-", "b-prio"),
        ("obj-", "b-team-obj"),
        ("kr-", "b-kr-team"),
        ("init-", "b-init"),
        ("amplitude:", "b:team-kr"),  # the demo's externalKey
    ):
        if value.startswith(prefix):
            return b_id
    return value


async def _rows(db: Database, name: str, params: dict[str, Any]) -> list[Any]:
    """Run a named query in a transaction that is always rolled back (a create whose example id B's ids
    replaced with one that exists answers nothing)."""
    async with db.driver.session(database=db.database) as session:
        tx = await session.begin_transaction()
        try:
            result = await tx.run(QUERIES[name].text, params)
            return [record.data() async for record in result]
        except ConstraintError:
            return []
        finally:
            await tx.rollback()


async def test_every_query_sees_only_its_own_organisation(orgs: Orgs, db: Database) -> None:
    leaks: list[str] = []
    answered_b = 0
    for name in sorted(set(RUNNABLE) - KEYED):
        example = QUERIES[name].example_values()
        b_params = _to_b(example)
        # Without $org, a list of everything (no id given) is not a question about one organisation.
        asks_about_b = {k: v for k, v in b_params.items() if k != "org"} != {
            k: v for k, v in example.items() if k != "org"
        }
        for org in (None, OTHER) if asks_about_b else (OTHER,):
            rows = await _rows(db, name, {**b_params, "org": org})
            if ids_in(rows) & orgs.bank_ids:
                leaks.append(f"{name} (B's ids, org={org}): {sorted(ids_in(rows) & orgs.bank_ids)[:5]}")
            answered_b += org is None and bool(ids_in(rows) & orgs.b_ids)
        if USES_ORG.search(QUERIES[name].text):
            # The bank's own ids, asked by B: nothing of the bank comes back.
            rows = await _rows(db, name, {**example, "org": OTHER})
            if ids_in(rows) & orgs.bank_ids:
                leaks.append(f"{name} (bank ids, org={OTHER}): {sorted(ids_in(rows) & orgs.bank_ids)[:5]}")
    assert not leaks, "\n".join(leaks)
    assert answered_b >= 40, f"only {answered_b} queries answered about B: the check would be vacuous"
