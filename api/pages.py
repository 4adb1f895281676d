"""The browser side: the alignment map at / and /map, its files, and GraphiQL's files, all from this process.

The map (web/map/) is static: plain HTML, CSS and JavaScript modules that read the public GraphQL API like
any other client. The libraries it and GraphiQL need are npm packages pinned by web/package-lock.json, which
`make install` copies into web/vendor/ (web/copy-vendor.mjs). Nothing is fetched from another host at run
time, so the map and GraphiQL work on a network that blocks CDNs, or with none.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from html import escape
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from strawberry.http.ides import get_graphql_ide_html

log = logging.getLogger("aligngraph")
WEB = Path(__file__).resolve().parents[1] / "web"
MAP = WEB / "map"
VENDOR = WEB / "vendor"

# strawberry's GraphiQL page loads these (by package path) from a CDN; web/package.json pins the same versions,
# and web/copy-vendor.mjs copies them to these names. The page keeps strawberry's integrity hashes.
GRAPHIQL_FILES = {
    "react@18.2.0/umd/react.production.min.js": "react.production.min.js",
    "react-dom@18.2.0/umd/react-dom.production.min.js": "react-dom.production.min.js",
    "js-cookie@3.0.5/dist/js.cookie.min.js": "js.cookie.min.js",
    "graphiql@3.8.3/graphiql.min.css": "graphiql.min.css",
    "graphiql@3.8.3/graphiql.min.js": "graphiql.min.js",
    "@graphiql/plugin-explorer@1.0.2/dist/style.css": "plugin-explorer.css",
    "@graphiql/plugin-explorer@1.0.2/dist/index.umd.js": "plugin-explorer.umd.js",
}
_REMOTE = re.compile(r'(src|href)="https?://[^/"]+/([^"]+)"')

NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Alignment Graph</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>The page's files are not installed</h1>
<p>Run <code>make install</code> (it needs Node 20 and npm): it copies the pinned JavaScript libraries into
<code>web/vendor/</code>. The GraphQL API at <a href="/graphql">/graphql</a> works without them.</p>
"""


GRAPHIQL_OUT_OF_DATE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>GraphiQL</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>GraphiQL's files are out of date</h1>
<p>The installed strawberry-graphql loads GraphiQL files this service does not serve, and the service never
loads them from a CDN. Update <code>web/package.json</code> and <code>GRAPHIQL_FILES</code> in
<code>api/pages.py</code> to these versions, then run <code>make install</code>:</p>
<ul>{files}</ul>
<p>The GraphQL API at <code>POST /graphql</code> works without them.</p>
"""


@cache
def graphiql_html() -> str:
    """strawberry's GraphiQL page, loading its scripts and styles from /static/vendor/ instead of a CDN.

    Should a newer strawberry load other versions, the page says what to update instead (and so does the log):
    it never falls back to the CDN. tests/api/test_pages.py fails on it, so CI catches it first.
    """

    def local(match: re.Match[str]) -> str:
        name = GRAPHIQL_FILES.get(match.group(2))
        return f'{match.group(1)}="/static/vendor/{name}"' if name else match.group(0)

    html = _REMOTE.sub(local, get_graphql_ide_html("graphiql"))
    missing = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    if missing:
        log.error(
            "strawberry's GraphiQL page loads files api/pages.py does not serve; update web/package.json "
            "and GRAPHIQL_FILES to the versions it loads: %s",
            missing,
        )
        return GRAPHIQL_OUT_OF_DATE.format(
            files="".join(f"<li><code>{escape(url)}</code></li>" for url in missing)
        )
    return html


def built() -> bool:
    """Whether `make install` has copied the libraries into web/vendor/."""
    return (VENDOR / "dagre.min.js").is_file() and (VENDOR / "graphiql.min.js").is_file()


def pages_router() -> APIRouter:
    router = APIRouter()

    @router.get("/", include_in_schema=False)
    @router.get("/map", include_in_schema=False)
    async def alignment_map() -> Response:
        """The alignment map: a static page that reads /graphql."""
        if not built():
            return HTMLResponse(NOT_BUILT, status_code=503)
        return FileResponse(MAP / "index.html", media_type="text/html")

    return router


def mount_pages(app: FastAPI) -> None:
    """Serve the map at / and /map, its files at /static/map/ and the libraries at /static/vendor/."""
    app.include_router(pages_router())
    app.mount("/static/map", StaticFiles(directory=MAP), name="map")
    app.mount("/static/vendor", StaticFiles(directory=VENDOR, check_dir=False), name="vendor")
