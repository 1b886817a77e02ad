// The web page's browser tests, run by tests/browser/run.py against a private stack
// (MODFORGE_URL): Debian's chromium driven by playwright-core. Each test is counted on its
// own; they run in order and share the accounts made by the earlier ones. Screenshots of the
// main screens go to MODFORGE_SCREENSHOTS. Prints `ok`/`FAIL` per test, last `N passed, N failed`.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

const BASE = process.env.MODFORGE_URL;
// The stack's SMTP sink keeps every mail in this Maildir.
const MAILDIR = join(process.env.MODFORGE_RUNDIR || ".", "mail", "new");
const SHOTS = process.env.MODFORGE_SCREENSHOTS;
const CHROMIUM = process.env.MODFORGE_CHROMIUM || "/usr/bin/chromium";
const ONLY = process.argv.slice(2);
const TIMEOUT = 20000;
// Without the background-networking switches chromium waits on services it cannot reach on a
// closed network; a fresh profile per browser (launchPersistentContext on a temp dir).
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const run = Date.now().toString(36);
const PASSWORD = "browser-test-pw";
const alice = { username: `alice_${run}`, email: `alice_${run}@example.com`, password: PASSWORD };
const bob = { username: `bob_${run}`, email: `bob_${run}@example.com`, password: PASSWORD };

// ---- the harness -----------------------------------------------------------------------
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const browsers = [];          // every context opened, closed at the end
const cspViolations = [];     // [where, text] from every page of every browser
const requestUrls = [];       // every URL any page asked for (no token may appear in one)

async function openBrowser(name, viewport = { width: 1280, height: 860 }) {
  const dir = mkdtempSync(join(tmpdir(), `modforge-chromium-${name}-`));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport, acceptDownloads: true,
    // A marker in the user agent, so the tokens list can tell the browsers apart.
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) modforge-browser-test/${name}`,
  });
  context.setDefaultTimeout(TIMEOUT);
  // Violations are reported to the page as events and to the console; both are collected.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const watch = (page) => {
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push([name, m.text()]);
    });
    page.on("request", (r) => requestUrls.push(r.url()));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  const page = context.pages()[0] || await context.newPage();
  browsers.push({ context, dir });
  return { context, page };
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

// The API straight from node (to set things up and to check what the page did).
async function api(method, path, body, token) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const r = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* a file */ }
  return { status: r.status, json };
}

const tokenOf = (page) => page.evaluate(() => sessionStorage.getItem("modforge.token"));

async function waitForJob(token, jobId, predicate = (j) => j.status === "completed" || j.status === "failed") {
  for (let i = 0; i < 120; i++) {
    const r = await api("GET", `/api/status/${jobId}`, undefined, token);
    if (predicate(r.json.job)) return r.json.job;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`job ${jobId} never got there`);
}

async function register(page, user) {
  await page.fill("#register-username", user.username);
  await page.fill("#register-email", user.email);
  await page.fill("#register-password", user.password);
  await page.click("#register-form button[type=submit]");
}

async function login(page, user) {
  await page.fill("#login-username", user.username);
  await page.fill("#login-password", user.password);
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#app-view:not([hidden])");
}

// The mails to `address` about `subject` in the stack's Maildir, oldest first: {subject, body}.
function mailsTo(address, subject) {
  let names = [];
  try { names = readdirSync(MAILDIR).sort(); } catch (e) { /* nothing delivered yet */ }
  return names.map((n) => readFileSync(join(MAILDIR, n), "utf8"))
    .map((text) => {
      const [head, ...rest] = text.split("\n\n");
      const header = (name) => (head.match(new RegExp(`^${name}: (.*)$`, "m")) || [])[1];
      return { to: header("Delivered-To"), subject: header("Subject") || "", body: rest.join("\n\n") };
    })
    .filter((m) => m.to === address && m.subject.includes(subject));
}

// Waits for the `count`-th such mail and answers the address of its `kind` link (reset, verify).
async function mailedLink(address, subject, kind, count = 1) {
  for (let i = 0; i < 200; i++) {
    const mails = mailsTo(address, subject);
    if (mails.length >= count) {
      const link = mails[count - 1].body.match(new RegExp(`^(\\S+/#${kind}=[0-9a-f]{64})$`, "m"));
      assert.ok(link, `no ${kind} link in:\n${mails[count - 1].body}`);
      return link[1];
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`no mail ${count} to ${address} about ${subject}`);
}

