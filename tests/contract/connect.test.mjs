// Logging in and connecting, as docs/protocol.md "Connecting" describes them.

import assert from "node:assert/strict";
import { test } from "node:test";

import { SERVER, connect, login, ok, refusal } from "./lib.mjs";

test("a login answers a token and the user", async () => {
  const session = await login("delegate1");
  assert.equal(session.user.username, "delegate1");
  for (const field of ["id", "full_name", "is_admin", "is_organizer"]) assert.ok(field in session.user, field);
  assert.equal(typeof session.expires_at, "string");
});

test("a wrong password is 401 with the JSON error body", async () => {
  const answer = await fetch(`${SERVER}/api/login`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "delegate2", password: "not the password" }),
  });
  assert.equal(answer.status, 401);
  assert.match(answer.headers.get("content-type"), /application\/json/);
  const body = await answer.json();
  assert.equal(body.error.code, "unauthenticated");
  assert.equal(typeof body.error.message, "string");
});

test("a socket connects with the token and protocol 1", async () => {
  const socket = await connect((await login("delegate1")).token);
  const data = await ok(socket, "meeting.list");
  assert.ok(Array.isArray(data.meetings));
  socket.close();
});

test("every refused connection says why in the same shape", async () => {
  const { token } = await login("delegate1");
  const cases = [
    [{ protocol: 1 }, "no token"],
    [{ token: "not-a-token", protocol: 1 }, "an unknown token"],
    [{ token, protocol: 99 }, "another protocol"],
    [{ token, protocol: "1" }, "the protocol as a string"],
    [{ token }, "no protocol"],
  ];
  for (const [auth, what] of cases) {
    const error = await refusal(auth);
    assert.equal(typeof error.message, "string", what);
    assert.ok(error.message.length > 0, what);
    assert.doesNotMatch(error.message, /None|'1'|Traceback/, `${what}: written for people: ${error.message}`);
    assert.equal(typeof error.data, "object", `${what}: connect_error.data is always there`);
    assert.equal(error.data.code, "unauthenticated", what);
    assert.ok(!("reason" in error.data) || typeof error.data.reason === "string",
      `${what}: reason absent or a text, never null`);
  }
});

test("after logout the token no longer connects", async () => {
  const { token } = await login("delegate2");
  const answer = await fetch(`${SERVER}/api/logout`, { method: "POST", headers: { Authorization: `Bearer ${token}` } });
  assert.equal(answer.status, 204);
  const error = await refusal({ token, protocol: 1 });
  assert.equal(error.data.code, "unauthenticated");
});
