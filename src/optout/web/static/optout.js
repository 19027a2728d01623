// The pages work without this script: each three-dot menu is a link to a page with the
// same choices as forms. The script turns those links into menus with confirmation
// dialogs, shows times in the account's time zone (or the reader's own), re-announces the
// flash message and keeps an open Conversations page current.
"use strict";

function closeMenus(except) {
  document.querySelectorAll("[data-menu][aria-expanded='true']").forEach((button) => {
    if (button === except) return;
    button.setAttribute("aria-expanded", "false");
    document.getElementById(button.dataset.menu).hidden = true;
  });
}

function menuItems(menu) {
  return Array.from(menu.querySelectorAll("[role='menuitem']"));
}

function toggleMenu(button) {
  const menu = document.getElementById(button.dataset.menu);
  const opening = menu.hidden;
  closeMenus(button);
  menu.hidden = !opening;
  button.setAttribute("aria-expanded", String(opening));
  if (opening && menuItems(menu).length) menuItems(menu)[0].focus();
}

function moveFocus(menu, step) {
  const items = menuItems(menu);
  const index = items.indexOf(document.activeElement);
  items[(index + step + items.length) % items.length].focus();
}

function openDialog(opener) {
  // The menu item that opened the dialog is hidden with its menu, so focus goes back
  // to the menu's button when the dialog closes.
  const menu = opener.closest(".menu-items");
  const button = menu ? document.querySelector(`[data-menu='${menu.id}']`) : opener;
  const dialog = document.getElementById(opener.dataset.dialog);
  closeMenus(null);
  dialog.addEventListener("close", () => button.focus(), { once: true });
  dialog.showModal();
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-menu]");
  if (button) {
    event.preventDefault(); // without this script the link opens the actions page instead
    toggleMenu(button);
    return;
  }
  const opener = event.target.closest("[data-dialog]");
  if (opener) {
    openDialog(opener);
    return;
  }
  if (!event.target.closest(".menu-items")) closeMenus(null);
});

document.addEventListener("keydown", (event) => {
  if (event.key === " " && event.target.matches("a[data-menu]")) {
    event.preventDefault(); // Space presses a button; the menu button is a link underneath
    toggleMenu(event.target);
    return;
  }
  const menu = event.target.closest(".menu-items");
  if (!menu) return;
  const button = document.querySelector(`[data-menu='${menu.id}']`);
  if (event.key === "Escape") {
    closeMenus(null);
    button.focus();
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    moveFocus(menu, event.key === "ArrowDown" ? 1 : -1);
  } else if (event.key === "Home" || event.key === "End") {
    event.preventDefault();
    const items = menuItems(menu);
    items[event.key === "Home" ? 0 : items.length - 1].focus();
  } else if (event.key === "Tab") {
    closeMenus(null);
  }
});

function localTimes() {
  // The account's time zone when it has one (the same for everyone in the office), else
  // the reader's own.
  const timeZone = document.body.dataset.timeZone || undefined;
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" });
  const today = day.format(new Date());
  const time = new Intl.DateTimeFormat(undefined, { timeZone, hour: "numeric", minute: "2-digit" });
  const date = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: "medium" });
  const detailed = new Intl.DateTimeFormat(undefined, {
    timeZone, year: "numeric", month: "short", day: "numeric",
    hour: "numeric", minute: "2-digit", timeZoneName: "short",
  });
  document.querySelectorAll("time[datetime]").forEach((element) => {
    const moment = new Date(element.getAttribute("datetime"));
    const sameDay = day.format(moment) === today;
    const format = element.dataset.format === "detailed" ? detailed : sameDay ? time : date;
    element.textContent = format.format(moment);
    element.title = detailed.format(moment);
  });
}

function announceFlashes() {
  // A live region read at page load is not announced: put its text back a moment later.
  document.querySelectorAll("[data-announce]").forEach((flash) => {
    const text = flash.textContent;
    flash.textContent = "";
    setTimeout(() => { flash.textContent = text; }, 150);
  });
}

// Live: on PostgreSQL the server streams an event whenever the account's conversations
// change, whichever worker changed them; on SQLite, or when the server has no stream to
// spare, the page asks every few seconds. Either way it then asks /conversations/live what
// changed. The list is never redrawn under the reader: a button offers the new replies.
const LIVE_POLL_MS = 5000;
const LIVE_GAP_MS = 1000;

function showCounts(counts) {
  Object.entries(counts).forEach(([folder, text]) => {
    const badge = document.querySelector(`[data-count='${folder}']`);
    if (!badge) return;
    badge.querySelector(".count-text").textContent = text;
    badge.hidden = !text;
  });
}

