// A small real PDF written byte by byte (objects, cross-reference table, trailer), and its
// upload through POST /api/meetings/{id}/documents.

import assert from "node:assert/strict";

import { SERVER } from "./lib.mjs";

/** A PDF of `pages` A4 pages, each saying its number. */
export function makePdf(pages) {
  const objects = [];
  const pageIds = [];
  const font = 3;
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[font] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  let next = 4;
  for (let n = 1; n <= pages; n += 1) {
    const page = next; const content = next + 1; next += 2;
    const stream = `BT /F1 24 Tf 72 760 Td (Page ${n} of the contract test) Tj ET`;
    objects[content] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    objects[page] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] `
      + `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`;
    pageIds.push(page);
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(" ")}] /Count ${pages} >>`;
  let body = "%PDF-1.4\n";
  const offsets = [];
  for (let i = 1; i < objects.length; i += 1) {
    offsets[i] = body.length;
    body += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i += 1) body += `${String(offsets[i]).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Upload a fresh PDF as `token`; the new document. */
export async function uploadPdf(token, meetingId, title, pages = 2) {
  const form = new FormData();
  form.set("title", title);
  form.set("file", new Blob([makePdf(pages)], { type: "application/pdf" }), "to-trinh.pdf");
  const answer = await fetch(`${SERVER}/api/meetings/${meetingId}/documents`, {
    method: "POST", headers: { Authorization: `Bearer ${token}` }, body: form,
  });
  const body = await answer.json();
  assert.equal(answer.status, 201, JSON.stringify(body));
  return body.document;
}
