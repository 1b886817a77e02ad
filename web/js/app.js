// The page's entry point: decides which screen shows (log in, a session, the account page, or
// the page of a mailed link) and connects the modules. Nothing else happens at the top level of a
// module.
import { json, getToken, setToken, setUnauthorizedHandler, describe } from "./api.js";
import { initAuthForms, logout } from "./auth.js";
import { initSessions, loadSessions, resetSessions, selectedSession } from "./sessions.js";
import { initJobs, showSession, showTitle, stopJobs } from "./jobs.js";
import { initAccount, loadAccount } from "./account.js";
import { initRecovery, showReset } from "./recovery.js";
import { initVerification, showBanner, showVerify } from "./verification.js";
import { $, announce } from "./dom.js";

// Every screen hidden, and the jobs no longer polled: what showing another screen starts from.
function hideAll() {
  stopJobs();
  for (const id of ["auth-view", "reset-view", "verify-view", "app-view", "topnav"]) $(id).hidden = true;
  showBanner(null);
}

// The login form; `message` is an error to show, `note` good news.
function showLogin(message, note) {
  hideAll();
  resetSessions();
  $("forgot-form").hidden = true;
  $("login-form").hidden = false;
  $("auth-view").hidden = false;
  $("login-error").textContent = message || "";
  $("login-note").textContent = note || "";
  $("login-username").focus();
}

async function showApp(user) {
  $("whoami").textContent = `Logged in as ${user.username}`;
  hideAll();
  showBanner(user);
  $("topnav").hidden = false;
  $("app-view").hidden = false;
  showSessionView();
  await loadSessions();
  // Like a chat: the next thing to do is to describe an item.
  $("prompt").focus();
}

function showSessionView() {
  $("account-view").hidden = true;
  $("session-view").hidden = !selectedSession();
}

async function showAccountView() {
  $("session-view").hidden = true;
  $("account-view").hidden = false;
  $("account-title").setAttribute("tabindex", "-1");
  $("account-title").focus();
  try {
    await loadAccount();
  } catch (error) {
    announce(describe(error));
  }
}

// The app if this tab holds a token that still works (a reload, or back from the verification
// page), else the login form.
async function resume() {
  if (!getToken()) {
    showLogin();
    return;
  }
  try {
    const data = await json("GET", "/api/auth/verify");
    await showApp(data.user);
  } catch (error) {
    if (error.status !== 401) showLogin(describe(error));
  }
}

// The page of a mailed link: /#reset=<token> or /#verify=<token>. The token leaves the address
// bar and the history at once (it was never sent to a server: a fragment is not). Returns
// whether the address was such a link.
function openMailedLink() {
  const link = /^#(reset|verify)=(.+)$/.exec(window.location.hash);
  if (!link) return false;
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
  hideAll();
  if (link[1] === "reset") showReset(link[2]);
  else showVerify(link[2], resume);
  return true;
}

async function start() {
  setUnauthorizedHandler(() => {
    setToken(null);
    showLogin("Your login has ended (logged out or revoked elsewhere). Please log in again.");
  });
  initAuthForms((data) => showApp(data.user).catch((e) => announce(describe(e))));
  initSessions((session, changed) => {
    if (!changed) {
      showTitle(session);
      return;
    }
    showSessionView();
    showSession(session);
  });
  initJobs();
  initAccount();
  initRecovery((note) => showLogin("", note));
  initVerification();
  $("show-account").addEventListener("click", showAccountView);
  $("back-to-session").addEventListener("click", () => {
    showSessionView();
    $("prompt").focus();
  });
  $("logout").addEventListener("click", async () => {
    await logout();
    showLogin();
    announce("You are logged out.");
  });

  // A link followed in a tab that already shows the page changes only the fragment.
  window.addEventListener("hashchange", openMailedLink);
  if (!openMailedLink()) await resume();
}

start();
