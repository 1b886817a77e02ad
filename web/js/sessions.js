// The sidebar: the account's sessions (conversations), most recently used first; new, rename
// in place, delete with confirmation, and choosing which one the main area shows.
//
// This tab holds one token, bound to one session. Switching sessions does not need another
// token (the API reads any of your sessions and generate-mod takes a session_id), so it is
// done here without asking the server for one. A new session comes with a token of its own:
// the tab adopts it and logs the old one out, so that it never holds more than one login.
import { json, getToken, setToken, describe } from "./api.js";
import { $, el, announce, confirmAction, formatShortTime } from "./dom.js";

let sessions = [];
let selectedId = null;
let onSelect = () => {};

export function sessionTitle(session) {
  return session.name || `Untitled session ${session.id}`;
}

export function selectedSession() {
  return sessions.find((s) => s.id === selectedId) || null;
}

// onSelectSession(session, changed) runs whenever the list is drawn: changed is true when
// another session (or null: none left) is now in view, false when it is the same one (whose
// name may have changed).
export function initSessions(onSelectSession) {
  onSelect = onSelectSession;
  $("new-session").addEventListener("click", () => newSession().catch((e) => announce(describe(e))));
}

export function resetSessions() {
  sessions = [];
  selectedId = null;
  $("session-list").replaceChildren();
}

// Reloads the list; keeps the selection if it still exists, else selects the token's own
// session (the one login resumed), else the most recent.
export async function loadSessions(preferredId) {
  const data = await json("GET", "/api/sessions?limit=100");
  sessions = data.sessions;
  const wanted = preferredId ?? selectedId;
  const keep = sessions.find((s) => s.id === wanted)
    || sessions.find((s) => s.current) || sessions[0] || null;
  render();
  select(keep ? keep.id : null);
}

function select(id) {
  const changed = id !== selectedId;
  selectedId = id;
  for (const item of $("session-list").children) {
    const button = item.querySelector(".session-open");
    if (Number(item.dataset.id) === id) button.setAttribute("aria-current", "true");
    else button.removeAttribute("aria-current");
  }
  onSelect(selectedSession(), changed || id === null);
}

function render() {
  const list = $("session-list");
  list.replaceChildren(...sessions.map((s) => {
    const label = sessionTitle(s);
    const count = s.job_count === 1 ? "1 mod" : `${s.job_count} mods`;
    return el("li", { class: "session-item", "data-id": s.id },
      el("button", { type: "button", class: "session-open", onclick: () => select(s.id),
                     "aria-current": s.id === selectedId ? "true" : null },
        el("span", { class: "session-name" }, label),
        el("span", { class: "session-meta" }, `${count} · last used ${formatShortTime(s.last_used_at)}`)),
      el("div", { class: "session-actions" },
        el("button", { type: "button", class: "icon-button rename",
                       "aria-label": `Rename ${label}`, title: "Rename",
                       onclick: (e) => startRename(s, e.currentTarget.closest("li")) },
          el("img", { src: "/img/rename.svg", alt: "", width: 16, height: 16 })),
        el("button", { type: "button", class: "icon-button delete",
                       "aria-label": `Delete ${label}`, title: "Delete",
                       onclick: () => deleteSession(s).catch((err) => announce(describe(err))) },
          el("img", { src: "/img/delete.svg", alt: "", width: 16, height: 16 }))));
  }));
}

// Replaces the session's name with a text field: Enter or leaving the field saves, Escape
// cancels. An empty name means "no name".
function startRename(session, item) {
  const open = item.querySelector(".session-open");
  const input = el("input", { class: "rename-input", value: session.name || "", maxlength: 255,
                              "aria-label": `New name for ${sessionTitle(session)}` });
  let done = false;
  const finish = async (save) => {
    if (done) return;
    done = true;
    const name = input.value.trim();
    if (save && name !== (session.name || "")) {
      try {
        await json("PATCH", `/api/sessions/${session.id}`, { name: name || null });
        announce(`Session renamed to ${name || "no name"}.`);
      } catch (error) {
        announce(describe(error));
      }
    }
    await loadSessions();
    const again = $("session-list").querySelector(`li[data-id="${session.id}"] .rename`);
    if (again) again.focus();
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); finish(true); }
    if (event.key === "Escape") { event.preventDefault(); finish(false); }
  });
  input.addEventListener("blur", () => finish(true));
  open.replaceWith(input);
  input.focus();
  input.select();
}

// Takes a session's freshly made token for this tab and logs the previous one out.
async function adoptToken(newToken, revokeOld) {
  const old = getToken();
  setToken(newToken);
  if (revokeOld && old && old !== newToken) {
    try {
      await json("POST", "/api/auth/logout", undefined, old);
    } catch (error) {
      // Already gone: nothing to do.
    }
  }
}

export async function newSession() {
  const data = await json("POST", "/api/sessions/new", {});
  await adoptToken(data.session.token, true);
  await loadSessions(data.session.id);
  announce("New session started.");
  $("prompt").focus();
}

// Deleting the session this tab's token is bound to would revoke the token with it: the tab
// first moves its login to another session (resume, or a new one if there is no other).
async function deleteSession(session) {
  const ok = await confirmAction(
    `Delete "${sessionTitle(session)}"? Its mods, images and downloads are deleted too.`,
    "Delete session");
  if (!ok) return;
  if (session.current) {
    const other = sessions.find((s) => s.id !== session.id);
    const moved = other
      ? await json("POST", `/api/sessions/${other.id}/resume`)
      : await json("POST", "/api/sessions/new", {});
    // The old token is deleted with its session: no logout needed.
    await adoptToken(moved.session.token, false);
  }
  await json("DELETE", `/api/sessions/${session.id}`);
  announce(`Session "${sessionTitle(session)}" deleted.`);
  await loadSessions(session.id === selectedId ? null : selectedId);
  $("new-session").focus();
}
