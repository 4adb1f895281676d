"""Every node and edge type can be created, read, linked, unlinked and deleted over GraphQL."""

from __future__ import annotations

from tests.conftest import GraphQL


async def build_small_org(gql: GraphQL) -> None:
    """Create an organisation from scratch through mutations only."""
    await gql.ok(
        """
        mutation {
          org: createOrganisation(input: {id: "o1", name: "Acme", vision: "Make alignment visible"}) { id }
          year: createCycle(input: {id: "y", name: "2027", kind: YEAR, startDate: "2027-01-01", endDate: "2027-12-31"}) { id }
        }
        """
    )
    await gql.ok(
        """
        mutation {
          q1: createCycle(input: {id: "q1", name: "Q1", kind: QUARTER, startDate: "2027-01-01", endDate: "2027-03-31", parentId: "y"}) { id }
          co: createTeam(input: {id: "co", name: "Acme", kind: COMPANY, organisationId: "o1"}) { id }
          prio: createPriority(input: {id: "p", title: "Grow", cycleId: "y"}) { id }
          init: createInitiative(input: {id: "i", title: "Epic", url: "https://tracker.example.com/E-1"}) { id }
        }
        """
    )
    await gql.ok(
        """
        mutation {
          bu: createTeam(input: {id: "bu", name: "BU", kind: BUSINESS_UNIT, organisationId: "o1", parentId: "co"}) { id }
        }
        """
    )
    await gql.ok(
        """
        mutation {
          a: createTeam(input: {id: "ta", name: "Team A", kind: TEAM, organisationId: "o1", parentId: "bu"}) { id }
          b: createTeam(input: {id: "tb", name: "Team B", kind: TEAM, organisationId: "o1", parentId: "bu"}) { id }
          s: createObjective(input: {id: "s", title: "Strategic", tier: STRATEGIC, ownerId: "bu", cycleId: "y", status: ACTIVE}) { id }
        }
        """
    )
    await gql.ok(
        """
        mutation {
          ta: createObjective(input: {id: "oa", title: "A's goal", tier: TEAM, ownerId: "ta", cycleId: "q1"}) { id }
          tb: createObjective(input: {id: "ob", title: "B's goal", tier: TEAM, ownerId: "tb", cycleId: "q1"}) { id }
          sk: createKeyResult(input: {id: "sk", objectiveId: "s", title: "Revenue", kind: METRIC, direction: INCREASE, unit: "EUR m", baseline: 10, target: 20, current: 12}) { id }
        }
        """
    )
    await gql.ok(
        """
        mutation {
          ak: createKeyResult(input: {id: "ak", objectiveId: "oa", title: "Churn", kind: METRIC, direction: DECREASE, unit: "%", baseline: 8, target: 4, current: 7}) { id }
          am: createKeyResult(input: {id: "am", objectiveId: "oa", title: "Launch", kind: MILESTONE, done: true}) { id }
          bk: createKeyResult(input: {id: "bk", objectiveId: "ob", title: "Pairing", kind: KBI, direction: INCREASE, baseline: 20, target: 60}) { id }
        }
        """
    )