function announceLive(box, text) {
  const region = box.querySelector("[data-announce-live]");
  if (region.textContent !== text) region.textContent = text;
}

function showNewReplies(box, answer) {
  const button = box.querySelector("button");
  if (!answer.new || button.textContent === answer.new_text) return;
  button.textContent = answer.new_text;
  button.hidden = false;
  announceLive(box, answer.new_text.replace(" — show", ""));
}

async function fetchPage() {
  const answer = await fetch(window.location.href, { credentials: "same-origin" });
  if (!answer.ok) return null;
  return new DOMParser().parseFromString(await answer.text(), "text/html");
}

function holdsReader(region) {
  // What the reader is using (focus, an open menu or dialog, typed text) stays as it is.
  if (region.contains(document.activeElement)) return true;
  if (region.querySelector("dialog[open], [aria-expanded='true']")) return true;
  return Array.from(region.querySelectorAll("textarea")).some((field) => field.value);
}

function swap(id, fresh, force) {
  const current = document.getElementById(id);
  const next = fresh.getElementById(id);
  if (!current || !next || (!force && holdsReader(current))) return;
  current.replaceWith(document.adoptNode(next));
}

function appendMessages(fresh) {
  // New messages join the end of the thread; nothing above them moves.
  const list = document.getElementById("thread-messages");
  const next = fresh.getElementById("thread-messages");
  if (!list || !next) return;
  const known = new Set(Array.from(list.children, (item) => item.dataset.key));
  Array.from(next.children).forEach((item) => {
    if (!item.dataset.key || known.has(item.dataset.key)) return;
    list.querySelector(":scope > .empty")?.remove();
    list.append(document.adoptNode(item));
  });
}

async function refreshThread(box, version) {
  const fresh = await fetchPage();
  if (!fresh) return;
  appendMessages(fresh);
  ["thread-header", "reply-box", "thread-history"].forEach((id) => swap(id, fresh, false));
  box.dataset.threadVersion = version;
  localTimes();
}

async function showNewList(box) {
  const fresh = await fetchPage();
  if (!fresh) return;
  const since = new Date(box.dataset.since || 0);
  swap("list-body", fresh, true);
  swap("list-range", fresh, true);
  box.dataset.since = fresh.querySelector("[data-live]").dataset.since;
  const rows = Array.from(document.querySelectorAll("#list-body li[data-at]"));
  const added = rows.filter((row) => row.dataset.at && new Date(row.dataset.at) > since);
  added.forEach((row) => row.classList.add("fresh"));
  const button = box.querySelector("button");
  button.hidden = true;
  button.textContent = "";
  localTimes();
  announceLive(box, "The list shows the newest conversations.");
  const first = (added[0] || rows[0])?.querySelector("a");
  if (first) first.focus();
}

function startLive() {
  const box = document.querySelector("[data-live]");
  if (!box) return;
  let busy = false;
  let again = false;
  let last = 0;
  const ask = async () => {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const wait = last + LIVE_GAP_MS - Date.now(); // a burst of changes is one question a second
      if (wait > 0) await new Promise((done) => { setTimeout(done, wait); });
      last = Date.now();
      const url = new URL(box.dataset.live, window.location.href);
      url.searchParams.set("since", box.dataset.since);
      if (box.dataset.thread) url.searchParams.set("thread", box.dataset.thread);
      const answer = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (answer.ok) {
        const news = await answer.json();
        showCounts(news.counts);
        showNewReplies(box, news);
        if (news.thread && news.thread !== box.dataset.threadVersion) await refreshThread(box, news.thread);
      }
    } catch (_) {
      // Offline for a moment: the next event or poll asks again.
    } finally {
      busy = false;
      if (again) { again = false; ask(); }
    }
  };
  box.querySelector("button").addEventListener("click", () => { showNewList(box); });
  if (!box.dataset.events || !window.EventSource) {
    setInterval(ask, LIVE_POLL_MS);
    return;
  }
  const source = new EventSource(box.dataset.events);
  source.addEventListener("ready", (event) => { box.dataset.stream = event.data; ask(); });
  source.addEventListener("change", ask);
  source.addEventListener("error", () => {
    if (source.readyState !== EventSource.CLOSED) return; // it reconnects by itself
    delete box.dataset.stream;
    setInterval(ask, LIVE_POLL_MS); // refused a stream: ask every few seconds instead
  });
  window.addEventListener("pagehide", () => source.close()); // give the server its place back
}

localTimes();
announceFlashes();
startLive();
