// A forgotten password: "Forgot password?" on the login form asks for a reset link, and the
// link's page (/#reset=<token>) sets the new password.
import { json, describe } from "./api.js";
import { $, busy, showError } from "./dom.js";

// Wires the forgot form and the reset page; showLogin(note) goes back to the login form with a
// note for the person (or none).
export function initRecovery(showLogin) {
  const loginForm = $("login-form");
  const forgotForm = $("forgot-form");
  $("show-forgot").addEventListener("click", () => {
    showError("forgot-error", "");
    $("forgot-done").textContent = "";
    $("forgot-login").value = $("login-username").value.trim();
    loginForm.hidden = true;
    forgotForm.hidden = false;
    $("forgot-login").focus();
  });
  $("forgot-back").addEventListener("click", () => {
    forgotForm.hidden = true;
    loginForm.hidden = false;
    $("login-username").focus();
  });
  forgotForm.addEventListener("submit", (event) => {
    event.preventDefault();
    showError("forgot-error", "");
    $("forgot-done").textContent = "";
    const login = $("forgot-login").value.trim();
    if (!login) {
      showError("forgot-error", "Enter your email address or your username.");
      return;
    }
    busy(forgotForm, async () => {
      try {
        const data = await json("POST", "/api/auth/password/forgot", { email: login });
        // The API says the same whether or not there is such an account.
        $("forgot-done").textContent = `${data.message}. Look in your mail.`;
      } catch (error) {
        showError("forgot-error", describe(error));
      }
    });
  });

  const resetForm = $("reset-form");
  $("reset-cancel").addEventListener("click", () => showLogin());
  resetForm.addEventListener("submit", (event) => {
    event.preventDefault();
    showError("reset-error", "");
    const password = $("reset-password").value;
    if (!password) {
      showError("reset-error", "Enter a new password.");
      return;
    }
    if (password !== $("reset-repeat").value) {
      showError("reset-error", "The two passwords differ.");
      return;
    }
    busy(resetForm, async () => {
      try {
        await json("POST", "/api/auth/password/reset", { token: resetForm.dataset.token, password });
        resetForm.reset();
        delete resetForm.dataset.token;
        showLogin("Your password is set. Log in with it.");
      } catch (error) {
        showError("reset-error", describe(error));
      }
    });
  });
}

// Shows the reset page for the token of a mailed link.
export function showReset(token) {
  const form = $("reset-form");
  form.reset();
  form.dataset.token = token;
  showError("reset-error", "");
  $("reset-view").hidden = false;
  $("reset-password").focus();
}
