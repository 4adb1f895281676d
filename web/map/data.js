// Loading what the map shows, through the public GraphQL API only (schema.graphql).
import { all, gql } from "./api.js";

const OBJECTIVE = `
fragment MapObjective on Objective {
  id title tier status confidence progress
  owner { id name kind parent { id name kind parent { id name kind parent { id name kind } } } }
  cycle { id name }
  keyResults { id title kind unit baseline current target progress done }
  parents {
    weight countsTowardProgress
    parent { __typename ... on Objective { id } ... on KeyResult { id objective { id } } }
  }
  supports { id }
}`;

const OBJECTIVES = `query MapObjectives($cycleId: ID!, $teamId: ID, $first: Int!, $after: String) {
  objectives(cycleId: $cycleId, includeSubCycles: false, teamId: $teamId, first: $first, after: $after) {
    nodes { ...MapObjective } pageInfo { hasNextPage endCursor }
  }
}
${OBJECTIVE}`;

const PRIORITIES = `query MapPriorities($cycleId: ID!, $first: Int!, $after: String) {
  priorities(cycleId: $cycleId, first: $first, after: $after) {
    nodes { id title description } pageInfo { hasNextPage endCursor }
  }
}`;

const ORPHANS = `query MapOrphans($cycleId: ID!, $unitId: ID, $first: Int!, $after: String) {
  orphanedObjectives(cycleId: $cycleId, unitId: $unitId, first: $first, after: $after) {
    nodes { reason parentIds objective { id } } pageInfo { hasNextPage endCursor }
  }
}`;

const UNSUPPORTED = `query MapUnsupported($cycleId: ID!) {
  unsupportedStrategy(cycleId: $cycleId) { priorities { reason priority { id } } objectives { id } }
}`;

const END = `id kind title progress confidence owner { id name }
  node { __typename ... on Objective { id } ... on KeyResult { id objective { id } } }`;
