// The HTTP routes: every error is the JSON error body; document downloads with ETag and
// ranges; refusals with Retry-After; CORS for the origin the server names.

import assert from "node:assert/strict";
import { before, test } from "node:test";

import { ALLOWED_ORIGIN, SERVER, freshMeeting, login } from "./lib.mjs";
import { uploadPdf } from "./pdf.mjs";

let meeting; let users; let document;

before(async () => {
  ({ meeting, users } = await freshMeeting("Họp kiểm tra HTTP"));
  document = await uploadPdf(users.secretary.token, meeting.id, "Báo cáo tài chính", 2);
});

async function assertJsonError(answer, status, code) {
  assert.equal(answer.status, status, `${answer.url}: status`);
  assert.match(answer.headers.get("content-type") ?? "", /application\/json/, `${answer.url}: a JSON body`);
  const body = await answer.json();
  assert.equal(typeof body.error?.message, "string");
  if (code) assert.equal(body.error.code, code);
  return body.error;
}

test("unknown routes, wrong methods and stray OPTIONS answer the JSON error body", async () => {
  await assertJsonError(await fetch(`${SERVER}/api/no-such-route`), 404, "not_found");
  await assertJsonError(await fetch(`${SERVER}/api/login`), 405);
  await assertJsonError(await fetch(`${SERVER}/api/health`, { method: "DELETE" }), 405);
  await assertJsonError(await fetch(`${SERVER}/api/login`, { method: "OPTIONS" }), 405);
});

test("no token, a bad token, a malformed body: JSON errors", async () => {
  const url = `${SERVER}/api/documents/${document.id}/content`;
  await assertJsonError(await fetch(url), 401, "unauthenticated");
  await assertJsonError(await fetch(url, { headers: { Authorization: "Bearer nonsense" } }), 401, "unauthenticated");
  const nested = "[".repeat(100000) + "]".repeat(100000);
  await assertJsonError(await fetch(`${SERVER}/api/login`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: nested }), 400, "invalid");
  await assertJsonError(await fetch(`${SERVER}/api/login`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" }), 400, "invalid");
});

test("a document: ETag, 304, one range, several ranges, no sniffing", async () => {
  const url = `${SERVER}/api/documents/${document.id}/content`;
  const auth = { Authorization: `Bearer ${users.delegate1.token}` };
  const whole = await fetch(url, { headers: auth });
  assert.equal(whole.status, 200);
  assert.equal(whole.headers.get("content-type"), "application/pdf");
  assert.equal(whole.headers.get("x-content-type-options"), "nosniff");
  assert.match(whole.headers.get("content-disposition") ?? "", /filename/);
  const etag = whole.headers.get("etag");
  assert.ok(etag);
  const bytes = Buffer.from(await whole.arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");

  const again = await fetch(url, { headers: { ...auth, "If-None-Match": etag } });
  assert.equal(again.status, 304);

  const part = await fetch(url, { headers: { ...auth, Range: "bytes=0-9" } });
  assert.equal(part.status, 206);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), bytes.subarray(0, 10));

  const several = await fetch(url, { headers: { ...auth, Range: "bytes=0-4,10-19" } });
  assert.ok([200, 206].includes(several.status), `several ranges: ${several.status}, not 416`);
  if (several.status === 200) assert.deepEqual(Buffer.from(await several.arrayBuffer()), bytes);
  else assert.match(several.headers.get("content-type"), /multipart\/byteranges/);
});

test("an upload that is not a PDF or Office file is 415 with the JSON body", async () => {
  const form = new FormData();
  form.set("title", "Không phải PDF");
  form.set("file", new Blob([Buffer.from("just some words, no document")]), "notes.pdf");
  const answer = await fetch(`${SERVER}/api/meetings/${meeting.id}/documents`, {
    method: "POST", headers: { Authorization: `Bearer ${users.secretary.token}` }, body: form });
  await assertJsonError(answer, 415);
});

test("a 429 says when to try again", async () => {
  let answer;
  for (let n = 0; n < 12; n += 1) {
    answer = await fetch(`${SERVER}/api/login`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "delegate6", password: `wrong-${n}` }) });
    if (answer.status === 429) break;
  }
  await assertJsonError(answer, 429, "rate_limited");
  const wait = Number(answer.headers.get("retry-after"));
  assert.ok(Number.isInteger(wait) && wait > 0, `Retry-After: ${answer.headers.get("retry-after")}`);
  // Another user behind the same address still logs in.
  assert.equal((await login("delegate5")).user.username, "delegate5");
});

test("CORS: a page of the named origin may log in and read a document", { skip: !ALLOWED_ORIGIN }, async () => {
  const preflight = await fetch(`${SERVER}/api/documents/${document.id}/content`, {
    method: "OPTIONS",
    headers: { Origin: ALLOWED_ORIGIN, "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "authorization" } });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get("access-control-allow-origin"), ALLOWED_ORIGIN);
  const content = await fetch(`${SERVER}/api/documents/${document.id}/content`, {
    headers: { Origin: ALLOWED_ORIGIN, Authorization: `Bearer ${users.delegate2.token}` } });
  assert.equal(content.status, 200);
  assert.equal(content.headers.get("access-control-allow-origin"), ALLOWED_ORIGIN);
  assert.match(content.headers.get("access-control-expose-headers"), /ETag/);
  const stranger = await fetch(`${SERVER}/api/health`, { headers: { Origin: "https://elsewhere.example" } });
  assert.equal(stranger.headers.get("access-control-allow-origin"), null);
});
