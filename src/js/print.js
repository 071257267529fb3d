// Printing the letter with its page numbers in every browser.
//
// Decree 30 puts the page number centred in the top margin from page 2 on.
// CSS can only say that with @page margin boxes (`@top-center`), which
// Chromium has since 131 and Firefox not at all (Chrome/Edge 109 and
// Firefox 115, the last browsers of Windows 7/8.1, have neither). So the
// page paginates the letter itself just before it prints: each printed page
// becomes a `.nd-sheet` — an A4 sheet of its own with the decree's margins
// as padding and the page number in its top margin (`.nd-folio`), printed on
// the `nd-sheet` named page, whose @page margins are zero (style/letter.css).
// The blocks of the letter (paragraphs, the header, the signature, the
// appendix table's rows) are measured in the 165 mm column they print in and
// dealt out to sheets of 257 mm; a table that goes on gets its header row
// again. After printing the letter goes back as it was.
//
// Page numbers run on from the letter into the appendix, none on page 1 (as
// the @page counter did). Without this script (it failed), the letter still
// prints with the decree's margins, only without page numbers.

const MM = 96 / 25.4;
/** The text height of an A4 page with top and bottom margins of 20 mm. */
const PAGE = 257 * MM;
/** Room kept free on each page: print may lay a line out a little taller. */
const SLACK = 7 * MM;

let installed = false;
const saved = new Map(); // notice section → its HTML before paginating

export function watch_print() {
  if (installed) return;
  installed = true;
  addEventListener("beforeprint", () => {
    try {
      for (const root of document.querySelectorAll(".tb-notice")) paginateNotice(root);
    } catch (e) {
      console.warn("thongbao: the letter prints without page numbers:", e);
    }
  });
  addEventListener("afterprint", restoreAll);
}

function restoreAll() {
  for (const [root, html] of saved) {
    // Only if the letter was not replaced meanwhile (new figures or edits).
    if (root.isConnected && root.querySelector(".nd-paged")) root.innerHTML = html;
  }
  saved.clear();
}

/** The blocks a page may break between, in order. */
function units(article) {
  const out = [];
  for (const child of Array.from(article.children)) {
    if (child.classList.contains("nd-body")) {
      for (const p of Array.from(child.children)) out.push({ el: p, box: child, kind: "body" });
    } else if (child.tagName === "TABLE" && child.classList.contains("nd-table") && child.tBodies.length) {
      for (const tr of Array.from(child.tBodies[0].rows)) out.push({ el: tr, box: child, kind: "row" });
    } else {
      out.push({ el: child, box: null, kind: child.classList.contains("nd-signature") ? "signature" : "block" });
    }
  }
  return out;
}

const isHeading = (el) => el.classList.contains("nd-heading");

/** Split paragraph `p` before its first line that ends below `limit` (a
 * viewport y): the lines that fit stay in `p`, the others go to a new
 * paragraph after it, returned. Null when fewer than two lines would be on
 * either side (the paragraph then moves to the next page whole). */
function splitParagraph(p, limit) {
  const t = p.firstChild;
  if (!t || t.nodeType !== 3 || p.childNodes.length !== 1 || t.length < 2) return null;
  const range = document.createRange();
  const box = (k) => {
    range.setStart(t, k);
    range.setEnd(t, k + 1);
    const rs = range.getClientRects();
    return rs.length ? rs[rs.length - 1] : null;
  };
  // The first character (not a collapsed space) on a line that does not fit.
  const bottom = (k) => {
    for (let j = k; j < t.length; j++) { const r = box(j); if (r && r.height > 0) return r.bottom; }
    return Infinity;
  };
  let lo = 0, hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottom(mid) <= limit) lo = mid + 1; else hi = mid;
  }
  while (lo < t.length && /\s/.test(t.data[lo])) lo++;
  if (lo <= 0 || lo >= t.length) return null;
  const cs = getComputedStyle(p);
  const line = parseFloat(cs.lineHeight) || 1.3 * parseFloat(cs.fontSize);
  const r = p.getBoundingClientRect(), at = box(lo);
  if (!at || at.top - r.top < 1.9 * line || r.bottom - at.top < 1.9 * line) return null;
  const rest = p.cloneNode(false);
  rest.classList.add("nd-cont");
  rest.append(t.splitText(lo));
  p.classList.add("nd-split");
  p.after(rest);
  return rest;
}

