// Logging in, registering and logging out: the two forms of the first screen and the token.
import { json, setToken, describe } from "./api.js";
import { $, busy, showError } from "./dom.js";

// Logs in and keeps the token; answers the login response ({session, user}).
async function login(username, password) {
  const data = await json("POST", "/api/auth/login", { username, password });
  setToken(data.session.token);
  return data;
}

// Wires the login and register forms; onLoggedIn(loginResponse) runs after either succeeds.
export function initAuthForms(onLoggedIn) {
  const loginForm = $("login-form");
  loginForm.addEventListener("submit", (event) => {
    event.preventDefault();
    showError("login-error", "");
    const username = $("login-username").value.trim();
    const password = $("login-password").value;
    if (!username || !password) {
      showError("login-error", "Enter your username (or email) and your password.");
      return;
    }
    busy(loginForm, async () => {
      try {
        const data = await login(username, password);
        loginForm.reset();
        onLoggedIn(data);
      } catch (error) {
        showError("login-error", describe(error));
        $("login-password").focus();
      }
    });
  });

  const registerForm = $("register-form");
  registerForm.addEventListener("submit", (event) => {
    event.preventDefault();
    showError("register-error", "");
    const username = $("register-username").value.trim();
    const email = $("register-email").value.trim();
    const password = $("register-password").value;
    if (!username || !email || !password) {
      showError("register-error", "Fill in a username, an email and a password.");
      return;
    }
    busy(registerForm, async () => {
      try {
        await json("POST", "/api/auth/register", { username, email, password });
        // Registered: log straight in with the same details.
        const data = await login(username, password);
        registerForm.reset();
        onLoggedIn(data);
      } catch (error) {
        showError("register-error", describe(error));
      }
    });
  });
}

// Revokes this browser's token (the session and its jobs stay), then forgets it.
export async function logout() {
  try {
    await json("POST", "/api/auth/logout");
  } catch (error) {
    // Already revoked or unreachable: forgetting the token is what matters here.
  }
  setToken(null);
}
