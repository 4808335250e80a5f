// Every command the other files do not already take through its happy path, each with the
// shape docs/protocol.md gives its answer: together the suite sends all of them (the runner,
// tests/e2e/test_contract_node.py, checks it against the declared commands).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { connect, eventOf, freshMeeting, login, ok, requestId, waitFor } from "./lib.mjs";
import { uploadPdf } from "./pdf.mjs";

let meeting; let users; let remote; let sockets = {}; let admin;
let item; let document;

before(async () => {
  ({ meeting, users, remote } = await freshMeeting("Họp kiểm tra từng lệnh"));
  admin = await connect((await login("admin")).token);
  for (const name of ["chair", "secretary", "delegate1", "delegate2"]) {
    sockets[name] = await connect(users[name].token);
    await ok(sockets[name], "meeting.join", { meeting_id: meeting.id });
  }
  ({ item } = await ok(sockets.secretary, "agenda.add_item", { meeting_id: meeting.id, title: "Báo cáo" }));
  document = await uploadPdf(users.secretary.token, meeting.id, "Dự thảo nghị quyết", 2);
});

after(() => { admin.close(); for (const socket of Object.values(sockets)) socket.close(); });

const id = () => meeting.id;

test("meeting.update, and meeting.leave then join again", async () => {
  const { meeting: updated } = await ok(sockets.secretary, "meeting.update", {
    meeting_id: id(), location: "Phòng họp số 2", quorum_rule: "two_thirds" });
  assert.equal(updated.location, "Phòng họp số 2");
  await eventOf(sockets.delegate1, "meeting.updated");
  assert.deepEqual(await ok(sockets.delegate2, "meeting.leave", { meeting_id: id() }), {});
  await ok(sockets.delegate2, "meeting.join", { meeting_id: id() });
});

test("agenda.remove_item", async () => {
  const { item: spare } = await ok(sockets.secretary, "agenda.add_item", { meeting_id: id(), title: "Mục thừa" });
  assert.deepEqual(await ok(sockets.secretary, "agenda.remove_item", { meeting_id: id(), item_id: spare.id }), {});
  const has = (event) => event.data.agenda.some((row) => row.id === spare.id);
  const added = await eventOf(sockets.delegate1, "agenda.changed", (data) => has({ data }));
  await waitFor(() => sockets.delegate1.events.find((event) => event.type === "agenda.changed"
    && event.seq > added.seq && !has(event)), "the agenda without the removed item");
});

test("participant.remove", async () => {
  const extra = await login("delegate3");
  await ok(admin, "participant.set", { meeting_id: id(), user_id: extra.user.id, role: "delegate",
    site_id: remote.id });
  assert.deepEqual(await ok(admin, "participant.remove", { meeting_id: id(), user_id: extra.user.id }), {});
  await eventOf(sockets.chair, "participant.removed", (data) => data.user_id === extra.user.id);
});

test("documents: update, versions, remove", async () => {
  const { document: changed } = await ok(sockets.secretary, "document.update", {
    document_id: document.id, title: "Dự thảo nghị quyết (lần 2)", agenda_item_id: item.id });
  assert.equal(changed.agenda_item_id, item.id);
  const { versions } = await ok(sockets.delegate1, "document.versions", { document_id: document.id });
  assert.equal(versions.length, 1);
  for (const key of ["version", "sha256", "pages", "filename"]) assert.ok(key in versions[0], key);
  const spare = await uploadPdf(users.secretary.token, id(), "Bản nháp thừa", 1);
  assert.deepEqual(await ok(sockets.secretary, "document.remove", { document_id: spare.id }), {});
  await eventOf(sockets.delegate2, "document.removed", (data) => data.document_id === spare.id);
});

test("annotations: comments for the secretary, delete by the author", async () => {
  const annotation = { id: requestId(), page: 0, kind: "note", shared: true,
    data: { point: [100, 100], text: "Đề nghị làm rõ điều 3", color: "#ffd400" } };
  await ok(sockets.delegate1, "annotation.save", { document_id: document.id, annotation });
  const { annotations } = await ok(sockets.secretary, "annotation.comments", { document_id: document.id });
  assert.ok(annotations.some((a) => a.id === annotation.id));
  assert.deepEqual(await ok(sockets.delegate1, "annotation.delete", {
    document_id: document.id, annotation_id: annotation.id }), {});
});

test("personal notes", async () => {
  const { note } = await ok(sockets.delegate1, "note.save", { meeting_id: id(), agenda_item_id: item.id,
    text: "Hỏi về kinh phí" });
  const { notes } = await ok(sockets.delegate1, "note.list", { meeting_id: id() });
  assert.deepEqual(notes.map((n) => n.id), [note.id]);
  assert.deepEqual((await ok(sockets.delegate2, "note.list", { meeting_id: id() })).notes, [], "notes are private");
});

