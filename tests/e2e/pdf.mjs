// Checks of a printed letter (PDF), shared by the Chromium and Firefox
// tests: A4, the margins of Decree 30/2020 and the page numbers — centred
// in the top margin, none on page 1, then 2, 3, … on every page.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const mm = (pt) => (pt * 25.4) / 72;
const words = (pdf, page) => {
  const bbox = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
  return [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], w: m[5] }));
};

/** Check a printed letter; returns its number of pages. */
export function checkLetterPdf(pdf, { minPages = 2 } = {}) {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  assert.match(info, /Page size:.*\(A4\)/);
  const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/).map(Number);
  assert.ok(Math.abs(w - 595.3) < 1.5 && Math.abs(h - 841.9) < 1.5, `A4 portrait: ${w} x ${h} pt`);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= minPages, `${pages} pages`);
  for (let p = 1; p <= pages; p++) {
    const ws = words(pdf, p);
    assert.ok(ws.length, `page ${p} has text`);
    // The page number: the top-most word, alone in the top margin.
    const folio = ws.filter((b) => mm(b.y1) < 20.5);
    const body = ws.filter((b) => mm(b.y1) >= 20.5);
    if (p === 1) {
      assert.deepEqual(folio.map((b) => b.w), [], "no page number on page 1");
    } else {
      assert.deepEqual(folio.map((b) => b.w), [String(p)], `page number ${p} in the top margin`);
      const f = folio[0];
      const centre = mm((f.x0 + f.x1) / 2);
      // Centred over the text column (30 mm … 195 mm).
      assert.ok(Math.abs(centre - 112.5) < 3, `page number ${p} centred: ${centre.toFixed(1)} mm`);
      assert.ok(mm(f.y0) > 5, `page number ${p} inside the page: ${mm(f.y0).toFixed(1)} mm`);
    }
    // Margins: left 30–35, right 15–20, top 20–25, bottom 20–25 mm.
    // (pdftotext boxes include the font ascent, ~1 mm above the line box.)
    const minX = Math.min(...body.map((b) => b.x0)), maxX = Math.max(...body.map((b) => b.x1));
    const minY = Math.min(...body.map((b) => b.y0)), maxY = Math.max(...body.map((b) => b.y1));
    assert.ok(mm(minX) >= 29.5, `page ${p}: left margin ${mm(minX).toFixed(1)} mm`);
    assert.ok(mm(w - maxX) >= 14.5, `page ${p}: right margin ${mm(w - maxX).toFixed(1)} mm`);
    assert.ok(mm(minY) >= 18.5, `page ${p}: top margin ${mm(minY).toFixed(1)} mm`);
    assert.ok(mm(h - maxY) >= 19.5, `page ${p}: bottom margin ${mm(h - maxY).toFixed(1)} mm`);
    if (p === 1) {
      assert.ok(mm(minX) <= 35.5, `page 1: left margin ${mm(minX).toFixed(1)} mm`);
      assert.ok(mm(minY) <= 25.5, `page 1: top margin ${mm(minY).toFixed(1)} mm`);
    }
  }
  return pages;
}

/** The text of a PDF's page (or of all pages), laid out. */
export const pdfText = (pdf, page) =>
  execFileSync("pdftotext", ["-layout", ...(page ? ["-f", String(page), "-l", String(page)] : []), pdf, "-"], { encoding: "utf8" });
