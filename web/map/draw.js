// Drawing the view (graph.js) as SVG: dagre (web/vendor/dagre.min.js) ranks and places the nodes left to
// right (priorities, then strategic objectives, then team objectives); every node is an SVG group that
// takes keyboard focus, so the map is read and tested like any other page.
const SVG = "http://www.w3.org/2000/svg";
const SIZE = { priority: [250, 56], objective: [250, 70], keyResult: [230, 48], group: [250, 70] };

function el(name, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, content, className) {
  const t = el("text", { x, y, class: className }, parent);
  t.textContent = content;
  return t;
}

const short = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
export const percent = (p) => (p === null || p === undefined ? "–" : `${Math.round(p * 100)}%`);

function confidenceClass(c) {
  if (c === null || c === undefined) return "unknown";
  return c <= 3 ? "low" : c <= 6 ? "medium" : "high";
}

function progressBar(g, w, h, progress) {
  el("rect", { x: 10, y: h - 14, width: w - 20, height: 6, rx: 3, class: "bar-back" }, g);
  el("rect", { x: 10, y: h - 14, width: (w - 20) * (progress ?? 0), height: 6, rx: 3, class: "bar" }, g);
}

function describe(node) {
  if (node.kind === "priority") {
    const p = node.priority;
    return `Priority: ${p.title}${p.unsupported ? `. Unsupported: ${p.unsupported}` : ""}`;
  }
  if (node.kind === "group") {
    return `${node.name}: ${node.members.length} team objectives, progress ${percent(node.progress)}${
      node.orphans ? `, ${node.orphans} orphaned` : ""
    }. Press Enter to open.`;
  }
  if (node.kind === "keyResult") return `Key result: ${node.keyResult.title}, progress ${percent(node.keyResult.progress)}`;
  const o = node.objective;
  return `${o.tier === "STRATEGIC" ? "Strategic" : "Team"} objective: ${o.title}. Owner ${o.owner.name}. Progress ${percent(
    o.progress,
  )}, confidence ${o.confidence ?? "none"}${o.orphan ? `. Orphaned: ${o.orphan}` : ""}${o.unsupported ? ". Unsupported" : ""}`;
}

function drawNode(layer, node, box) {
  const [w, h] = SIZE[node.kind];
  const g = el("g", { class: `node ${node.kind}`, "data-id": node.id, tabindex: 0, role: "button" }, layer);
  g.setAttribute("transform", `translate(${box.x - w / 2},${box.y - h / 2})`);
  g.setAttribute("aria-label", describe(node));
  el("title", {}, g).textContent = describe(node);
  el("rect", { width: w, height: h, rx: 8, class: "box" }, g);
  if (node.kind === "priority") {
    const p = node.priority;
    text(g, 10, 20, "PRIORITY", "kind");
    text(g, 10, 40, short(p.title, 36), "title");
    if (p.unsupported) {
      g.classList.add("unsupported");
      g.dataset.unsupported = p.unsupported;
      text(g, 10, -6, `UNSUPPORTED: ${p.unsupported}`, "flag");
    }
    return g;
  }
  if (node.kind === "keyResult") {
    const kr = node.keyResult;
    text(g, 10, 18, short(kr.title, 25), "title");
    text(g, w - 10, 18, percent(kr.progress), "end small progress-text");
    progressBar(g, w, h + 4, kr.progress);
    g.dataset.progress = kr.progress ?? "";
    return g;
  }
  const o = node.kind === "group" ? null : node.objective;
  const progress = o ? o.progress : node.progress;
  const confidence = o ? o.confidence : node.confidence;
  g.dataset.progress = progress ?? "";
  if (o) {
    g.classList.add(o.tier === "STRATEGIC" ? "strategic" : "team");
    if (o.outside) g.classList.add("outside");
    text(g, 10, 20, short(o.title, 34), "title");
    text(g, 10, 38, short(o.owner.name, 24), "owner");
    if (o.keyResults.length) text(g, 150, 38, `${o.keyResults.length} KR`, "small kr-count");
    if (o.orphan) {
      g.classList.add("orphan");
      g.dataset.orphan = o.orphan;
      text(g, 10, -6, `ORPHAN: ${o.orphan}`, "flag");
    }
    if (o.unsupported) {
      g.classList.add("unsupported");
      text(g, 10, -6, "UNSUPPORTED: no team objective", "flag");
    }
  } else {
    text(g, 10, 20, short(node.name, 30), "title");
    text(g, 10, 38, `${node.members.length} team objectives`, "owner");
    if (node.orphans) {
      g.classList.add("orphan");
      text(g, 10, -6, `${node.orphans} ORPHANED`, "flag");
    }
  }
  text(g, w - 46, 38, percent(progress), "end small progress-text");
  const c = confidence === null || confidence === undefined ? "–" : Math.round(confidence);
  el("circle", { cx: w - 20, cy: 33, r: 12, class: `confidence ${confidenceClass(confidence)}` }, g);
  text(g, w - 20, 37, c, "middle small confidence-text");
  progressBar(g, w, h, progress);
  return g;
}

function pathOf(points) {
  const [first, ...rest] = points;
  return `M${first.x},${first.y} ${rest.map((p) => `L${p.x},${p.y}`).join(" ")}`;
}

