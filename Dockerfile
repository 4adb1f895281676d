# Alignment Graph API image. Runs the same command as `make run`: `aligngraph serve --demo`.
# Neo4j is NOT inside this image: docker-compose.yml runs it as its own service and sets NEO4J_URI.

# The browser files (the map's layout library, GraphiQL's scripts and styles), pinned by
# web/package-lock.json and copied into web/vendor/ as `make install` does; the service serves them itself.
FROM node:20-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json web/copy-vendor.mjs ./
RUN npm ci --no-audit --no-fund --loglevel=error && node copy-vendor.mjs

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, in their own layer, read straight from pyproject.toml so that nothing is listed
# twice: editing the code then rebuilds only the last layers.
# The client (a dependency, not on PyPI) is installed from clients/python in the same pip call, which
# then takes it for the `aligngraph-client` requirement.
COPY pyproject.toml ./
COPY clients/python ./clients/python
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install ./clients/python -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Editable install ON PURPOSE: graph/core/cypher.py finds the queries at Path(__file__).parents[2] / "cypher".
# A plain `pip install .` would put the packages in site-packages, where that path points at a
# site-packages/cypher folder that does not exist. With `-e` the code runs from /app, next to /app/cypher,
# exactly as it does in a developer's checkout, and pip still creates the `aligngraph` command.
COPY . .
COPY --from=web /web/vendor ./web/vendor
RUN pip install --no-deps -e . \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin aligngraph

# The code stays owned by root (read-only for the service); the service runs unprivileged.
USER aligngraph

EXPOSE 8000

# Liveness: the process answers (/livez never asks Neo4j, so a database outage restarts nothing).
# Readiness is /readyz (503 while Neo4j is unreachable): the compose file's healthcheck uses it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/livez', timeout=3).status == 200 else 1)"]

# Same command as `make run`; --host 0.0.0.0 so that the published port reaches it.
CMD ["aligngraph", "serve", "--demo", "--host", "0.0.0.0"]
