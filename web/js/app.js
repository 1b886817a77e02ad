// The page's entry point: decides which screen shows (log in, a session, the account page)
// and connects the modules. Nothing else happens at the top level of a module.
import { json, getToken, setToken, setUnauthorizedHandler, describe } from "./api.js";
import { initAuthForms, logout } from "./auth.js";
import { initSessions, loadSessions, resetSessions, selectedSession } from "./sessions.js";
import { initJobs, showSession, showTitle, stopJobs } from "./jobs.js";
import { initAccount, loadAccount } from "./account.js";
import { $, announce } from "./dom.js";

function showLogin(message) {
  stopJobs();
  resetSessions();
  $("app-view").hidden = true;
  $("topnav").hidden = true;
  $("auth-view").hidden = false;
  if (message) $("login-error").textContent = message;
  $("login-username").focus();
}

async function showApp(user) {
  $("whoami").textContent = `Logged in as ${user.username}`;
  $("auth-view").hidden = true;
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

  // A token from earlier in this tab (a reload): check that it still works.
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

start();