// Lay out and draw; returns {svg, positions, drawMs}.
export function draw(container, view) {
  const started = performance.now();
  const layout = new dagre.graphlib.Graph();
  // dagre's network simplex ranks best but takes most of the time on large maps; tight-tree is about
  // twice as fast there (bench/map.py). ?ranker= chooses one.
  const ranker =
    new URLSearchParams(location.search).get("ranker") ?? (view.nodes.size > 150 ? "tight-tree" : "network-simplex");
  layout.setGraph({ rankdir: "LR", nodesep: 22, ranksep: 90, marginx: 30, marginy: 40, ranker });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of view.nodes.values()) {
    const [width, height] = SIZE[node.kind];
    layout.setNode(node.id, { width, height: height + 14 });
  }
  // Team objectives all start in one column right of the deepest strategy (a strategic objective can
  // contribute to another); an edge into that column is as long as it must be to reach it. An objective
  // with nothing above it (an orphan) hangs from an invisible anchor beside the priorities.
  const teamLayer = (node) =>
    node.kind === "group" ||
    node.objective?.tier === "TEAM" ||
    (node.kind === "keyResult" && view.nodes.get(node.objectiveId)?.objective.tier === "TEAM");
  const depth = new Map();
  for (let changed = true, rounds = 0; changed && rounds < view.nodes.size + 1; rounds++) {
    changed = false;
    for (const e of view.edges) {
      const to = view.nodes.get(e.to);
      if (teamLayer(to)) continue;
      const d = (depth.get(e.from) ?? 0) + 1;
      if (d > (depth.get(e.to) ?? 0)) {
        depth.set(e.to, d);
        changed = true;
      }
    }
  }
  const start = Math.max(1, ...depth.values()) + 1;
  for (const edge of view.edges) {
    const [from, to] = [view.nodes.get(edge.from), view.nodes.get(edge.to)];
    const minlen = teamLayer(to) && !teamLayer(from) ? start - (depth.get(edge.from) ?? 0) : 1;
    layout.setEdge(edge.from, edge.to, { key: edge.key, minlen });
  }
  layout.setNode("anchor", { width: 1, height: 1 });
  const above = new Set(view.edges.map((e) => e.to));
  for (const node of view.nodes.values()) {
    if (node.kind === "priority" || above.has(node.id)) continue;
    layout.setEdge("anchor", node.id, { minlen: teamLayer(node) ? start : 1 });
  }
  dagre.layout(layout);
  const layoutMs = performance.now() - started;
  const size = layout.graph();
  container.replaceChildren();
  const svg = el("svg", { id: "map-svg", width: size.width + 340, height: size.height, role: "group" }, container);
  svg.setAttribute("aria-label", "Alignment map: priorities, strategic objectives and team objectives");
  const defs = el("defs", {}, svg);
  for (const id of ["arrow", "arrow-dependency", "arrow-risk"]) {
    const marker = el("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", class: id }, marker);
  }
  const edgeLayer = el("g", { class: "edges" }, svg);
  for (const edge of view.edges) {
    const points = layout.edge(edge.from, edge.to).points;
    const classes = `edge ${edge.kind}${edge.counts ? "" : " not-counting"}`;
    const path = el("path", { d: pathOf(points), class: classes, "marker-end": "url(#arrow)" }, edgeLayer);
    path.dataset.from = edge.from;
    path.dataset.to = edge.to;
    if (!edge.counts) el("title", {}, path).textContent = "Contributes, but does not count toward progress";
  }
  const dependencyLayer = el("g", { class: "dependencies" }, svg);
  for (const d of view.dependencies) {
    const a = layout.node(d.fromNode);
    const b = layout.node(d.toNode);
    const x1 = a.x + a.width / 2;
    const x2 = b.x + b.width / 2;
    const bend = 60 + Math.abs(a.y - b.y) / 6;
    const g = el("g", { class: `dependency${d.atRisk ? " at-risk" : ""}`, tabindex: 0, role: "button" }, dependencyLayer);
    Object.assign(g.dataset, { from: d.from.id, to: d.to.id, toOwner: d.to.owner.name, fromOwner: d.from.owner.name });
    g.dataset.reasons = d.riskReasons.join(",");
    const many = d.count > 1 ? ` (${d.count} dependencies)` : "";
    const about = `${d.from.owner.name} depends on ${d.to.owner.name}${many}: ${d.to.title}${
      d.atRisk ? `. At risk: ${d.riskReasons.join(", ")}` : ""
    }${d.note ? `. ${d.note}` : ""}`;
    g.setAttribute("aria-label", about);
    el("title", {}, g).textContent = about;
    const d3 = `M${x1},${a.y} C${Math.max(x1, x2) + bend},${a.y} ${Math.max(x1, x2) + bend},${b.y} ${x2},${b.y}`;
    el("path", { d: d3, class: "hit" }, g);
    el("path", { d: d3, class: "line", "marker-end": `url(#${d.atRisk ? "arrow-risk" : "arrow-dependency"})` }, g);
    // Labels only where they stay readable; the reasons are always in the line's title and aria-label.
    if (d.atRisk && view.dependencies.length <= 24) text(g, Math.max(x1, x2) + bend * 0.75 + 4, (a.y + b.y) / 2, `at risk: ${d.riskReasons.join(", ")}`, "risk-label");
  }
  const nodeLayer = el("g", { class: "nodes" }, svg);
  for (const node of view.nodes.values()) drawNode(nodeLayer, node, layout.node(node.id));
  const drawMs = performance.now() - started;
  svg.dataset.drawMs = drawMs.toFixed(1);
  return { svg, layout, drawMs, layoutMs };
}

// A pushed value: move an objective's (or key result's) bar and figure in place, without drawing again.
export function setProgress(svg, id, progress) {
  const g = svg.querySelector(`.node[data-id="${CSS.escape(id)}"]`);
  if (!g) return;
  g.dataset.progress = progress ?? "";
  const back = g.querySelector(".bar-back");
  g.querySelector(".bar").setAttribute("width", back.getAttribute("width") * (progress ?? 0));
  g.querySelector(".progress-text").textContent = percent(progress);
}