const sessionNames = (page) => page.$$eval("#session-list .session-name", (els) => els.map((e) => e.textContent));
const latestJob = (page) => page.locator("#job-list > li.job").last();

// ---- the tests -----------------------------------------------------------------------------
let A;          // alice's browser
let B;          // bob's browser
const state = {};

test("the page loads with its own CSP and the login forms", async () => {
  A = await openBrowser("alice");
  const response = await A.page.goto(BASE + "/");
  assert.equal(response.status(), 200);
  const h = response.headers();
  assert.match(h["content-type"], /^text\/html/);
  assert.match(h["content-security-policy"], /script-src 'self'/);
  assert.doesNotMatch(h["content-security-policy"], /unsafe-inline/);
  assert.equal(h["x-content-type-options"], "nosniff");
  await A.page.waitForSelector("#auth-view:not([hidden])");
  assert.equal(await A.page.locator("#login-username").evaluate((e) => document.activeElement === e), true);
  await shot(A.page, "login");
});

test("register logs in and shows the first session", async () => {
  await register(A.page, alice);
  await A.page.waitForSelector("#app-view:not([hidden])");
  await A.page.waitForSelector("#session-list li");
  assert.match(await A.page.textContent("#whoami"), new RegExp(alice.username));
  const names = await sessionNames(A.page);
  assert.equal(names.length, 1, names.join());
  assert.match(names[0], /^Untitled session \d+$/);
  assert.match(await A.page.textContent("#session-title"), /^Untitled session \d+$/);
  assert.ok(await tokenOf(A.page), "the token is in sessionStorage");
  assert.equal(await A.page.evaluate(() => localStorage.length), 0, "nothing in localStorage");
});

test("unverified: a banner with the address, and its button mails a new link", async () => {
  await A.page.waitForSelector("#verify-banner:not([hidden])");
  assert.equal(await A.page.textContent("#banner-email"), alice.email);
  const first = await mailedLink(alice.email, "Confirm", "verify", 1);
  await A.page.click("#resend-verification");
  await A.page.waitForSelector("#status:text('A new link is on its way')");
  const second = await mailedLink(alice.email, "Confirm", "verify", 2);
  assert.notEqual(first, second);
  assert.ok(second.startsWith(`${BASE}/#verify=`), second);
  state.firstVerifyLink = first;
  state.verifyLink = second;
  await shot(A.page, "verify-banner");
});

test("the verification link's page verifies the address; the banner goes", async () => {
  // The older link no longer works (a newer one was asked for).
  const V = await openBrowser("verify-old");
  await V.page.goto(state.firstVerifyLink);
  await V.page.waitForSelector("#verify-result:text('not valid')");
  // The newer one, followed in the tab that is logged in.
  await A.page.goto(state.verifyLink);
  await A.page.waitForSelector(`#verify-result:text('${alice.email} is verified')`);
  assert.equal(new URL(A.page.url()).hash, "", "the token left the address bar");
  await shot(A.page, "verify");
  await A.page.click("#verify-continue");
  await A.page.waitForSelector("#app-view:not([hidden])");
  await A.page.waitForSelector("#session-list li");
  assert.equal(await A.page.isHidden("#verify-banner"), true);
  const me = await api("GET", "/api/auth/me", undefined, await tokenOf(A.page));
  assert.equal(me.json.user.email_verified, true);
});

test("forgot password: the mailed link's page sets a new password", async () => {
  const dave = { username: `dave_${run}`, email: `dave_${run}@example.com`, password: PASSWORD };
  assert.equal((await api("POST", "/api/auth/register", dave)).status, 201);
  const R = await openBrowser("recovery");
  state.R = R;
  await R.page.goto(BASE + "/");
  await R.page.click("#show-forgot");
  await R.page.fill("#forgot-login", dave.email);
  await R.page.click("#forgot-form button[type=submit]");
  await R.page.waitForSelector("#forgot-done:text('If that account exists, a reset link has been sent')");
  await shot(R.page, "forgot");
  const link = await mailedLink(dave.email, "Reset", "reset");
  assert.ok(link.startsWith(`${BASE}/#reset=`), link);
  await R.page.goto(link);
  await R.page.waitForSelector("#reset-view:not([hidden])");
  assert.equal(new URL(R.page.url()).hash, "", "the token left the address bar");
  await R.page.fill("#reset-password", "a new password for dave");
  await R.page.fill("#reset-repeat", "a different one");
  await R.page.click("#reset-form button[type=submit]");
  await R.page.waitForSelector("#reset-error:text('The two passwords differ.')");
  await R.page.fill("#reset-repeat", "a new password for dave");
  await shot(R.page, "reset");
  await R.page.click("#reset-form button[type=submit]");
  await R.page.waitForSelector("#login-note:text('Your password is set')");
  assert.equal((await api("POST", "/api/auth/login", dave)).status, 401);
  await login(R.page, { ...dave, password: "a new password for dave" });
  state.resetLink = link;
});

