// The same data as a table, for screen readers and for people who prefer lists.
import { percent } from "./draw.js";

function cell(tag, content, attributes = {}) {
  const node = document.createElement(tag);
  Object.assign(node, attributes);
  node.append(content ?? "");
  return node;
}

function row(cells) {
  const tr = document.createElement("tr");
  tr.append(...cells);
  return tr;
}

function table(caption, headings, rows) {
  const t = document.createElement("table");
  t.className = "list";
  t.append(cell("caption", caption));
  const head = document.createElement("thead");
  head.append(row(headings.map((h) => cell("th", h, { scope: "col" }))));
  const body = document.createElement("tbody");
  body.append(...rows);
  t.append(head, body);
  return t;
}

export function drawTable(container, model, select) {
  const button = (id, title) => {
    const b = cell("button", title, { type: "button", className: "link" });
    b.addEventListener("click", () => select(id));
    return b;
  };
  const priorities = [...model.priorities.values()].map((p) =>
    row([cell("th", p.title, { scope: "row" }), cell("td", p.id), cell("td", p.unsupported ? `UNSUPPORTED: ${p.unsupported}` : "")]),
  );
  const parentsOf = (o) =>
    [...o.supports.map((p) => p.id), ...o.parents.map((c) => `${c.parent.id}${c.countsTowardProgress ? "" : " (not counting)"}`)].join(", ");
  const order = (o) => (o.tier === "STRATEGIC" ? 0 : 1);
  const objectives = [...model.objectives.values()]
    .sort((a, b) => order(a) - order(b) || a.owner.name.localeCompare(b.owner.name) || a.id.localeCompare(b.id))
    .map((o) => {
      const tr = row([
        cell("th", button(o.id, o.title), { scope: "row" }),
        cell("td", o.id),
        cell("td", o.tier),
        cell("td", o.owner.name),
        cell("td", percent(o.progress)),
        cell("td", o.confidence ?? "–"),
        cell("td", parentsOf(o) || "nothing"),
        cell("td", [o.orphan ? `ORPHAN: ${o.orphan}` : "", o.unsupported ? "UNSUPPORTED" : "", o.outside ? "outside the unit" : ""].filter(Boolean).join("; ")),
      ]);
      tr.dataset.id = o.id;
      return tr;
    });
  const dependencies = model.dependencies.map((d) =>
    row([
      cell("th", `${d.from.owner.name}: ${d.from.title}`, { scope: "row" }),
      cell("td", `${d.to.owner.name}: ${d.to.title}`),
      cell("td", d.atRisk ? `AT RISK: ${d.riskReasons.join(", ")}` : "on track"),
      cell("td", d.note ?? ""),
    ]),
  );
  container.replaceChildren(
    table("Priorities", ["Priority", "Id", "Flags"], priorities),
    table("Objectives", ["Objective", "Id", "Tier", "Owner", "Progress", "Confidence", "Aligns to", "Flags"], objectives),
    table("Cross-team dependencies", ["Depends", "On", "Risk", "Note"], dependencies),
  );
}
