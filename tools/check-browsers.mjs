// The built site uses only what Chrome/Edge 109 and Firefox 115 ESR have —
// the last browsers of Windows 7/8.1, still on many office PCs (README,
// "Supported browsers"). `node tools/check-browsers.mjs dist` fails when a
// newer feature slipped in:
//
//  1. WebAssembly: every module (the .wasm files, and the one inlined in
//     thongbao.html) is read and validated by binaryen's wasm-opt with only
//     the features below enabled. This checks what the module really uses —
//     its opcodes, types and sections — not its `target_features` custom
//     section (a hint, printed, which wasm-opt may strip). Each allowed
//     feature is also switched off alone, to print which ones the module uses.
//  2. JavaScript: every .js file and inline <script> is parsed with acorn at
//     ES2022 (both browsers have all of ES2022; ES2023+ syntax such as the
//     regexp `v` flag or import attributes fails), and searched for APIs
//     newer than either browser (JS_APIS).
//  3. CSS: every .css file and inline <style> is tokenised (comments and
//     strings left out) and checked against CSS_DENY, with nesting found by
//     the block structure.
//
// Support data: MDN browser-compat-data (webassembly/*.json, javascript/…,
// css/…), as shown on developer.mozilla.org and web-platform-dx's
// web-features explorer. Versions are the first release with the feature
// on by default, "Chrome / Firefox".
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import * as acorn from "acorn";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const WASM_OPT = process.env.WASM_OPT || path.join(ROOT, "node_modules", ".bin", "wasm-opt");

/** WebAssembly features both browsers have (binaryen's names). */
export const WASM_ALLOWED = {
  "sign-ext": "Chrome 74 / Firefox 62",
  "mutable-globals": "Chrome 74 / Firefox 61",
  "nontrapping-float-to-int": "Chrome 75 / Firefox 64",
  "bulk-memory": "Chrome 75 / Firefox 79 (BCD: ≤80 / 78)",
  "bulk-memory-opt": "memory.copy and memory.fill, part of bulk-memory",
  "multivalue": "Chrome 86 / Firefox 78",
  "reference-types": "Chrome 96 / Firefox 79",
  "call-indirect-overlong": "the LEB table index of call_indirect, part of reference-types",
  "simd": "fixed-width 128-bit SIMD: Chrome 91 / Firefox 89",
};
/** Not allowed, and why (for the message). Everything binaryen knows that
 * is not in WASM_ALLOWED is refused; these are the usual suspects. */
export const WASM_DENIED = {
  "tail-call": "Chrome 112 / Firefox 121",
  "extended-const": "Chrome 114 / Firefox 112",
  "exception-handling": "exnref: Chrome 137 / Firefox 131 (the legacy try/catch of Chrome 95 / Firefox 100 is deprecated)",
  "gc": "Chrome 119 / Firefox 120",
  "typed-function-references": "Chrome 119 / Firefox 120",
  "memory64": "Chrome 133 / Firefox 134",
  "multimemory": "Chrome 120 / Firefox 125",
  "relaxed-simd": "Chrome 114 / Firefox: not by default",
  "threads": "shared memory needs a cross-origin-isolated page (COOP/COEP headers) the site does not ask its servers for",
  "strings": "stringref: no browser",
  "fp16": "Chrome 135+ / Firefox: no",
};