async def test_create_link_read_unlink_delete_everything(gql: GraphQL) -> None:
    await build_small_org(gql)
    links = await gql.ok(
        """
        mutation {
          c: linkContribution(childId: "oa", parentId: "s", weight: 2) { weight countsTowardProgress child { id } parent { ... on Objective { id } } }
          k: linkContribution(childId: "ob", parentId: "sk", countsTowardProgress: false) { parent { ... on KeyResult { id } } }
          s: linkSupport(objectiveId: "s", priorityId: "p") { supports { id } }
          d: linkDependency(fromId: "ak", toId: "ob", note: "needs B") { note from { ... on KeyResult { id } } to { ... on Objective { id } } }
          i: linkInitiative(initiativeId: "i", keyResultId: "ak") { keyResults { id } }
        }
        """
    )
    assert links["c"] == {
        "weight": 2.0,
        "countsTowardProgress": True,
        "child": {"id": "oa"},
        "parent": {"id": "s"},
    }
    assert links["k"]["parent"] == {"id": "sk"}
    assert links["s"]["supports"] == [{"id": "p"}]
    assert links["d"] == {"note": "needs B", "from": {"id": "ak"}, "to": {"id": "ob"}}
    assert links["i"]["keyResults"] == [{"id": "ak"}]

    read = await gql.ok(
        """
        {
          objective(id: "oa") { progress owner { parent { parent { organisation { id } } } } keyResults { id progress } }
          s: objective(id: "s") { children { child { id } weight } }
          sk: keyResult(id: "sk") { progress contributors { child { id } countsTowardProgress } }
          ob: objective(id: "ob") { dependedOnBy { from { ... on KeyResult { id } } } }
        }
        """
    )
    krs = {kr["id"]: kr["progress"] for kr in read["objective"]["keyResults"]}
    assert krs == {"ak": 0.25, "am": 1.0}
    assert read["objective"]["progress"] == 0.625
    assert read["objective"]["owner"]["parent"]["parent"]["organisation"]["id"] == "o1"
    assert read["s"]["children"] == [{"child": {"id": "oa"}, "weight": 2.0}]
    assert read["sk"]["progress"] == 0.2
    assert read["sk"]["contributors"] == [{"child": {"id": "ob"}, "countsTowardProgress": False}]
    assert read["ob"]["dependedOnBy"] == [{"from": {"id": "ak"}}]

    unlinked = await gql.ok(
        """
        mutation {
          c: unlinkContribution(childId: "oa", parentId: "s") { parents { weight } }
          s: unlinkSupport(objectiveId: "s", priorityId: "p") { supports { id } }
          d: unlinkDependency(fromId: "ak", toId: "ob")
          i: unlinkInitiative(initiativeId: "i", keyResultId: "ak") { keyResults { id } }
        }
        """
    )
    assert unlinked == {"c": {"parents": []}, "s": {"supports": []}, "d": "ak", "i": {"keyResults": []}}

    updated = await gql.ok(
        """
        mutation {
          o: updateObjective(id: "oa", input: {title: "A's sharper goal", description: "why"}) { title description status }
          k: updateKeyResult(id: "ak", input: {current: 4}) { current progress }
          t: updateTeam(id: "tb", input: {name: "Team Bee"}) { name }
          a: archiveObjective(id: "ob") { status }
          c: updateCycle(id: "q1", input: {name: "Quarter one"}) { name }
          p: updatePriority(id: "p", input: {description: "Grow revenue"}) { description }
          i: updateInitiative(id: "i", input: {status: DONE}) { status }
          g: updateOrganisation(id: "o1", input: {vision: null}) { vision }
        }
        """
    )
    assert updated["o"] == {"title": "A's sharper goal", "description": "why", "status": "DRAFT"}
    assert updated["k"] == {"current": 4.0, "progress": 1.0}
    assert updated["a"] == {"status": "ARCHIVED"}
    assert updated["g"] == {"vision": None}

    deleted = await gql.ok(
        """
        mutation {
          k: deleteKeyResult(id: "bk") { id }
          o1: deleteObjective(id: "oa") { id }
          o2: deleteObjective(id: "ob") { id }
          o3: deleteObjective(id: "s") { id }
          i: deleteInitiative(id: "i") { id }
          p: deletePriority(id: "p") { id }
        }
        """
    )
    assert deleted["o1"] == {"id": "oa"}
    gone = await gql.ok("{ keyResults { totalCount } objectives { totalCount } initiatives { totalCount } }")
    assert gone == {
        "keyResults": {"totalCount": 0},
        "objectives": {"totalCount": 0},
        "initiatives": {"totalCount": 0},
    }
    await gql.ok(
        'mutation { a: deleteTeam(id: "ta") { id } b: deleteTeam(id: "tb") { id } q: deleteCycle(id: "q1") { id } }'
    )
    await gql.ok('mutation { bu: deleteTeam(id: "bu") { id } y: deleteCycle(id: "y") { id } }')
    await gql.ok('mutation { co: deleteTeam(id: "co") { id } }')
    await gql.ok('mutation { o: deleteOrganisation(id: "o1") { id } }')
    empty = await gql.ok("{ organisations { totalCount } teams { totalCount } cycles { totalCount } }")
    assert all(v["totalCount"] == 0 for v in empty.values())


async def test_create_without_id_makes_one(gql: GraphQL) -> None:
    data = await gql.ok('mutation { createOrganisation(input: {name: "  Trimmed  "}) { id name } }')
    assert len(data["createOrganisation"]["id"]) == 36
    assert data["createOrganisation"]["name"] == "Trimmed"


async def test_relinking_is_idempotent(gql: GraphQL) -> None:
    await build_small_org(gql)
    for weight in (1.0, 3.0):
        await gql.ok(
            'mutation($w: Float!) { linkContribution(childId: "oa", parentId: "s", weight: $w) { weight } }',
            w=weight,
        )
        await gql.ok('mutation { linkDependency(fromId: "oa", toId: "ob", note: "n") { note } }')
    data = await gql.ok('{ objective(id: "oa") { parents { weight } dependsOn { note } } }')
    assert data["objective"] == {"parents": [{"weight": 3.0}], "dependsOn": [{"note": "n"}]}
