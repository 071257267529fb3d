// The crash banner. The release build aborts on a panic (no unwinding, no
// panic messages: see ARCHITECTURE.md, "Size"), which surfaces in JS as a
// WebAssembly.RuntimeError thrown out of whatever called into the module.
// The module's state is then unreliable, so the banner is plain JS: a
// message and a reload button (the work is saved as it changes).
let installed = false;

function isTrap(e) {
  return typeof WebAssembly !== "undefined" && e instanceof WebAssembly.RuntimeError;
}

export function show_crash_banner() {
  if (document.querySelector("[data-testid='panic']")) return;
  const div = document.createElement("div");
  div.className = "panic-banner";
  div.setAttribute("role", "alert");
  div.setAttribute("data-testid", "panic");
  div.textContent = "Ứng dụng gặp lỗi không mong muốn; dữ liệu đã lưu vẫn còn. / The app hit an unexpected error; your saved work is kept. ";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Tải lại trang / Reload";
  button.addEventListener("click", () => location.reload());
  div.appendChild(button);
  // Fixed at the top of the viewport: also visible on a portal's page.
  div.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;background:#9b1c1c;color:#fff;padding:12px 16px;font:16px system-ui,sans-serif";
  (document.body || document.documentElement).prepend(div);
}

export function watch_crashes() {
  if (installed) return;
  installed = true;
  addEventListener("error", (ev) => {
    if (isTrap(ev.error)) { console.error("thongbao: internal error", ev.error); show_crash_banner(); }
  });
  addEventListener("unhandledrejection", (ev) => {
    if (isTrap(ev.reason)) { console.error("thongbao: internal error", ev.reason); show_crash_banner(); }
  });
}