/** Where each page starts (indices into `us`, which gains the second
 * halves of split paragraphs). Positions are taken as needed, since a split
 * changes the page. */
function breaks(article, us) {
  const base = () => article.getBoundingClientRect().top;
  const top = (u) => u.el.getBoundingClientRect().top - (parseFloat(getComputedStyle(u.el).marginTop) || 0) - base();
  const bottom = (u) => u.el.getBoundingClientRect().bottom + (parseFloat(getComputedStyle(u.el).marginBottom) || 0) - base();
  const starts = [];
  let first = 0, pageTop = 0, extra = 0;
  const startPage = (b) => {
    starts.push(b);
    first = b;
    pageTop = top(us[b]);
    // A table going on gets its head row again at the top of the page.
    extra = us[b].kind === "row" ? us[b].box.tHead?.getBoundingClientRect().height || 0 : 0;
  };
  if (!us.length) return [0];
  startPage(0);
  for (let i = 0; i < us.length; i++) {
    const u = us[i];
    const room = pageTop + PAGE - SLACK - extra;
    if (bottom(u) <= room) continue;
    if (u.kind === "body" && !isHeading(u.el)) {
      const rest = splitParagraph(u.el, room + base());
      if (rest) {
        us.splice(i + 1, 0, { el: rest, box: u.box, kind: "body" });
        startPage(i + 1);
        continue;
      }
    }
    if (i === first) continue; // taller than a page, and cannot be split
    let b = i;
    // The signature goes with the last paragraph; a heading with what follows.
    if (u.kind === "signature" && b - 1 > first) b--;
    if (b - 1 > first && isHeading(us[b - 1].el)) b--;
    startPage(b);
    i = b - 1;
  }
  return starts;
}

/** Fix a table's column widths, so that its parts on each page match. */
function fixColumns(table) {
  const cells = table.tHead?.rows[0]?.cells;
  if (!cells) return;
  const cols = document.createElement("colgroup");
  for (const c of Array.from(cells)) {
    const col = document.createElement("col");
    col.style.width = `${c.getBoundingClientRect().width}px`;
    cols.append(col);
  }
  table.prepend(cols);
  table.style.tableLayout = "fixed";
}

function paginateNotice(root) {
  const articles = Array.from(root.querySelectorAll(":scope > article.nd-page"));
  if (!articles.length || root.querySelector(".nd-paged")) return;
  const html = root.innerHTML;
  // Measure in the column the letter prints in (whatever the media now).
  root.classList.add("nd-measure");
  try {
    const plans = articles.map((a) => {
      const us = units(a);
      for (const t of a.querySelectorAll(":scope > table.nd-table")) fixColumns(t);
      return { a, us, starts: breaks(a, us) };
    });
    let no = 0;
    for (const { a, us, starts } of plans) {
      const sheets = [];
      for (let s = 0; s < starts.length; s++) sheets.push(sheet(us, starts[s], starts[s + 1] ?? us.length, ++no));
      a.replaceChildren(...sheets);
      a.classList.add("nd-paged");
    }
    saved.set(root, html);
  } catch (e) {
    root.innerHTML = html; // the letter as it was: it prints without numbers
    throw e;
  } finally {
    root.classList.remove("nd-measure");
  }
}

/** Page `no`: the blocks `us[from..to]`, in copies of their paragraph box
 * or table (with its head row) where they were in one. */
function sheet(us, from, to, no) {
  const el = document.createElement("div");
  el.className = "nd-sheet";
  if (no > 1) {
    const folio = document.createElement("div");
    folio.className = "nd-folio";
    folio.setAttribute("aria-hidden", "true");
    folio.textContent = String(no);
    el.append(folio);
  }
  let box = null, part = null;
  for (let i = from; i < to; i++) {
    const u = us[i];
    if (!u.box) { el.append(u.el); box = part = null; continue; }
    if (u.box !== box) {
      box = u.box;
      const copy = box.cloneNode(false);
      if (u.kind === "row") {
        for (const c of box.querySelectorAll(":scope > colgroup, :scope > thead")) copy.append(c.cloneNode(true));
        part = document.createElement("tbody");
        copy.append(part);
      } else part = copy;
      el.append(copy);
    }
    part.append(u.el);
  }
  return el;
}
