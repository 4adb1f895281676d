// The alignment map: pickers, map or table, search, the side panel and live progress.
// The state a reader chose is in the address (?org=&cycle=&unit=&collapse=&deps=&view=&zoom=), so a map
// can be shared.
import { subscribe } from "./api.js";
import { children, cycles, loadMap, objectiveCount, organisations, progressOf } from "./data.js";
import { draw, setProgress } from "./draw.js";
import { buildView } from "./graph.js";
import { showDependency, showObjective } from "./panel.js";
import { search } from "./search.js";
import { drawTable } from "./table.js";

// Above this many objectives the map asks for a smaller unit instead of drawing (docs: README, the map);
// ?max= sets another limit.
const MAX_OBJECTIVES = Number(new URLSearchParams(location.search).get("max") ?? 1500);
// Above this many, team objectives start folded into one node per team.
const FOLD_ABOVE = 250;
const UPDATES = `subscription MapUpdates($teamId: ID) {
  keyResultUpdated(teamId: $teamId) { keyResultId objectiveId progress current missed }
}`;

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = { model: null, view: null, drawn: null, stop: null, cycles: [], orgs: [] };
window.alignmentMap = { ready: false, updates: 0 };

function option(value, label, depth = 0) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = `${"\u00a0\u00a0".repeat(depth)}${label}`;
  return o;
}

function remember() {
  const p = new URLSearchParams({ org: $("org").value, cycle: $("cycle").value, unit: $("unit").value });
  p.set("collapse", $("collapse").value);
  p.set("deps", $("deps").value);
  if ($("as-table").checked) p.set("view", "table");
  history.replaceState(null, "", `${location.pathname}?${p}`);
}

