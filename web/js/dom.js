// Small DOM helpers shared by the views: element building (text only, never HTML strings, so
// nothing from the server is ever parsed as markup), the status line and the confirm dialog.

export const $ = (id) => document.getElementById(id);

// el("button", {type: "button", class: "x", onclick: f}, "text", child, ...)
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// "2024-01-01T10:20:30Z" -> "2024-01-01 10:20" (UTC, as the API gives it; no locale guessing).
export function formatTime(iso) {
  if (!iso) return "";
  return iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "");
}

// For tight places: the time alone for today (UTC), else the date alone.
export function formatShortTime(iso) {
  if (!iso) return "";
  const today = new Date().toISOString().slice(0, 10);
  return iso.slice(0, 10) === today ? iso.slice(11, 16) : iso.slice(0, 10);
}

// A short message read out by screen readers and shown at the bottom of the screen.
let statusTimer = null;
export function announce(message) {
  const status = $("status");
  status.textContent = message;
  status.classList.add("visible");
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => status.classList.remove("visible"), 4000);
}

// The form's error line (role="alert", so it is read out when it changes).
export function showError(id, message) {
  $(id).textContent = message || "";
}

// Disables a form's controls while its request runs, so a double click sends one request.
export async function busy(form, work) {
  const controls = [...form.querySelectorAll("button, input, textarea")];
  controls.forEach((c) => { c.disabled = true; });
  try {
    return await work();
  } finally {
    controls.forEach((c) => { c.disabled = false; });
  }
}

// A modal yes/no question (<dialog>: focus is trapped and Escape cancels). Resolves true or false.
export function confirmAction(text, okLabel) {
  const dialog = $("confirm-dialog");
  $("confirm-text").textContent = text;
  $("confirm-ok").textContent = okLabel;
  return new Promise((resolve) => {
    const finish = (answer) => {
      $("confirm-ok").removeEventListener("click", ok);
      $("confirm-cancel").removeEventListener("click", cancel);
      dialog.removeEventListener("close", cancel);
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    const ok = () => finish(true);
    const cancel = () => finish(false);
    $("confirm-ok").addEventListener("click", ok);
    $("confirm-cancel").addEventListener("click", cancel);
    dialog.addEventListener("close", cancel);
    dialog.showModal();
    $("confirm-cancel").focus();
  });
}
