// The account page: where the account is logged in (tokens, each revocable), "log out
// everywhere else" (logout-all, confirmed with the password), and the security log.
import { json, describe } from "./api.js";
import { $, el, announce, busy, showError, formatTime } from "./dom.js";

const EVENT_TEXT = {
  register: "Account created", login: "Logged in", login_failed: "Failed login",
  login_throttled: "Login refused (too many attempts)", logout: "Logged out",
  logout_all: "Logged out everywhere else", token_revoked: "A login was revoked",
  password_changed: "Password changed", email_changed: "Email changed",
  username_changed: "Username changed",
  password_reset_requested: "Password reset link mailed", password_reset: "Password reset by mail",
  email_verified: "Email address verified",
  password_check_failed: "Wrong password given to confirm a change",
};

export function initAccount() {
  const form = $("logout-all-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    showError("logout-all-error", "");
    const password = $("logout-all-password").value;
    if (!password) {
      showError("logout-all-error", "Enter your password to confirm.");
      return;
    }
    busy(form, async () => {
      try {
        const data = await json("POST", "/api/auth/logout-all", { password });
        form.reset();
        announce(data.revoked === 1 ? "1 other login ended." : `${data.revoked} other logins ended.`);
        await loadAccount();
      } catch (error) {
        showError("logout-all-error", describe(error));
      }
    });
  });
}

export async function loadAccount() {
  showError("tokens-error", "");
  const [tokens, events] = await Promise.all([
    json("GET", "/api/auth/tokens?limit=100"),
    json("GET", "/api/auth/events?limit=50"),
  ]);
  renderTokens(tokens.tokens);
  renderEvents(events.events);
}

function renderTokens(tokens) {
  $("token-list").replaceChildren(...tokens.map((t) => el("li", { class: "token", "data-token-id": t.id },
    el("div", { class: "token-text" },
      el("strong", {}, t.current ? "This browser" : (t.user_agent || "Unknown browser or program")),
      el("span", { class: "token-meta" },
        `${t.ip_address || "unknown address"} · since ${formatTime(t.created_at)} · last used ${formatTime(t.last_used_at)} · session ${t.session_id}`)),
    t.current ? null : el("button", { type: "button", class: "revoke", "aria-label": `Revoke login ${t.id}`,
                                      onclick: () => revoke(t) }, "Revoke"))));
}

async function revoke(token) {
  try {
    await json("DELETE", `/api/auth/tokens/${token.id}`);
    announce("That login was revoked.");
    await loadAccount();
    $("logout-all-password").focus();
  } catch (error) {
    showError("tokens-error", describe(error));
  }
}

function renderEvents(events) {
  $("event-list").replaceChildren(...events.map((e) => el("tr", {},
    el("td", {}, el("time", { datetime: e.time }, formatTime(e.time))),
    el("td", { "data-kind": e.kind }, EVENT_TEXT[e.kind] || e.kind),
    el("td", {}, e.ip_address || ""),
    el("td", { class: "agent" }, e.user_agent || ""))));
}
