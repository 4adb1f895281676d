import json
from tests.conftest import GraphQL

def nest(n):
    q = "id"
    for _ in range(n):
        q = f"id parent {{ {q} }}"
    return "{ team(id: \"team-discover\") { " + q + " } }"

async def test_probe(gql: GraphQL, demo) -> None:
    out = {}
    for n in (10, 11, 12, 13):
        out[f"depth{n}"] = await gql(nest(n))
    al = lambda k: "{ " + " ".join(f"a{i}: organisation(id: \"org-bank\") {{ id }}" for i in range(k)) + " }"
    out["alias30"] = await gql(al(30))
    out["alias31"] = await gql(al(31))
    out["syntax"] = await gql("{ team(id: ")
    out["unknownfield"] = await gql("{ nope }")
    out["tokens"] = await gql("{ " + " ".join(["__typename"] * 4001) + " }")
    json.dump(out, open("/tmp/probe/out.json", "w"), indent=1, default=str)
