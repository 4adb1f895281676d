// From the loaded model (data.js) to what is drawn: nodes and edges after collapsing and expanding.
//   view.collapse: "none" | "team" | "unit" (team objectives folded into one node per team or unit)
//   view.openGroups: groups the reader opened again; view.expanded: objectives whose key results show;
//   view.dependencies: "all" | "risk" | "none" (which dependency lines to draw).

export function groupOf(objective, model, collapse) {
  if (collapse === "none" || objective.tier !== "TEAM" || objective.outside) return null;
  const owner = objective.owner;
  if (collapse === "team") return { id: `group:${owner.id}`, name: owner.name };
  // "unit": the unit right below the chosen one (or the company) on the owner's path up.
  const chain = [];
  for (let unit = owner; unit; unit = unit.parent) chain.push(unit);
  const top = model.unitId ? chain.findIndex((u) => u.id === model.unitId) : chain.length - 1;
  const unit = top > 0 ? chain[top - 1] : top === 0 ? chain[0] : chain[chain.length - 1];
  return { id: `group:${unit.id}`, name: unit.name };
}

export function mean(values) {
  const known = values.filter((v) => v !== null && v !== undefined);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

export function buildView(model, view) {
  const nodes = new Map();
  const shownAs = new Map(); // objective id -> the node drawn for it
  for (const p of model.priorities.values()) nodes.set(p.id, { id: p.id, kind: "priority", priority: p });
  for (const o of model.objectives.values()) {
    const group = groupOf(o, model, view.collapse);
    if (group && !view.openGroups.has(group.id)) {
      if (!nodes.has(group.id)) nodes.set(group.id, { id: group.id, kind: "group", name: group.name, members: [] });
      nodes.get(group.id).members.push(o);
      shownAs.set(o.id, group.id);
      continue;
    }
    nodes.set(o.id, { id: o.id, kind: "objective", objective: o, group: group?.id ?? null });
    shownAs.set(o.id, o.id);
    if (view.expanded.has(o.id)) {
      for (const kr of o.keyResults) nodes.set(kr.id, { id: kr.id, kind: "keyResult", keyResult: kr, objectiveId: o.id });
    }
  }
  for (const node of nodes.values()) {
    if (node.kind === "group") {
      node.progress = mean(node.members.map((o) => o.progress));
      node.confidence = mean(node.members.map((o) => o.confidence));
      node.orphans = node.members.filter((o) => o.orphan).length;
    }
  }
  const krNode = (krId) => {
    const objectiveId = model.keyResultOwner.get(krId);
    return nodes.has(krId) ? krId : shownAs.get(objectiveId);
  };
  const edges = new Map();
  const add = (edge) => {
    if (!edge.from || !edge.to || edge.from === edge.to) return;
    const key = `${edge.kind}:${edge.from}>${edge.to}`;
    const seen = edges.get(key);
    if (seen) {
      seen.count += 1;
      seen.counts = seen.counts || edge.counts;
    } else edges.set(key, { ...edge, key, count: 1 });
  };
  for (const o of model.objectives.values()) {
    const child = shownAs.get(o.id);
    for (const id of o.supports.map((p) => p.id)) {
      if (nodes.has(id)) add({ kind: "supports", from: id, to: child, counts: true });
    }
    for (const c of o.parents) {
      const parent = c.parent.__typename === "KeyResult" ? krNode(c.parent.id) : shownAs.get(c.parent.id);
      add({ kind: "contributes", from: parent, to: child, counts: c.countsTowardProgress, weight: c.weight });
    }
    if (nodes.has(o.id) && view.expanded.has(o.id)) {
      for (const kr of o.keyResults) add({ kind: "hasKeyResult", from: o.id, to: kr.id, counts: true });
    }
  }
  // Dependencies between the same two drawn nodes (folded teams) become one line, at risk if any is.
  const dependencies = new Map();
  for (const d of model.dependencies) {
    if (view.dependencies === "none" || (view.dependencies === "risk" && !d.atRisk)) continue;
    const from = d.from.node.__typename === "KeyResult" ? krNode(d.from.id) : shownAs.get(d.from.id);
    const to = d.to.node.__typename === "KeyResult" ? krNode(d.to.id) : shownAs.get(d.to.id);
    if (!from || !to || from === to) continue;
    const key = `${from}>${to}`;
    const seen = dependencies.get(key);
    if (!seen) dependencies.set(key, { ...d, fromNode: from, toNode: to, count: 1 });
    else {
      seen.count += 1;
      seen.atRisk = seen.atRisk || d.atRisk;
      seen.riskReasons = [...new Set([...seen.riskReasons, ...d.riskReasons])];
    }
  }
  return { nodes, edges: [...edges.values()], dependencies: [...dependencies.values()], shownAs };
}