function status(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

async function fillUnits(preferred) {
  const org = state.orgs.find((o) => o.id === $("org").value);
  const select = $("unit");
  select.replaceChildren();
  for (const top of org?.topUnits ?? []) {
    select.append(option(top.id, top.name));
    for (const unit of await children(top.id)) select.append(option(unit.id, unit.name, 1));
  }
  if (preferred && ![...select.options].some((o) => o.value === preferred)) select.append(option(preferred, preferred, 1));
  if (preferred) select.value = preferred;
}

// A chosen business unit lists its teams below it, so a reader can narrow the map further.
async function addSubUnits() {
  const select = $("unit");
  const current = select.selectedOptions[0];
  if (!current || current.dataset.opened) return;
  current.dataset.opened = "1";
  const depth = current.textContent.length - current.textContent.trimStart().length;
  const subUnits = await children(current.value);
  current.after(...subUnits.map((u) => option(u.id, u.name, depth / 2 + 1)));
}

function redraw() {
  const model = state.model;
  const view = buildView(model, state.view);
  state.built = view;
  const onTable = $("as-table").checked;
  $("map").hidden = onTable;
  $("table").hidden = !onTable;
  drawTable($("table"), model, select);
  const drawn = draw($("map"), view);
  state.drawn = drawn;
  Object.assign(window.alignmentMap, {
    ready: true,
    drawMs: drawn.drawMs,
    layoutMs: drawn.layoutMs,
    loadMs: model.loadMs,
    objectives: model.objectives.size,
    nodes: view.nodes.size,
    edges: view.edges.length,
    dependencies: view.dependencies.length,
  });
  status(`${model.objectives.size} objectives, ${view.nodes.size} nodes; loaded in ${Math.round(model.loadMs)} ms, drawn in ${Math.round(drawn.drawMs)} ms`);
}

async function load() {
  window.alignmentMap.ready = false;
  remember();
  const cycle = state.cycles.find((c) => c.id === $("cycle").value);
  if (!cycle) return status("Choose a cycle.", true);
  status("Loading…");
  state.stop?.();
  const unitId = $("unit").value || null;
  const counted = await objectiveCount(cycle, unitId);
  if (counted > MAX_OBJECTIVES) {
    $("map").replaceChildren();
    window.alignmentMap = { ...window.alignmentMap, ready: true, tooLarge: counted };
    return status(`${counted} objectives: too many to draw at once. Choose a business unit or team.`, true);
  }
  state.model = await loadMap(cycle, unitId);
  if (!params.has("collapse") && !state.collapseChosen) {
    $("collapse").value = state.model.objectives.size > FOLD_ABOVE ? "team" : "none";
  }
  state.view = { collapse: $("collapse").value, openGroups: new Set(), expanded: new Set(), dependencies: $("deps").value };
  redraw();
  let connections = 0;
  state.stop = subscribe(UPDATES, { teamId: unitId }, queueUpdate, (s) => {
    $("live").textContent = s === "live" ? "● live" : "○ offline";
    // Back after a drop: what was pushed meanwhile never arrives, so read every objective again.
    if (s === "live" && connections++ > 0) queueUpdate({ missed: 1 });
  });
}


// Live progress: updates are gathered for 100 ms, then the objectives they touch are read again.
let pending = new Set();
let timer = null;
function queueUpdate(update) {
  if (!state.model) return;
  // Updates the server dropped for this page (it read too slowly): read every objective's progress again.
  if (update.missed > 0) for (const id of state.model.objectives.keys()) pending.add(id);
  if (state.model.objectives.has(update.objectiveId)) pending.add(update.objectiveId);
  clearTimeout(timer);
  timer = setTimeout(flush, 100);
}

async function flush() {
  const ids = [...pending];
  pending = new Set();
  for (const fresh of await progressOf(ids)) {
    const o = state.model.objectives.get(fresh.id);
    o.progress = fresh.progress;
    const byId = new Map(fresh.keyResults.map((kr) => [kr.id, kr]));
    for (const kr of o.keyResults) Object.assign(kr, byId.get(kr.id) ?? {});
    const svg = state.drawn.svg;
    setProgress(svg, o.id, o.progress);
    for (const kr of o.keyResults) setProgress(svg, kr.id, kr.progress);
    const group = state.built.shownAs.get(o.id);
    if (group !== o.id) {
      const node = state.built.nodes.get(group);
      const known = node.members.map((m) => m.progress).filter((p) => p !== null);
      setProgress(svg, group, known.length ? known.reduce((a, b) => a + b, 0) / known.length : null);
    }
    if ($("panel").dataset.id === o.id && !$("panel").hidden) openPanel(o.id);
  }
  drawTable($("table"), state.model, select);
  window.alignmentMap.updates += ids.length;
}

function openPanel(id) {
  showObjective($("panel"), id, {
    select,
    expanded: state.view.expanded.has(id),
    toggle: (objectiveId) => {
      toggleKeyResults(objectiveId);
      openPanel(objectiveId);
    },
  }).catch((error) => status(error.message, true));
}

function toggleKeyResults(id) {
  const expanded = state.view.expanded;
  if (expanded.has(id)) expanded.delete(id);
  else expanded.add(id);
  redraw();
  focusNode(id);
}

function focusNode(id) {
  const node = state.drawn.svg.querySelector(`.node[data-id="${CSS.escape(id)}"]`);
  if (!node) return;
  state.drawn.svg.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  node.classList.add("selected");
  node.scrollIntoView?.({ block: "center", inline: "center" });
  node.focus({ preventScroll: true });
}

// Go to a node by id: open its group if folded, focus it, and show its panel.
function select(id) {
  if (!state.model) return;
  const objective = state.model.objectives.get(id);
  const shown = state.built.shownAs.get(id);
  if (objective && shown && shown !== id) {
    state.view.openGroups.add(shown);
    redraw();
  }
  if ($("as-table").checked && objective) {
    $("table").querySelector(`tr[data-id="${CSS.escape(id)}"] button`)?.focus();
  } else focusNode(id);
  if (objective) openPanel(id);
}

function activate(target) {
  const node = target.closest(".node");
  if (node) {
    const id = node.dataset.id;
    if (id.startsWith("group:")) {
      state.view.openGroups.add(id);
      redraw();
      return;
    }
    if (state.model.objectives.has(id)) select(id);
    else focusNode(id);
    return;
  }
  const dependency = target.closest(".dependency");
  if (dependency) {
    const d = state.model.dependencies.find((x) => x.from.id === dependency.dataset.from && x.to.id === dependency.dataset.to);
    state.drawn.svg.querySelectorAll(".dependency.selected").forEach((n) => n.classList.remove("selected"));
    dependency.classList.add("selected");
    showDependency($("panel"), d);
  }
}


async function start() {
  state.orgs = await organisations();
  for (const org of state.orgs) $("org").append(option(org.id, org.name));
  if (params.get("org")) $("org").value = params.get("org");
  state.cycles = await cycles();
  for (const c of state.cycles) $("cycle").append(option(c.id, c.name, c.parent ? 1 : 0));
  const year = state.cycles.find((c) => c.kind === "YEAR") ?? state.cycles[0];
  $("cycle").value = params.get("cycle") ?? year?.id ?? "";
  $("collapse").value = params.get("collapse") ?? "none";
  $("deps").value = params.get("deps") ?? "all";
  $("as-table").checked = params.get("view") === "table";
  if (params.get("zoom")) {
    $("zoom").value = params.get("zoom");
    $("map").style.setProperty("--zoom", $("zoom").value);
  }
  await fillUnits(params.get("unit"));
  $("org").addEventListener("change", async () => {
    await fillUnits(null);
    load();
  });
  $("cycle").addEventListener("change", load);
  $("unit").addEventListener("change", async () => {
    await addSubUnits();
    load();
  });
  $("collapse").addEventListener("change", () => {
    state.collapseChosen = true;
    state.view.collapse = $("collapse").value;
    state.view.openGroups.clear();
    remember();
    redraw();
  });
  $("deps").addEventListener("change", () => {
    state.view.dependencies = $("deps").value;
    remember();
    redraw();
  });
  $("as-table").addEventListener("change", () => {
    remember();
    redraw();
  });
  $("search").addEventListener("input", () => search($("search"), $("search-results"), state.model, select));
  $("search").addEventListener("keydown", (event) => {
    if (event.key === "Enter") $("search-results").querySelector("button")?.click();
  });
  $("map").addEventListener("click", (event) => activate(event.target));
  $("map").addEventListener("keydown", (event) => {
    const node = event.target.closest(".node");
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      activate(event.target);
    } else if ((event.key === "+" || event.key === "-") && node && state.model.objectives.has(node.dataset.id)) {
      toggleKeyResults(node.dataset.id);
    } else if (node && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      // Arrows walk the nodes in drawing order (layer by layer), as Tab does.
      event.preventDefault();
      const next = event.key === "ArrowDown" ? node.nextElementSibling : node.previousElementSibling;
      next?.focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") $("panel").hidden = true;
    if (event.key === "/" && document.activeElement !== $("search")) {
      event.preventDefault();
      $("search").focus();
    }
  });
  $("zoom").addEventListener("input", () => {
    $("map").style.setProperty("--zoom", $("zoom").value);
  });
  await load();
}

start().catch((error) => status(error.message, true));
