// Whatever a client sends gets an envelope, and the connection stays up
// (docs/protocol.md "Commands"; the shared page: "A command never goes unanswered").

import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, test } from "node:test";

import { connect, freshMeeting, ok, refused, requestId, send } from "./lib.mjs";

let socket; let chair; let meeting; let users;

before(async () => {
  ({ meeting, users } = await freshMeeting("Họp kiểm tra dữ liệu sai"));
  chair = await connect(users.chair.token);
  await ok(chair, "meeting.join", { meeting_id: meeting.id });
});

// Each test on a socket of its own, so that one that breaks the connection fails alone.
beforeEach(async () => { socket = await connect(users.secretary.token); });
afterEach(() => socket.close());

after(() => chair.close());

async function stillAnswers() {
  const data = await ok(socket, "meeting.list");
  assert.ok(Array.isArray(data.meetings), "the connection is still up and answering");
}

test("an unknown command is an error envelope", async () => {
  const error = await refused(socket, "meeting.explode", { meeting_id: meeting.id });
  assert.equal(error.code, "invalid");
  await stillAnswers();
});

test("a payload that is not one JSON object is invalid", async () => {
  for (const payload of [[1, 2], "text", 42, null, true]) {
    assert.equal((await refused(socket, "meeting.list", payload)).code, "invalid", JSON.stringify(payload));
  }
  await stillAnswers();
});

test("wrong types and missing or unknown fields are invalid, naming the field", async () => {
  let error = await refused(socket, "agenda.add_item", { meeting_id: String(meeting.id), title: "x" });
  assert.equal(error.code, "invalid");
  assert.match(error.message, /meeting_id/);
  error = await refused(socket, "agenda.add_item", { meeting_id: meeting.id });
  assert.match(error.message, /title/);
  error = await refused(socket, "agenda.add_item", { meeting_id: meeting.id, title: "x", colour: "red" });
  assert.match(error.message, /colour/);
});

// As deep as socket.io-client itself can send (its hasBinary recurses: 100,000 levels
// overflow the client's stack); 500,000 levels in raw frames: tests/e2e/test_wire_hygiene.py.
test("deep nesting is answered invalid at any depth", async () => {
  for (const depth of [100, 900, 1000, 2000]) {
    let value = {};
    for (let i = 0; i < depth; i += 1) value = { a: value };
    const error = await refused(socket, "agenda.add_item", { meeting_id: meeting.id, title: "x", extra: value });
    assert.equal(error.code, "invalid", `depth ${depth}`);
  }
  await stillAnswers();
});

test("a payload past the limit is answered, not dropped", async () => {
  const big = "x".repeat(5 * 1024 * 1024);
  const error = await refused(socket, "agenda.add_item", { meeting_id: meeting.id, title: big });
  assert.equal(error.code, "invalid");
  assert.ok(socket.connected, "the socket stays up");
  await stillAnswers();
});

test("binary data inside a payload is invalid", async () => {
  const error = await refused(socket, "agenda.add_item", { meeting_id: meeting.id, title: Buffer.from([1, 2, 3]) });
  assert.equal(error.code, "invalid");
  await stillAnswers();
});

test("the same request_id with another payload is invalid; with the same, the first answer", async () => {
  const key = requestId();
  const first = await ok(socket, "agenda.add_item", { meeting_id: meeting.id, title: "Mục một", request_id: key });
  const repeat = await ok(socket, "agenda.add_item", { meeting_id: meeting.id, title: "Mục một", request_id: key });
  assert.deepEqual(repeat, first);
  const other = await refused(socket, "agenda.add_item", { meeting_id: meeting.id, title: "Mục hai", request_id: key });
  assert.equal(other.code, "invalid");
});

test("speaker.grant takes speaker_request_id beside a generic client's request_id", async () => {
  await ok(chair, "meeting.start", { meeting_id: meeting.id });
  const delegate = await connect(users.delegate1.token);
  try {
    await ok(delegate, "meeting.join", { meeting_id: meeting.id });
    await ok(delegate, "attendance.check_in", { meeting_id: meeting.id });
    const { request } = await ok(delegate, "speaker.request", { meeting_id: meeting.id, kind: "speak" });
    await ok(chair, "speaker.grant", { meeting_id: meeting.id, speaker_request_id: request.id, request_id: requestId() });
    await ok(chair, "speaker.end", { meeting_id: meeting.id });
    const second = await ok(delegate, "speaker.request", { meeting_id: meeting.id, kind: "question" });
    await ok(delegate, "speaker.withdraw", { meeting_id: meeting.id, speaker_request_id: second.request.id,
      request_id: requestId() });
  } finally {
    delegate.close();
  }
});

test("every envelope of a storm of bad commands comes back", async () => {
  const answers = await Promise.all(Array.from({ length: 50 }, (_, n) =>
    send(socket, n % 2 ? "no.such.command" : "agenda.add_item", n % 3 ? { meeting_id: -n } : [n])));
  assert.equal(answers.length, 50);
  assert.ok(answers.every((answer) => answer.ok === false));
});