test("a used reset link says so, and changes nothing", async () => {
  const U = await openBrowser("reset-again");
  await U.page.goto(state.resetLink);
  await U.page.waitForSelector("#reset-view:not([hidden])");
  await U.page.fill("#reset-password", "yet another password");
  await U.page.fill("#reset-repeat", "yet another password");
  await U.page.click("#reset-form button[type=submit]");
  await U.page.waitForSelector("#reset-error:text('This reset link is not valid')");
  await U.page.click("#reset-cancel");
  await U.page.waitForSelector("#auth-view:not([hidden])");
});

test("register: a taken username is refused with the API's message", async () => {
  B = await openBrowser("bob");
  await B.page.goto(BASE + "/");
  await register(B.page, { ...bob, username: alice.username });
  await B.page.waitForSelector("#register-error:text('Username already exists')");
  assert.equal(await B.page.isHidden("#app-view"), true);
});

test("login: a wrong password says Invalid credentials", async () => {
  await B.page.fill("#login-username", alice.username);
  await B.page.fill("#login-password", "not-the-password");
  await B.page.click("#login-form button[type=submit]");
  await B.page.waitForSelector("#login-error:text('Invalid credentials')");
});

test("login: a throttled account shows the 429 and the wait", async () => {
  const victim = { username: `locked_${run}`, email: `locked_${run}@example.com`, password: PASSWORD };
  assert.equal((await api("POST", "/api/auth/register", victim)).status, 201);
  let text = "";
  for (let i = 0; i < 6 && !/wait/i.test(text); i++) {
    await B.page.fill("#login-username", victim.username);
    await B.page.fill("#login-password", `wrong-${i}-password`);
    await Promise.all([
      B.page.waitForResponse((r) => r.url().endsWith("/api/auth/login")),
      B.page.click("#login-form button[type=submit]"),
    ]);
    await B.page.waitForFunction(() => !document.querySelector("#login-form button").disabled);
    text = await B.page.textContent("#login-error");
  }
  assert.match(text, /Please wait (\d+ seconds|\d+ minutes?) and try again/);
  await shot(B.page, "login-throttled");
});

test("bob registers and never sees alice's sessions", async () => {
  await register(B.page, bob);
  await B.page.waitForSelector("#app-view:not([hidden])");
  await B.page.waitForSelector("#session-list li");
  const mine = await api("GET", "/api/sessions", undefined, await tokenOf(B.page));
  const aliceSessions = await api("GET", "/api/sessions", undefined, await tokenOf(A.page));
  const shownIds = await B.page.$$eval("#session-list li", (els) => els.map((e) => Number(e.dataset.id)));
  assert.deepEqual(shownIds, mine.json.sessions.map((s) => s.id));
  for (const s of aliceSessions.json.sessions) assert.ok(!shownIds.includes(s.id), `alice's session ${s.id} is shown to bob`);
  assert.match(await B.page.textContent("#whoami"), new RegExp(bob.username));
});

test("new session: added on top and selected; the tab still holds one login", async () => {
  await A.page.click("#new-session");
  await A.page.waitForFunction(() => document.querySelectorAll("#session-list li").length === 2);
  const current = A.page.locator("#session-list .session-open[aria-current=true]");
  await current.waitFor();
  const id = Number(await current.evaluate((b) => b.closest("li").dataset.id));
  const firstId = Number(await A.page.locator("#session-list li").first().getAttribute("data-id"));
  assert.equal(id, firstId, "the new session is first and selected");
  state.secondSession = id;
  const tokens = await api("GET", "/api/auth/tokens", undefined, await tokenOf(A.page));
  assert.equal(tokens.json.tokens.length, 1, JSON.stringify(tokens.json));
  assert.equal(tokens.json.tokens[0].session_id, id);
});

