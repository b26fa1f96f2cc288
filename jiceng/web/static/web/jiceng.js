// Progressive enhancement only: every page works without this file.
// Send the CSRF token with every HTMX request (the cookie is readable by design).
document.addEventListener("htmx:configRequest", function (event) {
  var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  if (match) { event.detail.headers["X-CSRFToken"] = decodeURIComponent(match[1]); }
});
// After an HTMX swap, move focus to the first confirmation so screen readers announce it.
document.addEventListener("htmx:afterSwap", function (event) {
  var note = event.detail.target.querySelector("[data-focus]");
  if (note) { note.setAttribute("tabindex", "-1"); note.focus(); }
});
// After a full page load that follows an action (a flash message is shown), move focus to
// the message so keyboard and screen-reader users hear what happened; an element that the
// page already focused (autofocus) keeps it.
document.addEventListener("DOMContentLoaded", function () {
  var active = document.activeElement;
  if (active && active !== document.body) { return; }
  var note = document.querySelector("#messages [data-focus], main [data-focus]");
  if (note) { note.setAttribute("tabindex", "-1"); note.focus(); }
});
