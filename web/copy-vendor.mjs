// Copy the browser files the service serves out of node_modules (installed by `npm ci` from
// package-lock.json) into web/vendor/, flat, under their unpkg names. `make install` runs it; the service
// serves web/vendor/ at /static/vendor/ (api/pages.py). GraphiQL's page keeps strawberry's integrity
// hashes, so a file that differs from the one strawberry pinned is refused by the browser.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const FILES = {
  "dagre.min.js": "@dagrejs/dagre/dist/dagre.min.js",
  "react.production.min.js": "react/umd/react.production.min.js",
  "react-dom.production.min.js": "react-dom/umd/react-dom.production.min.js",
  "js.cookie.min.js": "js-cookie/dist/js.cookie.min.js",
  "graphiql.min.js": "graphiql/graphiql.min.js",
  "graphiql.min.css": "graphiql/graphiql.min.css",
  "plugin-explorer.umd.js": "@graphiql/plugin-explorer/dist/index.umd.js",
  "plugin-explorer.css": "@graphiql/plugin-explorer/dist/style.css",
};

const out = join(here, "vendor");
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
for (const [name, source] of Object.entries(FILES)) {
  copyFileSync(join(here, "node_modules", source), join(out, name));
}
console.log(`web/vendor: ${Object.keys(FILES).length} files`);