test("rename in place: Enter saves, Escape cancels", async () => {
  const item = A.page.locator(`#session-list li[data-id="${state.secondSession}"]`);
  await item.locator(".rename").click();
  await A.page.locator(".rename-input").fill("Frost weapons");
  await A.page.locator(".rename-input").press("Enter");
  await A.page.waitForSelector(`#session-list li[data-id="${state.secondSession}"] .session-name:text("Frost weapons")`);
  await item.locator(".rename").click();
  await A.page.locator(".rename-input").fill("Not this");
  await A.page.locator(".rename-input").press("Escape");
  await A.page.waitForSelector(".rename-input", { state: "detached" });
  const r = await api("GET", `/api/sessions/${state.secondSession}`, undefined, await tokenOf(A.page));
  assert.equal(r.json.session.name, "Frost weapons");
  assert.equal(await A.page.textContent("#session-title"), "Frost weapons");
});

test("switching sessions shows each one's own jobs", async () => {
  await A.page.locator("#session-list li", { hasText: "Untitled session" }).locator(".session-open").click();
  await A.page.waitForSelector("#session-title:text('Untitled session')");
  await A.page.locator("#session-list li", { hasText: "Frost weapons" }).locator(".session-open").click();
  await A.page.waitForSelector("#session-title:text('Frost weapons')");
  assert.equal(await A.page.getAttribute(`#session-list li[data-id="${state.secondSession}"] .session-open`, "aria-current"), "true");
});

test("delete with confirmation: Cancel keeps it, Delete removes it", async () => {
  // A third session to delete.
  await A.page.click("#new-session");
  await A.page.waitForFunction(() => document.querySelectorAll("#session-list li").length === 3);
  const doomed = A.page.locator("#session-list li").first();
  const id = Number(await doomed.getAttribute("data-id"));
  await doomed.locator(".delete").click();
  await A.page.waitForSelector("#confirm-dialog[open]");
  await shot(A.page, "delete-confirmation");
  await A.page.click("#confirm-cancel");
  await A.page.waitForFunction(() => !document.getElementById("confirm-dialog").open);
  assert.equal(await A.page.locator("#session-list li").count(), 3);
  await doomed.locator(".delete").click();
  await A.page.click("#confirm-ok");
  await A.page.waitForFunction(() => document.querySelectorAll("#session-list li").length === 2);
  const left = await api("GET", "/api/sessions", undefined, await tokenOf(A.page));
  assert.equal(left.status, 200, "the tab's login survived deleting its own session");
  assert.ok(!left.json.sessions.some((s) => s.id === id));
});

test("generate: the prompt starts a job; progress and logs until it is ready", async () => {
  await A.page.locator("#session-list li", { hasText: "Frost weapons" }).locator(".session-open").click();
  await A.page.waitForSelector("#session-title:text('Frost weapons')");
  // Remembers whether a running job's card ever showed its progress bar and an open log
  // (the job takes about a second, the page polls every second).
  await A.page.evaluate(() => {
    window.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector("#job-list progress + details[open] li")) window.sawProgress = true;
    }).observe(document.getElementById("job-list"), { childList: true, subtree: true });
  });
  await A.page.fill("#prompt", "a glowing blue sword of frost");
  await A.page.press("#prompt", "Enter");
  const card = latestJob(A.page);
  await card.waitFor();
  await card.locator(".badge-completed").waitFor({ timeout: 30000 });
  assert.equal(await A.page.evaluate(() => window.sawProgress), true, "a progress bar and the log while it ran");
  const id = await card.getAttribute("data-job-id");
  state.job = id;
  const job = (await api("GET", `/api/status/${id}`, undefined, await tokenOf(A.page))).json.job;
  assert.equal(job.status, "completed");
  assert.equal(job.session_id, state.secondSession, "the job went to the session in view");
  assert.match(await card.locator(".job-title").textContent(), /Frost Sword/);
  assert.match(await card.locator(".job-prompt").textContent(), /glowing blue sword of frost/);
  await card.locator(".job-log summary").click();
  const logLines = await card.locator(".job-log li").allTextContents();
  assert.ok(logLines.length >= 4, logLines.join("\n"));
  assert.ok(logLines.some((l) => /Queued/.test(l)), logLines.join("\n"));
  // Images: drawn from blob: URLs, scaled as pixel art.
  await card.locator(".image-choice img").first().waitFor();
  const srcs = await card.locator(".images img").evaluateAll((imgs) => imgs.map((i) => [i.src, i.naturalWidth, getComputedStyle(i).imageRendering]));
  assert.ok(srcs.length >= 3, JSON.stringify(srcs));
  for (const [src, w, rendering] of srcs) {
    assert.match(src, /^blob:/);
    assert.equal(w, 16);
    assert.equal(rendering, "pixelated");
  }
  await shot(A.page, "session");
  // After a reload the card is drawn from the API alone, and still shows what was asked.
  await A.page.reload();
  await A.page.locator("#session-list li", { hasText: "Frost weapons" }).locator(".session-open").click();
  await A.page.waitForSelector("#session-title:text('Frost weapons')");
  assert.match(await latestJob(A.page).locator(".job-prompt").textContent(), /glowing blue sword of frost/);
});