const DEPENDENCIES = `query MapDependencies($cycleId: ID!, $teamId: ID, $first: Int!, $after: String) {
  crossTeamDependencies(cycleId: $cycleId, teamId: $teamId, first: $first, after: $after) {
    nodes { note atRisk riskReasons expectedProgress from { ${END} } to { ${END} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export async function organisations() {
  const query = `query MapOrganisations($first: Int!, $after: String) {
    organisations(first: $first, after: $after) {
      nodes { id name topUnits { id name kind } } pageInfo { hasNextPage endCursor }
    }
  }`;
  return all(query, {}, (d) => d.organisations);
}

export async function cycles() {
  const query = `query MapCycles($first: Int!, $after: String) {
    cycles(first: $first, after: $after) {
      nodes { id name kind startDate parent { id } children { id } } pageInfo { hasNextPage endCursor }
    }
  }`;
  return all(query, {}, (d) => d.cycles);
}

export async function children(unitId) {
  const query = `query MapUnits($id: ID!) { team(id: $id) { children { id name kind } } }`;
  return (await gql(query, { id: unitId })).team.children;
}

// Objectives by id, in batches of aliased `objective` fields (the alias limit is 30 a document).
export async function objectivesById(ids) {
  const found = [];
  for (let i = 0; i < ids.length; i += 25) {
    const batch = ids.slice(i, i + 25);
    const fields = batch.map((id, n) => `o${n}: objective(id: ${JSON.stringify(id)}) { ...MapObjective }`);
    const data = await gql(`query MapObjectivesById {\n${fields.join("\n")}\n}\n${OBJECTIVE}`);
    found.push(...Object.values(data).filter(Boolean));
  }
  return found;
}

// The progress of these objectives and of their key results now (after a keyResultUpdated).
export async function progressOf(ids) {
  const found = [];
  for (let i = 0; i < ids.length; i += 25) {
    const fields = ids
      .slice(i, i + 25)
      .map((id, n) => `o${n}: objective(id: ${JSON.stringify(id)}) { id progress keyResults { id current progress } }`);
    found.push(...Object.values(await gql(`query MapProgress {\n${fields.join("\n")}\n}`)));
  }
  return found;
}

function endObjective(end) {
  const node = end.node;
  return node.__typename === "KeyResult" ? node.objective.id : node.id;
}

// The cycles whose objectives belong on the map of `cycle`: a year with its quarters, a quarter with its year.
function related(cycle) {
  const ids = [cycle.id, ...cycle.children.map((c) => c.id)];
  if (cycle.parent) ids.push(cycle.parent.id);
  return ids;
}

// How many objectives the map of (cycle, unit) would show, counted before loading them.
export async function objectiveCount(cycle, unitId) {
  const ids = related(cycle);
  const fields = ids.map((id, n) => `c${n}: objectives(cycleId: ${JSON.stringify(id)}, includeSubCycles: false, teamId: $unit, first: 1) { totalCount }`);
  const data = await gql(`query MapCount($unit: ID) {\n${fields.join("\n")}\n}`, { unit: unitId });
  return Object.values(data).reduce((sum, c) => sum + c.totalCount, 0);
}

// Everything the map of (cycle, unit) shows. `unitId` null: the whole organisation (`companyId`).
export async function loadMap(cycle, unitId) {
  const started = performance.now();
  const cycleIds = related(cycle);
  const [objectiveLists, priorityLists, orphans, unsupported, dependencies] = await Promise.all([
    Promise.all(cycleIds.map((id) => all(OBJECTIVES, { cycleId: id, teamId: unitId }, (d) => d.objectives))),
    Promise.all(cycleIds.map((id) => all(PRIORITIES, { cycleId: id }, (d) => d.priorities))),
    all(ORPHANS, { cycleId: cycle.id, unitId }, (d) => d.orphanedObjectives),
    gql(UNSUPPORTED, { cycleId: cycle.id }),
    all(DEPENDENCIES, { cycleId: cycle.id, teamId: unitId }, (d) => d.crossTeamDependencies),
  ]);
  const objectives = new Map();
  for (const o of objectiveLists.flat()) objectives.set(o.id, { ...o, outside: false });
  // Parents above the unit and the far ends of its dependencies: shown, marked as outside the unit.
  let missing = new Set(dependencies.flatMap((d) => [endObjective(d.from), endObjective(d.to)]));
  while (missing.size) {
    for (const o of objectives.values()) {
      for (const p of o.parents) missing.add(p.parent.__typename === "KeyResult" ? p.parent.objective.id : p.parent.id);
    }
    const ids = [...missing].filter((id) => !objectives.has(id));
    missing = new Set();
    if (!ids.length) break;
    for (const o of await objectivesById(ids)) objectives.set(o.id, { ...o, outside: true });
  }
  const orphanBy = new Map(orphans.map((o) => [o.objective.id, o]));
  const unsupportedPriority = new Map(unsupported.unsupportedStrategy.priorities.map((p) => [p.priority.id, p.reason]));
  const unsupportedObjective = new Set(unsupported.unsupportedStrategy.objectives.map((o) => o.id));
  for (const o of objectives.values()) {
    o.orphan = orphanBy.get(o.id)?.reason ?? null;
    o.unsupported = unsupportedObjective.has(o.id);
  }
  const priorities = new Map();
  for (const p of priorityLists.flat()) priorities.set(p.id, { ...p, unsupported: unsupportedPriority.get(p.id) ?? null });
  const keyResultOwner = new Map();
  for (const o of objectives.values()) for (const kr of o.keyResults) keyResultOwner.set(kr.id, o.id);
  return {
    cycle,
    unitId,
    objectives,
    priorities,
    keyResultOwner,
    dependencies: dependencies.map((d) => ({ ...d, fromObjective: endObjective(d.from), toObjective: endObjective(d.to) })),
    loadMs: performance.now() - started,
  };
}
