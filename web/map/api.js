// The map's only way to the service: GraphQL over HTTP (POST /graphql) and keyResultUpdated over a websocket
// (graphql-transport-ws). Where reads need a token the page asks for it once and keeps it in sessionStorage.

const TOKEN_KEY = "aligngraph.token";

export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join("; "));
    this.code = errors[0]?.extensions?.code;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

// Ask for a token in the page's dialog; resolves once one is entered.
function askToken(problem) {
  const dialog = document.getElementById("token-dialog");
  const input = document.getElementById("token-input");
  document.getElementById("token-problem").textContent = problem;
  input.value = "";
  return new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        sessionStorage.setItem(TOKEN_KEY, input.value.trim());
        resolve();
      },
      { once: true },
    );
    dialog.showModal();
    input.focus();
  });
}

// Run one named operation; on UNAUTHENTICATED ask for a token and try again.
export async function gql(query, variables = {}) {
  const operationName = /^\s*(?:query|subscription|mutation)\s+(\w+)/.exec(query)?.[1];
  for (;;) {
    const headers = { "Content-Type": "application/json" };
    if (token()) headers.Authorization = `Bearer ${token()}`;
    const response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables, operationName }),
    });
    const body = await response.json();
    if (body.errors?.length) {
      const error = new GraphQLError(body.errors);
      if (error.code === "UNAUTHENTICATED") {
        await askToken(error.message);
        continue;
      }
      throw error;
    }
    return body.data;
  }
}

// Every page of a connection: `pick(data)` returns the connection ({nodes, pageInfo}).
export async function all(query, variables, pick) {
  const nodes = [];
  let after = null;
  for (;;) {
    const connection = pick(await gql(query, { ...variables, first: 100, after }));
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

// Subscribe to keyResultUpdated; calls onEvent(update) for each, reconnecting after a drop.
// Returns a function that stops it.
export function subscribe(query, variables, onEvent, onStatus = () => {}) {
  let socket;
  let stopped = false;
  const open = () => {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
    socket = new WebSocket(url, "graphql-transport-ws");
    socket.onopen = () => {
      const payload = token() ? { authorization: `Bearer ${token()}` } : {};
      socket.send(JSON.stringify({ type: "connection_init", payload }));
    };
    socket.onmessage = (message) => {
      const data = JSON.parse(message.data);
      if (data.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query, variables } }));
        onStatus("live");
      } else if (data.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      } else if (data.type === "next" && data.payload.data) {
        onEvent(data.payload.data.keyResultUpdated);
      }
    };
    socket.onclose = () => {
      onStatus("offline");
      if (!stopped) setTimeout(open, 2000);
    };
  };
  open();
  return () => {
    stopped = true;
    socket.close();
  };
}