/** JavaScript APIs newer than Chrome 109 or Firefox 115: [pattern, what, support]. */
export const JS_APIS = [
  [/\.(toSorted|toReversed|toSpliced)\s*\(/, "Array.prototype.toSorted/toReversed/toSpliced", "Chrome 110 / Firefox 115"],
  [/\b(Object|Map)\.groupBy\b/, "Object.groupBy / Map.groupBy", "Chrome 117 / Firefox 119"],
  [/\bPromise\.(withResolvers|try)\b/, "Promise.withResolvers / Promise.try", "Chrome 119, 128 / Firefox 121, 134"],
  [/\bArray\.fromAsync\b/, "Array.fromAsync", "Chrome 121 / Firefox 115"],
  [/\.(isWellFormed|toWellFormed)\s*\(/, "String.prototype.isWellFormed/toWellFormed", "Chrome 111 / Firefox 119"],
  [/\.(union|intersection|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\s*\(/, "Set methods", "Chrome 122 / Firefox 127"],
  [/\bIterator\.(from|prototype)\b/, "iterator helpers", "Chrome 122 / Firefox 131"],
  [/\.transfer(ToFixedLength)?\s*\(/, "ArrayBuffer.prototype.transfer", "Chrome 114 / Firefox 122"],
  [/\bmaxByteLength\b/, "resizable ArrayBuffer", "Chrome 111 / Firefox 128"],
  [/\bAbortSignal\.any\b/, "AbortSignal.any", "Chrome 116 / Firefox 124"],
  [/\bURL\.(canParse|parse)\b/, "URL.canParse / URL.parse", "Chrome 120, 126 / Firefox 115, 126"],
  [/\bRegExp\.escape\b/, "RegExp.escape", "Chrome 136 / Firefox 134"],
  [/\bFloat16Array\b/, "Float16Array", "Chrome 135 / Firefox 129"],
  [/\bUint8Array\.fromBase64\b|\.toBase64\s*\(/, "Uint8Array base64", "Chrome 140 / Firefox 133"],
  [/\bIntl\.Segmenter\b/, "Intl.Segmenter", "Chrome 87 / Firefox 125"],
  [/\bReadableStream\.from\b/, "ReadableStream.from", "Chrome 141 / Firefox 117"],
  [/\bscheduler\.(yield|postTask)\b/, "scheduler.yield / postTask", "Chrome 129, 94 / Firefox 142"],
  [/\bstartViewTransition\b/, "View Transitions", "Chrome 111 / Firefox 144"],
  [/\bshowOpenFilePicker\b|\bshowSaveFilePicker\b/, "File System Access pickers", "Chrome 86 / Firefox: no"],
  [/\bnavigation\.(navigate|addEventListener)\b/, "Navigation API", "Chrome 102 / Firefox 147"],
];

/** CSS features Chrome 109 or Firefox 115 lacks: [pattern, what, support].
 * Allowed on purpose: container queries and cq* units (Chrome 105 /
 * Firefox 110), @layer (99 / 97), dvh/svh/lvh (108 / 101), named pages
 * `page:` (85 / 110), :is()/:where() (88 / 78), media range syntax
 * (104 / 63); and, as enhancements an older browser ignores harmlessly,
 * `content-visibility`/`contain-intrinsic-size` (Chrome 85 / Firefox 125:
 * the letter's pages are simply laid out). */
export const CSS_DENY = [
  [/:has\(/, ":has()", "Chrome 105 / Firefox 121"],
  [/\bcolor-mix\(/, "color-mix()", "Chrome 111 / Firefox 113"],
  [/\b(oklch|oklab|lab|lch)\(/, "oklch()/oklab()/lab()/lch()", "Chrome 111 / Firefox 113"],
  [/(?<![\w-])color\(/, "color()", "Chrome 111 / Firefox 113"],
  [/\b(rgb|rgba|hsl|hsla|hwb)\(\s*from\b/, "relative colour syntax", "Chrome 119 / Firefox 128"],
  [/\blight-dark\(/, "light-dark()", "Chrome 123 / Firefox 120"],
  [/(?<![\w-])(round|mod|rem|abs|sign|pow|sqrt|hypot|log|exp|sin|cos|tan|asin|acos|atan|atan2)\(/, "CSS math functions beyond calc/min/max/clamp", "Chrome 111–138 / Firefox 108–118"],
  [/\b(anchor|anchor-size|calc-size)\(/, "anchor positioning / calc-size()", "Chrome 125+ / Firefox: no"],
  [/[\d.](r?lh)\b/, "lh / rlh units", "Chrome 109 / Firefox 120"],
  [/@scope\b/, "@scope", "Chrome 118 / Firefox 146"],
  [/@starting-style\b/, "@starting-style", "Chrome 117 / Firefox 129"],
  [/@property\b/, "@property", "Chrome 85 / Firefox 128"],
  [/@position-try\b|@view-transition\b/, "@position-try / @view-transition", "Chrome 125, 126 / Firefox: no"],
  [/@(top|bottom|left|right)-(left-corner|left|center|right|right-corner|top|middle|bottom)\b/, "@page margin boxes (page numbers come from src/js/print.js)", "Chrome 131 / Firefox: no"],
  [/\btext-wrap(-mode|-style)?\s*:/, "text-wrap", "Chrome 114 / Firefox 121"],
  [/\bwhite-space-collapse\s*:/, "white-space-collapse", "Chrome 114 / Firefox 124"],
  [/\b(field-sizing|interpolate-size|anchor-name|position-anchor|position-try[\w-]*|view-transition-name|animation-timeline|scroll-timeline[\w-]*|view-timeline[\w-]*|transition-behavior|text-box-trim|text-box-edge|reading-flow|overlay|margin-trim|initial-letter)\s*:/, "a property newer than both browsers", "Chrome 115–137 / Firefox: later or no"],
  [/(?<![\w-])zoom\s*:/, "zoom", "Firefox 126"],
  [/:nth-(last-)?child\([^)]*\bof\b/, ":nth-child(… of S)", "Chrome 111 / Firefox 113"],
  [/:(user-valid|user-invalid|popover-open|open|state|dir)\b/, ":user-invalid/:popover-open/:open/:state()/:dir()", "Chrome 119–133 / Firefox 88–no"],
  [/::(highlight|details-content|picker|scroll-marker|scroll-button|target-text)\b/, "a newer pseudo-element", "Chrome 105–135 / Firefox 131–no"],
  [/@media[^{]*\bscripting\b/, "@media (scripting)", "Chrome 120 / Firefox 113"],
];

export const failures = [];
const fail = (where, msg) => failures.push(`${where}: ${msg}`);

// ---- WebAssembly -------------------------------------------------------------

function wasmOptAccepts(file, features) {
  try {
    execFileSync(WASM_OPT, [file, "--mvp-features", ...features.map((f) => `--enable-${f}`), "-o", os.devNull], { stdio: ["ignore", "ignore", "pipe"] });
    return { ok: true };
  } catch (e) {
    return { ok: false, err: String(e.stderr || e.message).split("\n").filter((l) => l.trim()).slice(0, 6).join("\n    ") };
  }
}

/** The module's `target_features` custom section (["+bulk-memory", …] or
 * null), and the module without it: wasm-opt would take the section's
 * features as enabled, so it is validated without it. */
function splitTargetFeatures(bytes) {
  let p = 8, features = null;
  const keep = [bytes.subarray(0, 8)];
  const leb = () => { let r = 0, s = 0, b; do { b = bytes[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
  while (p < bytes.length) {
    const from = p, id = bytes[p++], size = leb(), end = p + size;
    if (id === 0) {
      const n = leb(), name = Buffer.from(bytes.subarray(p, p + n)).toString("utf8");
      p += n;
      if (name === "target_features") {
        const count = leb();
        features = [];
        for (let i = 0; i < count; i++) {
          const prefix = String.fromCharCode(bytes[p++]), l = leb();
          features.push(prefix + Buffer.from(bytes.subarray(p, p + l)).toString("utf8"));
          p += l;
        }
        p = end;
        continue;
      }
    }
    keep.push(bytes.subarray(from, end));
    p = end;
  }
  return { features, module: Buffer.concat(keep) };
}

const checkedWasm = new Map(); // sha-256 → label: thongbao.html inlines the same module
export function checkWasm(path0, label = path0) {
  const bytes = fs.readFileSync(path0);
  const sum = crypto.createHash("sha256").update(bytes).digest("hex");
  if (checkedWasm.has(sum)) return console.log(`wasm ${label}: the same module as ${checkedWasm.get(sum)}`);
  checkedWasm.set(sum, label);
  if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0x0061736d) return fail(label, "not a WebAssembly module");
  const { features: tf, module } = splitTargetFeatures(bytes);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "thongbao-wasm-")), "module.wasm");
  fs.writeFileSync(file, module);
  const allowed = Object.keys(WASM_ALLOWED);
  const r = wasmOptAccepts(file, allowed);
  if (!r.ok) {
    const denied = Object.entries(WASM_DENIED).find(([f]) => r.err.includes(f));
    fail(label, `uses a WebAssembly feature outside Chrome 109 / Firefox 115${denied ? ` (${denied[0]}: ${denied[1]})` : ""}:\n    ${r.err}`);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    return;
  }
  const used = allowed.filter((f) => !wasmOptAccepts(file, allowed.filter((g) => g !== f)).ok);
  console.log(`wasm ${label}: uses ${used.length ? used.join(", ") : "MVP only"}` +
    `; target_features section: ${tf ? tf.join(" ") : "none (stripped)"}`);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

// ---- JavaScript --------------------------------------------------------------

export function checkJs(code, label) {
  const opts = { ecmaVersion: 2022, allowHashBang: false, locations: true };
  try {
    acorn.parse(code, { ...opts, sourceType: "module" });
  } catch (em) {
    try {
      acorn.parse(code, { ...opts, sourceType: "script" });
    } catch {
      return fail(label, `not ES2022 JavaScript (Chrome 109 / Firefox 115): ${em.message}`);
    }
  }
  for (const [re, what, support] of JS_APIS) {
    const m = code.match(re);
    if (m) fail(label, `uses ${what} (${support}): …${code.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, " ")}…`);
  }
  console.log(`js   ${label}: ES2022, no newer API`);
}

// ---- CSS ---------------------------------------------------------------------

/** Comments and strings out (strings kept as ""), so that patterns see only code. */
function cssCode(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
}

const AT_GROUP = new Set(["media", "supports", "layer", "container", "document"]);
export function checkCss(css, label) {
  const code = cssCode(css);
  const line = (i) => code.slice(0, i).split("\n").length;
  // Nesting: a style rule inside a style rule, or `&` anywhere.
  const stack = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "{") {
      const prelude = code.slice(start, i).trim();
      const top = stack[stack.length - 1];
      let kind;
      if (prelude.startsWith("@")) {
        const name = prelude.slice(1).match(/^[\w-]+/)?.[0] || "";
        kind = AT_GROUP.has(name) ? "group" : name === "keyframes" || name.endsWith("-keyframes") ? "keyframes" : "at";
      } else if (top === "rule") {
        fail(label, `line ${line(i)}: CSS nesting (Chrome 112 / Firefox 117): ${prelude} {`);
        kind = "rule";
      } else kind = top === "keyframes" || top === "at" ? "frame" : "rule";
      stack.push(kind);
      start = i + 1;
    } else if (c === "}") {
      stack.pop();
      start = i + 1;
    } else if (c === ";") start = i + 1;
    else if (c === "&") fail(label, `line ${line(i)}: CSS nesting selector & (Chrome 112 / Firefox 117)`);
  }
  for (const [re, what, support] of CSS_DENY) {
    const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    for (const m of code.matchAll(g)) fail(label, `line ${line(m.index)}: ${what} (${support}): ${code.slice(m.index, m.index + 40).split("\n")[0]}`);
  }
  console.log(`css  ${label}: checked`);
}

// ---- the site ----------------------------------------------------------------

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export function checkSite(dist) {
  const files = walk(dist);
  const rel = (f) => path.relative(dist, f);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "thongbao-check-"));
  for (const f of files) {
    if (f.endsWith(".wasm")) checkWasm(f, rel(f));
    else if (f.endsWith(".js") || f.endsWith(".mjs")) checkJs(fs.readFileSync(f, "utf8"), rel(f));
    else if (f.endsWith(".css")) checkCss(fs.readFileSync(f, "utf8"), rel(f));
    else if (f.endsWith(".html")) {
      const html = fs.readFileSync(f, "utf8");
      let n = 0;
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (/\bsrc=/.test(m[1]) || !m[2].trim() || /type="(application\/(ld\+)?json|importmap)"/.test(m[1])) continue;
        const label = `${rel(f)} <script> #${++n}`;
        checkJs(m[2], label);
        // A module inlined as base64 (thongbao.html carries the app's wasm).
        for (const b of m[2].matchAll(/atob\("([A-Za-z0-9+/=]{1000,})"\)/g)) {
          const wasm = path.join(tmp, `${path.basename(f)}-${n}.wasm`);
          fs.writeFileSync(wasm, Buffer.from(b[1], "base64"));
          checkWasm(wasm, `${label}: inlined wasm`);
        }
      }
      n = 0;
      for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) checkCss(m[1], `${rel(f)} <style> #${++n}`);
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] || "dist";
  if (!fs.existsSync(dist)) { console.error(`check-browsers: no ${dist}/ (make dist first)`); process.exit(2); }
  checkSite(dist);
  if (failures.length) {
    console.error(`\ncheck-browsers: ${failures.length} feature(s) newer than Chrome/Edge 109 and Firefox 115 ESR:`);
    for (const f of failures) console.error(`  ✗ ${f}`);
    process.exit(1);
  }
  console.log("check-browsers: the site uses only what Chrome/Edge 109 and Firefox 115 ESR support");
}
