// A meeting run end to end by outside clients: every participant's socket sees every change
// with a gapless seq, and a client that drops off catches up with since_seq.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { assertGapless, connect, eventOf, freshMeeting, ok, refused, requestId, waitFor } from "./lib.mjs";
import { uploadPdf } from "./pdf.mjs";

let meeting; let users; let sockets = {};
let snapshotSeq = {};

before(async () => {
  ({ meeting, users } = await freshMeeting("Họp kiểm tra hợp đồng giao thức"));
  for (const name of Object.keys(users)) {
    sockets[name] = await connect(users[name].token);
    const joined = await ok(sockets[name], "meeting.join", { meeting_id: meeting.id });
    snapshotSeq[name] = joined.seq;
  }
});

after(() => { for (const socket of Object.values(sockets)) socket.close(); });

const id = () => meeting.id;

test("the snapshot has the contract's fields", async () => {
  const { snapshot, seq } = await ok(sockets.delegate1, "meeting.join", { meeting_id: id() });
  assert.equal(typeof seq, "number");
  for (const key of ["meeting", "agenda", "documents", "sites", "participants", "speakers", "polls",
    "presenter", "conclusions", "you"]) assert.ok(key in snapshot, key);
  assert.equal(snapshot.meeting.id, id());
  assert.equal(snapshot.meeting.status, "scheduled");
  assert.deepEqual(snapshot.you, { ...snapshot.you, user_id: users.delegate1.id, role: "delegate" });
  assert.equal(snapshot.sites.length, 2);
  const delegate2 = snapshot.participants.find((p) => p.user_id === users.delegate2.id);
  for (const key of ["full_name", "role", "site_id", "attendance", "online"]) assert.ok(key in delegate2, key);
});

test("the secretary prepares the agenda and everyone sees it", async () => {
  const first = await ok(sockets.secretary, "agenda.add_item", { meeting_id: id(), title: "Khai mạc", duration_min: 10 });
  const second = await ok(sockets.secretary, "agenda.add_item", {
    meeting_id: id(), title: "Báo cáo tổng kết", presenter: "Vụ trưởng", request_id: requestId() });
  await ok(sockets.secretary, "agenda.update_item", { meeting_id: id(), item_id: second.item.id, duration_min: 30 });
  await ok(sockets.secretary, "agenda.reorder", { meeting_id: id(), item_ids: [second.item.id, first.item.id] });
  const changed = await waitFor(() => sockets.observer1.events.filter((e) => e.type === "agenda.changed").at(-1)
    ?.data.agenda.map((item) => item.id).join() === `${second.item.id},${first.item.id}`, "the reordered agenda");
  assert.ok(changed);
  assert.equal((await refused(sockets.delegate1, "agenda.add_item", { meeting_id: id(), title: "x" })).code, "forbidden");
});

test("the chair starts the meeting and moves through the agenda", async () => {
  await ok(sockets.chair, "meeting.start", { meeting_id: id() });
  const status = await eventOf(sockets.delegate2, "meeting.status_changed");
  assert.equal(status.data.status, "live");
  const { snapshot } = await ok(sockets.chair, "meeting.join", { meeting_id: id() });
  const last = snapshot.agenda.at(-1);
  await ok(sockets.chair, "agenda.set_current", { meeting_id: id(), item_id: last.id });
  await eventOf(sockets.delegate1, "agenda.current_changed", (data) => data.item_id === last.id);
  assert.equal((await refused(sockets.secretary, "meeting.start", { meeting_id: id() })).code, "forbidden");
});

test("attendance: a delegate checks in, the secretary marks another", async () => {
  await ok(sockets.delegate1, "attendance.check_in", { meeting_id: id() });
  await ok(sockets.chair, "attendance.check_in", { meeting_id: id() });
  await eventOf(sockets.chair, "attendance.changed");
  await ok(sockets.secretary, "attendance.set", { meeting_id: id(), user_id: users.delegate2.id, status: "present" });
  await eventOf(sockets.delegate1, "attendance.changed", (data) => JSON.stringify(data).includes(String(users.delegate2.id)));
});

test("the floor: a request, the grant with a limit, the end", async () => {
  const { request } = await ok(sockets.delegate2, "speaker.request", { meeting_id: id(), kind: "speak" });
  await eventOf(sockets.chair, "speaker.queue_changed");
  await ok(sockets.chair, "speaker.grant", { meeting_id: id(), request_id: request.id, seconds: 120 });
  const floor = await eventOf(sockets.observer1, "speaker.floor_changed", (data) => data.current?.user_id === users.delegate2.id);
  assert.equal(floor.data.current.limit_seconds, 120);
  await ok(sockets.chair, "speaker.extend", { meeting_id: id(), seconds: 60 });
  await ok(sockets.delegate2, "speaker.end", { meeting_id: id() });
  await eventOf(sockets.delegate1, "speaker.floor_changed", (data) => data.current === null);
  assert.equal((await refused(sockets.observer1, "speaker.request", { meeting_id: id(), kind: "speak" })).code, "forbidden");
});

