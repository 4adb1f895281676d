// The side panel: one objective's key results, confidence trend, latest GRIP check-in, path to strategy and
// impact, or one dependency's risk. Read fresh from GraphQL each time it opens.
import { gql } from "./api.js";
import { percent } from "./draw.js";

const OBJECTIVE = `query MapPanel($id: ID!) {
  objective(id: $id) {
    id title description tier status progress confidence
    owner { name } cycle { name }
    keyResults { id title kind unit direction baseline current target progress done }
    confidenceTrend { direction change points { at confidence } }
    checkIns(first: 1) { nodes { createdAt confidence issues plan author } }
  }
  pathToStrategy(objectiveId: $id) { steps { id kind title } priority { id title } }
  impact(id: $id) {
    priorities { id title distance throughDependency }
    strategicObjectives { id title ownerName distance throughDependency }
    teamObjectives { id title ownerName distance throughDependency }
  }
}`;

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const number = (v) => (v === null || v === undefined ? "–" : String(v));

function keyResults(list) {
  if (!list.length) return h("p", {}, "No key results.");
  const rows = list.map((kr) =>
    h(
      "tr",
      { class: "kr", "data-id": kr.id },
      h("th", { scope: "row" }, kr.title, kr.kind === "METRIC" ? null : h("span", { class: "tag" }, ` ${kr.kind}`)),
      kr.kind === "MILESTONE"
        ? h("td", { colSpan: 3 }, kr.done ? "done" : "not done")
        : [
            h("td", { class: "kr-baseline", "data-value": kr.baseline ?? "" }, number(kr.baseline)),
            h("td", { class: "kr-current", "data-value": kr.current ?? "" }, number(kr.current)),
            h("td", { class: "kr-target", "data-value": kr.target ?? "" }, `${number(kr.target)} ${kr.unit ?? ""}`),
          ],
      h("td", { class: "kr-progress", "data-value": kr.progress ?? "" }, percent(kr.progress)),
    ),
  );
  const head = h("tr", {}, ["Key result", "Baseline", "Current", "Target", "Progress"].map((t) => h("th", { scope: "col" }, t)));
  return h("table", { class: "krs" }, h("thead", {}, head), h("tbody", {}, rows));
}

function trend(t) {
  const points = t.points.map((p) => p.confidence);
  const change = t.change === null ? "" : ` (${t.change > 0 ? "+" : ""}${t.change})`;
  const line = h("p", { class: "trend" }, `${t.direction}${change}`, points.length ? `: ${points.join(" → ")}` : ": no check-ins");
  return points.length > 1 ? h("div", {}, line, sparkline(t.points)) : line;
}

// Confidence 0..10 at each check-in, oldest first, as a small line chart (its text is the line above).
function sparkline(points) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  const [w, height, pad] = [240, 44, 4];
  svg.setAttribute("width", w);
  svg.setAttribute("height", height);
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("aria-hidden", "true");
  const x = (n) => pad + (n * (w - 2 * pad)) / (points.length - 1);
  const y = (c) => height - pad - (c * (height - 2 * pad)) / 10;
  const path = document.createElementNS(NS, "polyline");
  path.setAttribute("points", points.map((p, n) => `${x(n)},${y(p.confidence)}`).join(" "));
  svg.append(path);
  for (const [n, p] of points.entries()) {
    const dot = document.createElementNS(NS, "circle");
    Object.entries({ cx: x(n), cy: y(p.confidence), r: 3 }).forEach(([k, v]) => dot.setAttribute(k, v));
    const title = document.createElementNS(NS, "title");
    title.textContent = `${p.at.slice(0, 10)}: ${p.confidence}`;
    dot.append(title);
    svg.append(dot);
  }
  return svg;
}

function checkIn(list) {
  const c = list[0];
  if (!c) return h("p", {}, "No check-in yet.");
  return h(
    "div",
    { class: "checkin" },
    h("p", {}, `${c.createdAt.slice(0, 10)} by ${c.author}, confidence ${c.confidence}`),
    c.issues.length ? h("ul", { class: "issues" }, c.issues.map((i) => h("li", {}, i))) : h("p", {}, "No issues raised."),
    h("p", {}, h("strong", {}, "Plan: "), c.plan),
  );
}

function paths(list, select) {
  if (!list.length) return h("p", { class: "flag-text" }, "No path to any priority.");
  return h(
    "ol",
    { class: "paths" },
    list.map((path) =>
      h("li", {}, path.steps.flatMap((s, n) => [n ? " → " : "", link(s.id, s.title, select)])),
    ),
  );
}

function link(id, title, select) {
  const a = h("a", { href: `#${id}` }, title);
  a.addEventListener("click", (event) => {
    event.preventDefault();
    select(id);
  });
  return h("span", { class: "step" }, a, " ");
}

function impact(i, select) {
  const goals = [...i.priorities, ...i.strategicObjectives, ...i.teamObjectives];
  if (!goals.length) return h("p", {}, "Nothing above depends on it.");
  return h(
    "ul",
    { class: "impact" },
    goals.map((g) =>
      h("li", {}, link(g.id, g.title, select), g.ownerName ? `(${g.ownerName}) ` : "", g.throughDependency ? "via a dependency" : ""),
    ),
  );
}

// Fill the panel for an objective; `select(id)` moves the map to another one; `toggle(id)` shows its KRs.
export async function showObjective(panel, id, { select, toggle, expanded }) {
  panel.hidden = false;
  panel.dataset.id = id;
  panel.replaceChildren(h("p", {}, "Loading…"));
  const data = await gql(OBJECTIVE, { id });
  if (panel.dataset.id !== id) return;
  const o = data.objective;
  const close = h("button", { class: "close", type: "button", ariaLabel: "Close the panel" }, "×");
  close.addEventListener("click", () => {
    panel.hidden = true;
  });
  const show = h("button", { type: "button" }, expanded ? "Hide key results on the map" : "Show key results on the map");
  show.addEventListener("click", () => toggle(id));
  panel.replaceChildren(
    close,
    h("h2", { id: "panel-title" }, o.title),
    h("p", { class: "meta" }, `${o.id} · ${o.tier} · ${o.owner.name} · ${o.cycle.name} · ${o.status}`),
    h("p", { class: "summary" }, `Progress ${percent(o.progress)} · confidence ${o.confidence ?? "–"}`, " ", show),
    h("h3", {}, "Key results"),
    keyResults(o.keyResults),
    h("h3", {}, "Confidence trend"),
    trend(o.confidenceTrend),
    h("h3", {}, "Latest check-in"),
    checkIn(o.checkIns.nodes),
    h("h3", {}, "Path to strategy"),
    paths(data.pathToStrategy, select),
    h("h3", {}, "Impact"),
    impact(data.impact, select),
  );
}

export function showDependency(panel, d) {
  panel.hidden = false;
  panel.dataset.id = "";
  const close = h("button", { class: "close", type: "button", ariaLabel: "Close the panel" }, "×");
  close.addEventListener("click", () => {
    panel.hidden = true;
  });
  panel.replaceChildren(
    close,
    h("h2", {}, `${d.from.owner.name} depends on ${d.to.owner.name}`),
    h("p", {}, `${d.from.title} → ${d.to.title}`),
    d.note ? h("p", {}, d.note) : null,
    h("p", { class: d.atRisk ? "flag-text" : "" }, d.atRisk ? `At risk: ${d.riskReasons.join(", ")}` : "Not at risk"),
    h("p", {}, `${d.to.owner.name}'s progress ${percent(d.to.progress)}, expected ${percent(d.expectedProgress)} by now; confidence ${d.to.confidence ?? "–"}`),
  );
}