test("select image 2: the mod is packaged again with it", async () => {
  const token = await tokenOf(A.page);
  const before = (await api("GET", `/api/status/${state.job}`, undefined, token)).json.job;
  assert.equal(before.selected_image, 0);
  const card = latestJob(A.page);
  await card.locator(".image-choice[data-index='1']").click();
  await card.locator(".image-choice[data-index='1'][aria-pressed=true]").waitFor({ timeout: 30000 });
  await card.locator(".badge-completed").waitFor({ timeout: 30000 });
  const after = await waitForJob(token, state.job);
  assert.equal(after.status, "completed");
  assert.equal(after.selected_image, 1);
  assert.ok(after.logs.length > before.logs.length, "packaged again (more log lines)");
});

test("regenerate: new candidate images, packaged with the first", async () => {
  const token = await tokenOf(A.page);
  const r0 = await fetch(`${BASE}/api/jobs/${state.job}/images/0`, { headers: { Authorization: `Bearer ${token}` } });
  const before = Buffer.from(await r0.arrayBuffer());
  const logsBefore = (await api("GET", `/api/status/${state.job}`, undefined, token)).json.job.logs.length;
  const card = latestJob(A.page);
  await card.locator("button.regenerate").click();
  await waitForJob(token, state.job, (j) => j.status === "completed" && j.logs.length > logsBefore);
  await card.locator(".image-choice[data-index='0'][aria-pressed=true]").waitFor({ timeout: 30000 });
  const r1 = await fetch(`${BASE}/api/jobs/${state.job}/images/0`, { headers: { Authorization: `Bearer ${token}` } });
  const after = Buffer.from(await r1.arrayBuffer());
  assert.ok(!before.equals(after), "image 0 is a new drawing");
  assert.equal((await api("GET", `/api/status/${state.job}`, undefined, token)).json.job.selected_image, 0);
});

test("download: the zip, fetched with the token, saved by the browser", async () => {
  const card = latestJob(A.page);
  const [download] = await Promise.all([A.page.waitForEvent("download"), card.locator("button.download").click()]);
  // The mod id is the job's own: the name's base and six hex digits of the job id.
  assert.match(download.suggestedFilename(), /^frost_sword_[0-9a-f]{6}-[0-9a-f-]{36}\.zip$/);
  const modId = download.suggestedFilename().split("-")[0];
  const path = await download.path();
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  const listing = execFileSync("unzip", ["-l", path], { encoding: "utf8" });
  for (const f of ["fabric.mod.json", "build.gradle", "gradlew", `assets/${modId}/textures/item/${modId}.png`, "en_us.json"]) {
    assert.ok(listing.includes(f), `${f} in\n${listing}`);
  }
});

test("no token ever appears in a URL", async () => {
  const tokens = [await tokenOf(A.page), await tokenOf(B.page)].filter(Boolean);
  assert.ok(requestUrls.length > 20);
  for (const url of requestUrls) for (const t of tokens) assert.ok(!url.includes(t), url);
});

test("tokens: another login is listed and can be revoked", async () => {
  const C = await openBrowser("alice-phone");
  await C.page.goto(BASE + "/");
  await login(C.page, alice);
  state.C = C;
  await A.page.click("#show-account");
  await A.page.waitForSelector("#token-list li");
  await A.page.waitForFunction(() => document.querySelectorAll("#token-list li").length === 2);
  const other = A.page.locator("#token-list li", { hasText: "alice-phone" });
  await shot(A.page, "account");
  await other.locator("button.revoke").click();
  await A.page.waitForFunction(() => document.querySelectorAll("#token-list li").length === 1);
  // The revoked browser is sent back to the login form at its next request.
  await C.page.reload();
  await C.page.waitForSelector("#auth-view:not([hidden])");
});

