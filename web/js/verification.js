// Verified addresses: the page of a mailed verification link (/#verify=<token>), and the banner
// with "Send the link again" while the signed-in account's address is not verified.
import { json, describe } from "./api.js";
import { $, announce } from "./dom.js";

// Wires the banner's button.
export function initVerification() {
  const button = $("resend-verification");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await json("POST", "/api/auth/email/resend");
      announce("A new link is on its way; the earlier ones no longer work.");
    } catch (error) {
      // Verified in the meantime (another tab): the banner has nothing left to say.
      if (error.code === "already_verified") showBanner({ email_verified: true });
      announce(describe(error));
    } finally {
      button.disabled = false;
    }
  });
}

// Shows the banner for an unverified user, hides it otherwise (or with no user).
export function showBanner(user) {
  const unverified = Boolean(user) && user.email_verified === false;
  $("verify-banner").hidden = !unverified;
  if (unverified) $("banner-email").textContent = user.email;
}

// The verification page: sends the token, says how it went. onContinue() leaves the page.
export async function showVerify(token, onContinue) {
  $("verify-view").hidden = false;
  $("verify-result").textContent = "Verifying…";
  $("verify-continue").hidden = true;
  $("verify-continue").onclick = onContinue;
  $("verify-view").focus();
  try {
    const data = await json("POST", "/api/auth/email/verify", { token }, null);
    $("verify-result").textContent = `Thank you: ${data.user.email} is verified.`;
  } catch (error) {
    $("verify-result").textContent = describe(error);
  }
  $("verify-continue").hidden = false;
  $("verify-continue").focus();
}
