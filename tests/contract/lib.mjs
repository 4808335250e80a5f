// What every contract test needs: the server's address, logins over HTTP, sockets from the
// real socket.io-client, commands with their acknowledgement, and waiting for events.
// Written from docs/protocol.md and the shared protocol page alone, as an outside
// program would be: nothing here knows the server's code.

import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import { io } from "socket.io-client";

export const SERVER = process.env.MEETING_SERVER_URL ?? "http://127.0.0.1:8765";
export const PASSWORD = process.env.MEETING_DEMO_PASSWORD ?? "demo";
export const ALLOWED_ORIGIN = process.env.MEETING_CORS_ORIGIN ?? "";
const WAIT_MS = 15000;
// Where to note each command answered ok (one name a line), when the runner asks: it checks
// that together the files take every declared command through its happy path.
const ANSWERED_LOG = process.env.MEETING_CONTRACT_ANSWERED ?? "";

/** POST /api/login; the whole answer (`token`, `user`, ...). */
export async function login(username, password = PASSWORD) {
  const answer = await fetch(`${SERVER}/api/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = await answer.json();
  assert.equal(answer.status, 200, `login of ${username}: ${JSON.stringify(body)}`);
  assert.equal(typeof body.token, "string");
  return body;
}

/** A socket of the real client, connected with `auth = {token, protocol: 1}`. */
export async function connect(token, options = {}) {
  const socket = io(SERVER, {
    auth: { token, protocol: 1 },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  socket.events = [];
  socket.on("meeting.event", (event) => socket.events.push(event));
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Why a connection was refused: the `connect_error` the client saw. */
export async function refusal(auth) {
  const socket = io(SERVER, { auth, transports: ["websocket"], reconnection: false, forceNew: true });
  try {
    return await new Promise((resolve, reject) => {
      socket.once("connect", () => reject(new Error("connected although it should be refused")));
      socket.once("connect_error", resolve);
    });
  } finally {
    socket.close();
  }
}

/** One command and its envelope (`{ok, data}` or `{ok: false, error}`); a missing
 * acknowledgement fails the test. */
export async function send(socket, name, payload = {}) {
  const envelope = await socket.timeout(WAIT_MS).emitWithAck(name, payload);
  assert.equal(typeof envelope, "object", `${name}: the answer is an envelope`);
  assert.equal(typeof envelope.ok, "boolean", `${name}: the envelope has ok`);
  if (!envelope.ok) {
    assert.equal(typeof envelope.error?.code, "string", `${name}: an error has a code`);
    assert.equal(typeof envelope.error?.message, "string", `${name}: an error has a message`);
  } else if (ANSWERED_LOG) {
    appendFileSync(ANSWERED_LOG, `${name}\n`);
  }
  return envelope;
}

/** The data of a command that must succeed. */
export async function ok(socket, name, payload = {}) {
  const envelope = await send(socket, name, payload);
  assert.ok(envelope.ok, `${name} ${JSON.stringify(payload).slice(0, 200)}: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

/** The error code of a command that must be refused. */
export async function refused(socket, name, payload = {}) {
  const envelope = await send(socket, name, payload);
  assert.equal(envelope.ok, false, `${name} should be refused`);
  return envelope.error;
}

/** Wait until `condition()` is true, with a deadline. */
export async function waitFor(condition, message = "condition", timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first event of `type` (and matching `where`) the socket received. */
export function eventOf(socket, type, where = () => true) {
  return waitFor(() => socket.events.find((event) => event.type === type && where(event.data)),
    `a ${type} event`);
}

/** A request id as a generic client makes one. */
export function requestId() {
  return crypto.randomUUID();
}

/** A fresh meeting made by the admin, with a chair, a secretary and two delegates at two
 * sites, so that each test file changes only its own meeting. */
export async function freshMeeting(title) {
  const admin = await connect((await login("admin")).token);
  const users = {};
  for (const name of ["chair", "secretary", "delegate1", "delegate2", "observer1"]) {
    const session = await login(name);
    users[name] = { token: session.token, id: session.user.id };
  }
  const startsAt = new Date(Date.now() + 3600_000).toISOString();
  const { meeting } = await ok(admin, "meeting.create", {
    title, starts_at: startsAt, sites: ["Hội trường chính", "Điểm cầu Đà Nẵng"],
  });
  const [central, remote] = meeting.sites;
  const roles = [["chair", "chair", central], ["secretary", "secretary", central],
    ["delegate1", "delegate", central], ["delegate2", "delegate", remote], ["observer1", "observer", remote]];
  for (const [name, role, site] of roles) {
    await ok(admin, "participant.set", { meeting_id: meeting.id, user_id: users[name].id, role, site_id: site.id });
  }
  admin.close();
  return { meeting, users, central, remote };
}

/** Every event's seq, in the order received, counts up by exactly one. */
export function assertGapless(events) {
  for (let i = 1; i < events.length; i += 1) {
    assert.equal(events[i].seq, events[i - 1].seq + 1, `seq ${events[i - 1].seq} then ${events[i].seq}`);
  }
}