test("log out everywhere else: a wrong password is refused, the right one ends the others", async () => {
  await login(state.C.page, alice);
  await A.page.click("#back-to-session");
  await A.page.click("#show-account");
  await A.page.waitForFunction(() => document.querySelectorAll("#token-list li").length === 2);
  await A.page.fill("#logout-all-password", "wrong-password!");
  await A.page.click("#logout-all-form button[type=submit]");
  await A.page.waitForSelector("#logout-all-error:text('password')");
  await A.page.fill("#logout-all-password", alice.password);
  await A.page.click("#logout-all-form button[type=submit]");
  await A.page.waitForSelector("#status:text('1 other login ended.')");
  await A.page.waitForFunction(() => document.querySelectorAll("#token-list li").length === 1);
  const r = await api("GET", "/api/auth/verify", undefined, await tokenOf(state.C.page));
  assert.equal(r.status, 401);
});

test("the security log lists the account's events", async () => {
  const kinds = await A.page.$$eval("#event-list td[data-kind]", (tds) => tds.map((t) => t.dataset.kind));
  for (const k of ["register", "login", "token_revoked", "logout_all"]) assert.ok(kinds.includes(k), `${k} in ${kinds}`);
  assert.match(await A.page.textContent("#event-list"), /Logged out everywhere else/);
});

test("log out: back to the login form, the token is revoked and forgotten", async () => {
  const token = await tokenOf(A.page);
  await A.page.click("#logout");
  await A.page.waitForSelector("#auth-view:not([hidden])");
  assert.equal(await tokenOf(A.page), null);
  assert.equal((await api("GET", "/api/auth/verify", undefined, token)).status, 401);
  // Logging in again: the sessions are there, with the job.
  await login(A.page, alice);
  await A.page.locator("#session-list li", { hasText: "Frost weapons" }).locator(".session-open").click();
  await A.page.waitForSelector("#job-list li.job .badge-completed");
});

test("keyboard only: log in, make a mod, choose an image, download", async () => {
  const K = await openBrowser("keyboard");
  const p = K.page;
  await p.goto(BASE + "/");
  await p.waitForSelector("#auth-view:not([hidden])");
  // Focus starts in the username field.
  await p.keyboard.type(bob.username);
  await p.keyboard.press("Tab");
  await p.keyboard.type(bob.password);
  await p.keyboard.press("Enter");
  await p.waitForSelector("#app-view:not([hidden])");
  await p.waitForFunction(() => document.activeElement && document.activeElement.id === "prompt");
  await p.keyboard.type("a pickaxe of obsidian");
  await p.keyboard.press("Enter");
  await latestJob(p).locator(".badge-completed").waitFor({ timeout: 30000 });
  // Tab through the page to the second image's button, press it, then on to Download.
  const tabTo = async (selector) => {
    for (let i = 0; i < 60; i++) {
      await p.keyboard.press("Tab");
      if (await p.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  await tabTo(".image-choice[data-index='1']");
  await p.keyboard.press("Enter");
  await latestJob(p).locator(".image-choice[data-index='1'][aria-pressed=true]").waitFor({ timeout: 30000 });
  await latestJob(p).locator(".badge-completed").waitFor({ timeout: 30000 });
  await tabTo("button.download");
  const [download] = await Promise.all([p.waitForEvent("download"), p.keyboard.press("Enter")]);
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
});

test("a phone's width (390x844): nothing overflows sideways", async () => {
  const P = await openBrowser("phone", { width: 390, height: 844 });
  const p = P.page;
  const noOverflow = async (where) => {
    const [scroll, client] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `${where}: scrollWidth ${scroll} > ${client}`);
  };
  await p.goto(BASE + "/");
  await p.waitForSelector("#auth-view:not([hidden])");
  await noOverflow("login");
  await shot(p, "phone-login");
  await login(p, bob);
  await latestJob(p).locator(".badge-completed").waitFor({ timeout: 30000 });
  await noOverflow("session");
  await latestJob(p).scrollIntoViewIfNeeded();
  await shot(p, "phone-session");
  await p.click("#show-account");
  await p.waitForSelector("#event-list tr");
  await noOverflow("account");
});

test("no Content Security Policy violation on any page", async () => {
  assert.deepEqual(cspViolations, []);
});

// ---- run -----------------------------------------------------------------------------------
let passed = 0;
let failed = 0;
for (const t of tests) {
  if (ONLY.length && !ONLY.some((o) => t.name.includes(o))) continue;
  const t0 = Date.now();
  try {
    await t.fn();
    passed++;
    console.log(`ok   ${t.name} (${((Date.now() - t0) / 1000).toFixed(2)}s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name} (${((Date.now() - t0) / 1000).toFixed(2)}s)\n     ${String(e && e.stack || e).split("\n").slice(0, 8).join("\n     ")}`);
  }
}
for (const b of browsers) {
  await b.context.close().catch(() => {});
  rmSync(b.dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
