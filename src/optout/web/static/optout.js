// The pages work without this script: each three-dot menu is a link to a page with the
// same choices as forms. The script turns those links into menus with confirmation
// dialogs, shows times in the account's time zone (or the reader's own) and re-announces
// the flash message.
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

function showLive(answer) {
  Object.entries(answer.counts).forEach(([folder, text]) => {
    const badge = document.querySelector(`[data-count='${folder}']`);
    if (!badge) return;
    badge.querySelector(".count-text").textContent = text;
    badge.hidden = !text;
  });
  const link = document.querySelector("#new-replies a");
  if (answer.new_text) {
    link.textContent = answer.new_text; // a link, not a redraw: the list does not jump
    link.href = window.location.href;
    link.hidden = false;
  }
}

function pollLive(every) {
  // Every worker reads the same database: asking it is enough to see other workers' replies.
  const box = document.querySelector("[data-live]");
  if (!box) return;
  const url = `${box.dataset.live}?since=${encodeURIComponent(box.dataset.since)}`;
  const poll = () => {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((answer) => (answer.ok ? answer.json() : null))
      .then((answer) => { if (answer) showLive(answer); })
      .catch(() => {})
      .finally(() => setTimeout(poll, every));
  };
  setTimeout(poll, every);
}

localTimes();
announceFlashes();
pollLive(5000);
