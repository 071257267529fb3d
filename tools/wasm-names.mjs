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
