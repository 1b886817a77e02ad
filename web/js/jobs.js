// A session in the main area: its jobs as a timeline (oldest first), the prompt box that
// starts generate-mod, live progress by polling each unfinished job's status, the candidate
// images (fetched with the token, shown from blob: URLs), choosing one, new images, download.
import { json, blob, describe } from "./api.js";
import { $, el, announce, busy, showError, formatTime } from "./dom.js";
import { sessionTitle, loadSessions } from "./sessions.js";

const POLL_MS = 1000;
const FINAL = new Set(["completed", "failed"]);
const STATUS_TEXT = {
  queued: "Queued", analyzing: "Reading the description", generating: "Drawing the images",
  packaging: "Packaging the mod", completed: "Ready", failed: "Failed",
};

let session = null;
// Bumped whenever the view changes, so that pollers and loads of a previous view stop.
let generation = 0;
// job_id -> { card, timer, imageUrls, shownKey }
const cards = new Map();

export function initJobs() {
  const form = $("prompt-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitPrompt(form);
  });
  // Enter sends, Shift+Enter makes a new line (as in a chat).
  $("prompt").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

function forgetCards() {
  for (const state of cards.values()) {
    clearTimeout(state.timer);
    state.imageUrls.forEach((u) => URL.revokeObjectURL(u));
  }
  cards.clear();
  $("job-list").replaceChildren();
}

// A session with all its jobs: the API gives them a page of at most 100 at a time.
async function wholeSession(id) {
  const PAGE = 100;
  const data = await json("GET", `/api/sessions/${id}?limit=${PAGE}`);
  for (let page = data.jobs; page.length === PAGE;) {
    page = (await json("GET", `/api/sessions/${id}?limit=${PAGE}&offset=${data.jobs.length}`)).jobs;
    data.jobs.push(...page);
  }
  return data;
}

// Shows a session (or nothing, for null) and starts polling its unfinished jobs.
export async function showSession(next) {
  generation += 1;
  const mine = generation;
  forgetCards();
  session = next;
  $("session-view").hidden = !next;
  if (!next) return;
  $("session-title").textContent = sessionTitle(next);
  showError("prompt-error", "");
  $("no-jobs").hidden = true;
  let data;
  try {
    data = await wholeSession(next.id);
  } catch (error) {
    if (mine === generation) announce(describe(error));
    return;
  }
  if (mine !== generation) return;
  $("session-title").textContent = sessionTitle(data.session);
  $("no-jobs").hidden = data.jobs.length > 0;
  for (const job of data.jobs) addCard(job.job_id, mine);
}

// The session in view was renamed.
export function showTitle(next) {
  session = next;
  $("session-title").textContent = sessionTitle(next);
}

export function stopJobs() {
  generation += 1;
  forgetCards();
  session = null;
}

function submitPrompt(form) {
  showError("prompt-error", "");
  const prompt = $("prompt").value.trim();
  if (!prompt) {
    showError("prompt-error", "Describe the item first, for example “a glowing blue sword of frost”.");
    $("prompt").focus();
    return;
  }
  const mine = generation;
  busy(form, async () => {
    try {
      const data = await json("POST", "/api/generate-mod", { prompt, session_id: session.id });
      $("prompt").value = "";
      if (mine !== generation) return;
      $("no-jobs").hidden = true;
      addCard(data.job_id, mine);
      announce("The mod is being made.");
      // The sidebar's job count and order change with it.
      loadSessions().catch(() => {});
    } catch (error) {
      showError("prompt-error", describe(error));
    }
  });
  $("prompt").focus();
}

function addCard(jobId, mine) {
  const card = el("li", { class: "job", "data-job-id": jobId, "aria-busy": "true" },
    el("p", { class: "job-loading" }, "Loading…"));
  $("job-list").append(card);
  const state = { card, timer: null, imageUrls: [], shownKey: null };
  cards.set(jobId, state);
  poll(jobId, state, mine);
}

// Fetches the status, redraws the card, and comes back in a second while the job runs.
async function poll(jobId, state, mine) {
  let job;
  try {
    job = (await json("GET", `/api/status/${jobId}`)).job;
  } catch (error) {
    if (mine !== generation) return;
    state.card.replaceChildren(el("p", { class: "form-error" }, describe(error)));
    if (error.status !== 404 && error.status !== 401) state.timer = setTimeout(() => poll(jobId, state, mine), POLL_MS * 3);
    return;
  }
  if (mine !== generation) return;
  await renderCard(job, state, mine);
  if (mine !== generation) return;
  if (!FINAL.has(job.status)) state.timer = setTimeout(() => poll(jobId, state, mine), POLL_MS);
}

// Restarts polling after select-image or regenerate-images put the job back in the queue.
function repoll(jobId) {
  const state = cards.get(jobId);
  if (!state) return;
  clearTimeout(state.timer);
  poll(jobId, state, generation);
}

