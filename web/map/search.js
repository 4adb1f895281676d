// Search by title or id: up to 12 matches under the box; Enter (or a click) goes to one.

export function search(input, list, model, select) {
  const term = input.value.trim().toLowerCase();
  list.replaceChildren();
  if (!term || !model) return;
  const all = [...model.priorities.values(), ...model.objectives.values()];
  const found = all.filter((x) => x.id.toLowerCase().includes(term) || x.title.toLowerCase().includes(term)).slice(0, 12);
  for (const item of found) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = `${item.title} (${item.id})`;
    b.addEventListener("click", () => {
      list.replaceChildren();
      select(item.id);
    });
    li.append(b);
    list.append(li);
  }
  if (!found.length) list.append(Object.assign(document.createElement("li"), { textContent: "No match" }));
}
