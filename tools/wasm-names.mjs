// Names in the WASM and its wasm-bindgen glue that cost bytes for nothing
// (used by postbuild.mjs, step 0):
//  - each import is named after its JS function and a 16-digit hash
//    ("__wbg_createElement_8c9931a732ee2fea", 203 of them, ≈ 7 KB), once in
//    the WASM and again in the glue, and brotli cannot share them between
//    the two files: they get names of one or two letters, and the glue's
//    module "./thongbao_bg.js" becomes "a";
//  - wasm-streams' classes (IntoUnderlyingSource, …), which Leptos'
//    server functions bring and wasm-bindgen exports, are never used by
//    this app (it has no server): their exports and their glue go, so
//    wasm-opt removes the code only they reached.
//  - the functions' names are replaced by their place in an order where
//    like bodies follow each other, so that wasm-opt's
//    --reorder-functions-by-name puts like code side by side, where brotli
//    finds the likeness.
// Everything is checked: a glue of another shape stops the build with a
// message instead of shipping a module whose imports do not match.
import { parse } from "acorn";

const fail = (m) => { throw new Error(`wasm-names: ${m}`); };
const GLUE_MODULE = "./thongbao_bg.js";
const UNUSED_CLASS = /^(__wbg_)?intounderlying/i;

const leb = (b, i) => {
  let r = 0, s = 0;
  for (;;) {
    const x = b[i++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
    if (x < 0x80) return [r, i];
  }
};
const enc = (n) => {
  const out = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return out;
};
const utf8 = new TextEncoder();
const text = new TextDecoder();
const name = (s) => [...enc(utf8.encode(s).length), ...utf8.encode(s)];
const readName = (b, p) => {
  const [l, q] = leb(b, p);
  return [text.decode(b.subarray(q, q + l)), q + l];
};

/** The module's sections: { id, start, end } of each section's contents. */
function sections(b) {
  if (b[0] !== 0 || b[1] !== 0x61 || b[2] !== 0x73 || b[3] !== 0x6d) fail("not a WASM module");
  const out = [];
  for (let i = 8; i < b.length;) {
    const id = b[i];
    const [n, s] = leb(b, i + 1);
    out.push({ id, head: i, start: s, end: s + n });
    i = s + n;
  }
  return out;
}

/** The module with section `id`'s contents replaced by `body` (bytes). */
function replaceSection(b, id, body) {
  const parts = [b.subarray(0, 8)];
  for (const s of sections(b)) {
    if (s.id === id) parts.push(Uint8Array.from([id, ...enc(body.length)]), Uint8Array.from(body));
    else parts.push(b.subarray(s.head, s.end));
  }
  return Buffer.concat(parts);
}

/** The exports (names and their encoded entries). */
function exportsOf(b) {
  const sec = sections(b).find((s) => s.id === 7);
  if (!sec) return [];
  let [cnt, p] = leb(b, sec.start);
  const out = [];
  for (; cnt > 0; cnt--) {
    const q = p;
    const [nm, r] = readName(b, p);
    const [, e] = leb(b, r + 1);
    out.push({ name: nm, bytes: b.subarray(q, e) });
    p = e;
  }
  return out;
}

/** The module without wasm-streams' class exports; the names dropped. */
export function dropUnusedExports(b) {
  const all = exportsOf(b);
  const keep = all.filter((e) => !UNUSED_CLASS.test(e.name));
  const body = [...enc(keep.length)];
  for (const e of keep) body.push(...e.bytes);
  return { wasm: replaceSection(b, 7, body), dropped: all.filter((e) => UNUSED_CLASS.test(e.name)).map((e) => e.name) };
}

// The 4-byte windows of a function body, sorted, each once.
const windows = (bytes) => {
  const n = Math.max(1, bytes.length - 3);
  const w = new Uint32Array(n);
  for (let j = 0; j < n; j++) w[j] = ((bytes[j] << 24) | ((bytes[j + 1] ?? 0) << 16) | ((bytes[j + 2] ?? 0) << 8) | (bytes[j + 3] ?? 0)) >>> 0;
  w.sort();
  let k = 0;
  for (let j = 0; j < n; j++) if (j === 0 || w[j] !== w[k - 1]) w[k++] = w[j];
  return w.subarray(0, k);
};

// Jaccard likeness of two sorted window sets.
const likeness = (a, b) => {
  let i = 0, j = 0, both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { both++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return both / (a.length + b.length - both);
};

/** How far, in the byte order of the bodies, the next function is looked for. */
export const LIKENESS_WINDOW = 1024;

/**
 * The module with a name section that names each function by its place in
 * an order where like bodies follow each other (imports by their index):
 * the order in which `wasm-opt --reorder-functions-by-name` then puts them.
 * The bodies are first sorted by their bytes; from the first, the next is
 * the most alike (shared 4-byte windows) of the ones not yet placed among
 * the `LIKENESS_WINDOW` nearest on either side in that sort; a tie goes to
 * the earlier in the sort. Deterministic: the same module gives
 * the same order. Other name subsections (locals, types) are dropped.
 */
export function nameByLikeness(b) {
  const secs = sections(b);
  const functionImports = importsOf(b).filter((im) => im.desc[0] === 0).length;
  const code = secs.find((s) => s.id === 10) || fail("no code section");
  let [cnt, p] = leb(b, code.start);
  const bodies = [];
  for (let k = 0; k < cnt; k++) {
    const [n, q] = leb(b, p);
    bodies.push({ k, bytes: b.subarray(q, q + n) });
    p = q + n;
  }
  if (p !== code.end) fail("the code section does not end where its bodies do");
  const sorted = [...bodies].sort((x, y) => Buffer.compare(x.bytes, y.bytes) || x.k - y.k);
  const sets = sorted.map((f) => windows(f.bytes));
  const left = sorted.map((_, i) => i);
  const rank = new Array(cnt);
  let cur = 0;
  for (let r = 0; r < cnt; r++) {
    rank[sorted[cur].k] = r;
    // `cur`'s place among those left (binary search), then take it out.
    let at = 0, hi = left.length;
    while (at < hi) { const mid = (at + hi) >> 1; if (left[mid] < cur) at = mid + 1; else hi = mid; }
    left.splice(at, 1);
    if (!left.length) break;
    let best = -1, score = -1;
    for (let c = Math.max(0, at - LIKENESS_WINDOW); c < Math.min(left.length, at + LIKENESS_WINDOW); c++) {
      const s = likeness(sets[cur], sets[left[c]]);
      if (s > score) { score = s; best = left[c]; }
    }
    cur = best;
  }
  const width = String(cnt).length;
  const entries = [...enc(functionImports + cnt)];
  for (let i = 0; i < functionImports; i++) entries.push(...enc(i), ...name(`i${i}`));
  for (let k = 0; k < cnt; k++) entries.push(...enc(functionImports + k), ...name(`f${String(rank[k]).padStart(width, "0")}`));
  const section = [...name("name"), 1, ...enc(entries.length), ...entries];
  const parts = [b.subarray(0, 8)];
  for (const s of secs) {
    if (s.id === 0 && readName(b, s.start)[0] === "name") continue;
    parts.push(b.subarray(s.head, s.end));
  }
  parts.push(Uint8Array.from([0, ...enc(section.length)]), Uint8Array.from(section));
  return Buffer.concat(parts);
}

/** The imports: module, name and the bytes of their description. */
function importsOf(b) {
  const sec = sections(b).find((s) => s.id === 2);
  if (!sec) return [];
  let [cnt, p] = leb(b, sec.start);
  const out = [];
  for (; cnt > 0; cnt--) {
    const [module, q] = readName(b, p);
    const [field, r] = readName(b, q);
    const kind = b[r];
    let e;
    if (kind === 0) [, e] = leb(b, r + 1);
    else if (kind === 1) { const [flags, f] = leb(b, r + 2); [, e] = leb(b, f); if (flags & 1) [, e] = leb(b, e); }
    else if (kind === 2) { const [flags, f] = leb(b, r + 1); [, e] = leb(b, f); if (flags & 1) [, e] = leb(b, e); }
    else if (kind === 3) e = r + 3;
    else fail(`import of unknown kind ${kind}`);
    out.push({ module, field, desc: b.subarray(r, e) });
    p = e;
  }
  return out;
}

// a … z, A … Z, then two letters.
const shortName = (i) => {
  const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return i < abc.length ? abc[i] : abc[Math.floor(i / abc.length) - 1] + abc[i % abc.length];
};

/** Replaces source ranges ({start, end, text}) in `src`. */
const splice = (src, edits) => {
  let out = src;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
};

/**
 * The WASM with short import names and the readable glue to match: the
 * import object's keys renamed, the ones the WASM no longer imports and
 * wasm-streams' classes removed.
 */
export function shortenImports(b, glue) {
  const imports = importsOf(b);
  const map = new Map();
  for (const im of imports) if (im.module === GLUE_MODULE && !map.has(im.field)) map.set(im.field, shortName(map.size));
  const body = [...enc(imports.length)];
  for (const im of imports) {
    const own = im.module === GLUE_MODULE;
    body.push(...name(own ? "a" : im.module), ...name(own ? map.get(im.field) : im.field), ...im.desc);
  }
  const wasm = replaceSection(b, 2, body);

  const ast = parse(glue, { ecmaVersion: "latest", sourceType: "module" });
  const edits = [];
  const mentionsClass = (n) => /\bIntoUnderlying[A-Za-z]*\b/.test(glue.slice(n.start, n.end));
  for (const n of ast.body) {
    const cls = n.type === "ExportNamedDeclaration" && n.declaration?.type === "ClassDeclaration" && /^IntoUnderlying/.test(n.declaration.id.name);
    const other = (n.type === "IfStatement" || n.type === "VariableDeclaration") && mentionsClass(n);
    if (cls || other) edits.push({ start: n.start, end: n.end, text: "" });
  }
  // The object of the glue module's imports: `const import0 = { __proto__: null, … }`
  // and its key in the object returned (`"./thongbao_bg.js": import0`).
  const getImports = ast.body.find((n) => n.type === "FunctionDeclaration" && n.id.name === "__wbg_get_imports") || fail("no __wbg_get_imports in the glue");
  const ret = getImports.body.body.find((n) => n.type === "ReturnStatement")?.argument;
  const modProp = ret?.properties?.find((p) => p.key?.value === GLUE_MODULE) || fail(`no "${GLUE_MODULE}" in the imports`);
  const objName = modProp.value.name;
  const decl = getImports.body.body.flatMap((n) => (n.type === "VariableDeclaration" ? n.declarations : [])).find((d) => d.id.name === objName) || fail(`no ${objName} object`);
  const seen = new Set();
  for (const p of decl.init.properties) {
    const key = p.key?.name ?? p.key?.value;
    if (key === "__proto__") continue;
    const to = map.get(key);
    if (to) {
      seen.add(key);
      edits.push({ start: p.key.start, end: p.key.end, text: to });
    } else {
      // Not imported any more (wasm-opt removed its last use): drop it and its comma.
      const end = glue[p.end] === "," ? p.end + 1 : p.end;
      edits.push({ start: p.start, end, text: "" });
    }
  }
  for (const k of map.keys()) if (!seen.has(k)) fail(`the WASM imports ${k}, the glue has no such function`);
  edits.push({ start: modProp.key.start, end: modProp.key.end, text: "a" });
  const out = splice(glue, edits);
  if (/IntoUnderlying/.test(out)) fail("wasm-streams' classes are still referenced in the glue");
  return { wasm, glue: out, renamed: map.size };
}