async function renderCard(job, state, mine) {
  const running = !FINAL.has(job.status);
  // Unchanged since the last drawing: keep what is there (focus stays where it is).
  const key = `${job.status}|${job.progress}|${job.updated_at}|${job.selected_image}|${job.logs.length}`;
  if (key === state.shownKey) return;
  state.shownKey = key;

  const decisions = job.aiDecisions || {};
  const title = decisions.itemName
    ? `${decisions.itemName}${decisions.modName ? ` — ${decisions.modName}` : ""}`
    : "New mod";
  const prompt = job.prompt;
  const parts = [
    el("div", { class: "job-head" },
      el("h3", { class: "job-title" }, title),
      el("span", { class: `badge badge-${job.status}` }, STATUS_TEXT[job.status] || job.status),
      el("time", { class: "job-time", datetime: job.created_at }, formatTime(job.created_at))),
  ];
  if (prompt) parts.push(el("p", { class: "job-prompt" }, `“${prompt}”`));
  if (running) {
    parts.push(el("label", { class: "progress-label", for: `progress-${job.job_id}` },
      `${STATUS_TEXT[job.status] || job.status} (${job.progress}%)`));
    parts.push(el("progress", { id: `progress-${job.job_id}`, max: 100, value: job.progress }));
  }
  if (job.status === "failed" && job.error) parts.push(el("p", { class: "form-error" }, job.error));

  let images = null;
  if (job.status === "completed" && job.images.length) {
    images = await imagesFor(job, state);
    if (mine !== generation) return;
    parts.push(images);
    parts.push(el("div", { class: "job-buttons" },
      el("button", { type: "button", class: "primary download", "data-key": "download", onclick: (e) => download(job, e.currentTarget) },
        `Download ${job.result ? job.result.filename : "the mod"}`),
      el("button", { type: "button", class: "regenerate", "data-key": "regenerate", onclick: (e) => regenerate(job, e.currentTarget) },
        "Draw new images")));
  }
  // The log: open while the job runs, so its progress can be read as it happens.
  parts.push(el("details", { class: "job-log", open: running },
    el("summary", {}, `Log (${job.logs.length})`),
    el("ol", {}, job.logs.map((entry) =>
      el("li", {}, el("time", { datetime: entry.time }, formatTime(entry.time)), " ", entry.message)))));

  // Keep focus on the same control across a redraw (keyboard users).
  const focusedKey = state.card.contains(document.activeElement) ? document.activeElement.dataset.key : null;
  state.card.replaceChildren(...parts);
  state.card.setAttribute("aria-busy", running ? "true" : "false");
  if (focusedKey) {
    const again = state.card.querySelector(`[data-key="${focusedKey}"]`);
    if (again) again.focus();
  }
}

// The candidate images: the chosen one large, and a button per image to choose another.
async function imagesFor(job, state) {
  const old = state.imageUrls;
  let urls;
  try {
    urls = await Promise.all(job.images.map(async (image) => URL.createObjectURL(await blob(image.url))));
  } catch (error) {
    return el("p", { class: "form-error" }, `The images could not be loaded: ${describe(error)}`);
  }
  state.imageUrls = urls;
  old.forEach((u) => URL.revokeObjectURL(u));
  const selected = job.selected_image ?? 0;
  const name = (job.aiDecisions && job.aiDecisions.itemName) || "the item";
  return el("div", { class: "images" },
    el("img", { class: "image-large", src: urls[selected], width: 256, height: 256,
                alt: `Image ${selected + 1} of ${name}, used in the mod` }),
    el("div", { class: "image-choices", role: "group", "aria-label": "Choose the image for the mod" },
      urls.map((url, index) => el("button", {
        type: "button", class: "image-choice", "data-index": index, "data-key": `image-${index}`,
        "aria-pressed": index === selected ? "true" : "false",
        "aria-label": `Use image ${index + 1}`,
        onclick: () => selectImage(job, index),
      }, el("img", { src: url, width: 64, height: 64, alt: "" })))));
}

async function selectImage(job, index) {
  if (index === (job.selected_image ?? 0)) return;
  try {
    await json("POST", `/api/jobs/${job.job_id}/select-image`, { index });
    announce(`Packaging the mod again with image ${index + 1}.`);
    repoll(job.job_id);
  } catch (error) {
    announce(describe(error));
  }
}

async function regenerate(job, button) {
  button.disabled = true;
  try {
    await json("POST", `/api/jobs/${job.job_id}/regenerate-images`, {});
    announce("Drawing new images.");
    repoll(job.job_id);
  } catch (error) {
    button.disabled = false;
    announce(describe(error));
  }
}

// Fetches the zip with the token (never in a URL), then saves it through a temporary
// <a download> on a blob: URL, which is revoked once the browser has taken it.
async function download(job, button) {
  if (!job.result) return;
  button.disabled = true;
  try {
    const file = await blob(job.result.download_url);
    const url = URL.createObjectURL(file);
    const link = el("a", { href: url, download: job.result.filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    announce(`Downloading ${job.result.filename}.`);
  } catch (error) {
    announce(describe(error));
  } finally {
    button.disabled = false;
  }
}
