// The JSON API client: every request of the page goes through here, with the token (kept in
// sessionStorage: it lives as long as the tab, is never put in a URL, and other tabs log in
// on their own) in an Authorization header.

const TOKEN_KEY = "modforge.token";

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

// A failed request: the API's sentence, its stable code, the status, and for a 429 the
// number of seconds to wait (Retry-After).
export class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

// Called when the server no longer knows our token (revoked elsewhere, logged out
// everywhere, account disabled): app.js sends the person back to the login form.
let onUnauthorized = () => {};
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

function retryAfterSeconds(response) {
  const value = Number.parseInt(response.headers.get("Retry-After") || "", 10);
  return Number.isFinite(value) ? value : null;
}

// fetch with the token (this tab's, unless another is given); answers the Response, or throws
// ApiError for any non-2xx answer.
export async function send(method, path, body, token = getToken()) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  const init = { method, headers, cache: "no-store", credentials: "omit" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, "network_error", "The server cannot be reached. Check your connection and try again.", null);
  }
  if (response.ok) return response;
  let data = {};
  try {
    data = await response.json();
  } catch (e) {
    // Not JSON (a proxy's page): the status alone says what happened.
  }
  const error = new ApiError(response.status, data.code || "http_" + response.status,
    data.error || `The server answered ${response.status}.`, retryAfterSeconds(response));
  // A wrong password for login is also a 401, but it is not a lost token.
  if (response.status === 401 && token && token === getToken() && data.code !== "invalid_credentials") {
    onUnauthorized(error);
  }
  throw error;
}

export async function json(method, path, body, token) {
  const response = await send(method, path, body, token);
  return response.json();
}

// A file the API sends (an image, a zip) as a Blob, fetched with the token.
export async function blob(path) {
  const response = await send("GET", path);
  return response.blob();
}

// What a 429 is about, by its code; the wait itself comes from Retry-After (the API's own
// sentence says it in seconds, which reads badly for 900 of them).
const THROTTLED = {
  too_many_attempts: "Too many wrong passwords for this account from this address.",
  too_many_registrations: "Too many accounts were created from this address.",
  too_many_conflicts: "Too many names or addresses that are taken were tried from this address.",
  too_many_jobs: "You have as many jobs waiting or running as you may at once.",
  daily_job_limit: "You have made as many jobs today as you may.",
  too_many_mail_requests: "Too many mails were asked for.",
  rate_limited: "Too many requests.",
};

// A sentence for a person: the API's own, or for a 429 what happened and how long to wait.
export function describe(error) {
  if (error instanceof ApiError && error.status === 429 && error.retryAfter !== null) {
    const what = THROTTLED[error.code] || error.message;
    return `${what} Please wait ${formatWait(error.retryAfter)} and try again.`;
  }
  return error.message || String(error);
}

export function formatWait(seconds) {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