test("documents: the secretary uploads a PDF, the chair presents a page", async () => {
  const document = await uploadPdf(users.secretary.token, id(), "Tờ trình số 12/TTr", 3);
  await eventOf(sockets.delegate1, "document.added", (data) => JSON.stringify(data).includes(`"id":${document.id}`));
  await ok(sockets.chair, "presenter.set_page", { meeting_id: id(), document_id: document.id, page: 2 });
  const page = await eventOf(sockets.delegate2, "presenter.page_changed");
  assert.equal(page.data.page, 2);
  await ok(sockets.chair, "presenter.stop", { meeting_id: id() });
  await eventOf(sockets.delegate2, "presenter.stopped");

  const annotation = { id: requestId(), page: 0, kind: "highlight", shared: true,
    data: { quads: [[72, 60, 400, 60, 72, 90, 400, 90]], color: "#ffd400" } };
  await ok(sockets.delegate1, "annotation.save", { document_id: document.id, annotation });
  await eventOf(sockets.delegate2, "annotation.shared");
  const { annotations } = await ok(sockets.delegate2, "annotation.list", { document_id: document.id });
  assert.ok(annotations.some((a) => a.id === annotation.id));
});

test("a vote: create, open, ballots, close, result", async () => {
  const { poll } = await ok(sockets.secretary, "poll.create", {
    meeting_id: id(), question: "Thông qua báo cáo tổng kết?", secret: false, majority: "simple" });
  assert.equal(poll.status, "draft");
  assert.deepEqual(poll.options.map((o) => o.text), ["Tán thành", "Không tán thành", "Ý kiến khác"]);
  await ok(sockets.chair, "poll.open", { poll_id: poll.id });
  await eventOf(sockets.delegate1, "poll.changed", (data) => JSON.stringify(data).includes('"open"'));
  const yes = poll.options[0].id;
  const ballot = requestId();
  const first = await ok(sockets.delegate1, "poll.vote", { poll_id: poll.id, option_ids: [yes], ballot_id: ballot });
  const again = await ok(sockets.delegate1, "poll.vote", { poll_id: poll.id, option_ids: [yes], ballot_id: ballot });
  assert.deepEqual(again.receipt, first.receipt, "the same ballot_id is the same vote");
  await ok(sockets.delegate2, "poll.vote", { poll_id: poll.id, option_ids: [yes], ballot_id: requestId() });
  assert.equal((await refused(sockets.observer1, "poll.vote", {
    poll_id: poll.id, option_ids: [yes], ballot_id: requestId() })).code, "forbidden");
  const { result } = await ok(sockets.chair, "poll.close", { poll_id: poll.id });
  assert.equal(typeof result.passed, "boolean");
  await eventOf(sockets.observer1, "poll.closed");
});

test("minutes: a conclusion for the current item", async () => {
  const { snapshot } = await ok(sockets.secretary, "meeting.join", { meeting_id: id() });
  const item = snapshot.agenda[0];
  await ok(sockets.secretary, "conclusion.set", { meeting_id: id(), agenda_item_id: item.id,
    text: "Hội nghị thống nhất thông qua báo cáo." });
  await eventOf(sockets.delegate1, "conclusion.updated");
});

test("people and search", async () => {
  const { users: found } = await ok(sockets.secretary, "user.list", { query: "delegate" });
  assert.ok(found.length >= 2);
  assert.equal((await refused(sockets.delegate1, "user.list", {})).code, "forbidden");
  const answer = await ok(sockets.delegate1, "search", { query: "báo cáo" });
  assert.equal(typeof answer, "object");
});

test("every receiver saw the same gapless seq", () => {
  for (const [name, socket] of Object.entries(sockets)) {
    // Events may arrive before the join's answer; those up to its seq are in the snapshot.
    const events = socket.events.filter((event) => event.meeting_id === id() && event.seq > snapshotSeq[name]);
    assert.ok(events.length > 5, `${name} received events`);
    assert.equal(events[0].seq, snapshotSeq[name] + 1, `${name}: the first event follows the snapshot`);
    assertGapless(events);
    for (const event of events) {
      for (const key of ["meeting_id", "seq", "type", "data", "at"]) assert.ok(key in event, `${name}: ${key}`);
    }
  }
});

test("a client that drops off catches up with since_seq", async () => {
  const name = "delegate2";
  const lastSeq = sockets[name].events.at(-1).seq;
  sockets[name].close();
  await ok(sockets.chair, "agenda.add_item", { meeting_id: id(), title: "Kết luận" });
  await ok(sockets.chair, "agenda.add_item", { meeting_id: id(), title: "Bế mạc" });
  sockets[name] = await connect(users[name].token);
  const answer = await ok(sockets[name], "meeting.join", { meeting_id: id(), since_seq: lastSeq });
  assert.ok(Array.isArray(answer.events), "the missed events, not a snapshot");
  assert.ok(answer.events.length >= 2);
  assert.equal(answer.events[0].seq, lastSeq + 1);
  assertGapless(answer.events);
  assert.equal(answer.events.at(-1).seq, answer.seq);
});

test("the chair ends the meeting; changes are then closed", async () => {
  await ok(sockets.chair, "meeting.end", { meeting_id: id() });
  await eventOf(sockets.delegate1, "meeting.status_changed", (data) => data.status === "ended");
  assert.equal((await refused(sockets.delegate1, "attendance.check_in", { meeting_id: id() })).code, "closed");
});