test("the floor in the room: reorder the queue, site status, heartbeats, a proxy", async () => {
  await ok(sockets.chair, "meeting.start", { meeting_id: id() });
  const first = (await ok(sockets.delegate1, "speaker.request", { meeting_id: id(), kind: "speak" })).request;
  const second = (await ok(sockets.delegate2, "speaker.request", { meeting_id: id(), kind: "speak" })).request;
  assert.deepEqual(await ok(sockets.secretary, "speaker.reorder", {
    meeting_id: id(), kind: "speak", request_ids: [second.id, first.id] }), {});
  const status = await ok(sockets.chair, "site.status", { meeting_id: id() });
  assert.equal(typeof status, "object");
  const beat = await ok(sockets.delegate1, "presence.heartbeat", { meeting_id: id(), rtt_ms: 12 });
  assert.equal(typeof beat.server_time, "string");
  // The member names their own proxy (ủy quyền).
  const { participant } = await ok(sockets.delegate2, "attendance.set_proxy", {
    meeting_id: id(), user_id: users.delegate2.id, proxy_user_id: users.delegate1.id });
  assert.equal(participant.proxy_id, users.delegate1.id);
});

test("polls: update, check, delete a draft", async () => {
  const { poll } = await ok(sockets.secretary, "poll.create", {
    meeting_id: id(), question: "Thông qua dự thảo?", secret: true, majority: "absolute" });
  const { poll: updated } = await ok(sockets.secretary, "poll.update", {
    poll_id: poll.id, question: "Thông qua dự thảo nghị quyết?", agenda_item_id: item.id });
  assert.equal(updated.question, "Thông qua dự thảo nghị quyết?");
  const check = await ok(sockets.chair, "poll.check", { poll_id: poll.id });
  for (const key of ["ready", "problems", "members", "eligible", "quorum"]) assert.ok(key in check, key);
  assert.deepEqual(await ok(sockets.secretary, "poll.delete", { poll_id: poll.id }), {});
});

test("minutes: conclusion history, action items, approve and publish", async () => {
  await ok(sockets.secretary, "conclusion.set", { meeting_id: id(), agenda_item_id: item.id, text: "Bản một" });
  await ok(sockets.secretary, "conclusion.set", { meeting_id: id(), agenda_item_id: item.id, text: "Bản hai" });
  const { revisions } = await ok(sockets.chair, "conclusion.history", { meeting_id: id(), agenda_item_id: item.id });
  assert.deepEqual(revisions.map((r) => r.text), ["Bản một", "Bản hai"]);

  const { action } = await ok(sockets.secretary, "action.save", { meeting_id: id(), action: {
    agenda_item_id: item.id, title: "Hoàn thiện dự thảo", owner_id: users.delegate1.id, due: "2027-01-15" } });
  const { action: done } = await ok(sockets.delegate1, "action.set_status", { action_id: action.id, status: "done" });
  assert.equal(done.status, "done");
  const { actions } = await ok(sockets.delegate1, "action.list", { meeting_id: id() });
  assert.ok(actions.some((a) => a.id === action.id && "meeting_title" in a));
  const { action: spare } = await ok(sockets.secretary, "action.save", { meeting_id: id(), action: { title: "Thừa" } });
  assert.deepEqual(await ok(sockets.secretary, "action.delete", { meeting_id: id(), action_id: spare.id }), {});

  await ok(sockets.chair, "meeting.end", { meeting_id: id() });
  const { minutes } = await ok(sockets.chair, "minutes.approve", { meeting_id: id() });
  assert.equal(typeof minutes, "object");
  const published = await ok(sockets.chair, "minutes.publish", { meeting_id: id() });
  for (const key of ["sha256", "version", "document_id", "published_at"]) assert.ok(key in published, key);
  await eventOf(sockets.delegate2, "minutes.published");
});

test("accounts: the admin creates, updates, deactivates and resets a user", async () => {
  const username = `kiemtra.${Date.now() % 1e8}`;
  const { user } = await ok(admin, "user.create", { username, full_name: "Trần Thị Kiểm Tra",
    password: "Mat-khau-2027-rat-dai" });
  const { user: named } = await ok(admin, "user.update", { user_id: user.id, full_name: "Trần Thị Kiểm" });
  assert.equal(named.full_name, "Trần Thị Kiểm");
  const { user: off } = await ok(admin, "user.set_active", { user_id: user.id, active: false });
  assert.equal(off.active, false);
  await ok(admin, "user.set_active", { user_id: user.id, active: true });
  const { user: reset } = await ok(admin, "user.reset_password", { user_id: user.id,
    new_password: "Mat-khau-moi-2027-dai" });
  assert.equal(reset.must_change_password, true);
});
