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
// The dispatch target chooser: a search box filters the units, and the chosen unit is named.
function unitChooser(box) {
  var select = box.querySelector("select"), search = box.querySelector("[data-unit-search]");
  var named = box.querySelector("[data-unit-chosen]");
  function name() {
    var option = select.options[select.selectedIndex];
    named.textContent = option && option.value ? option.text : named.dataset.none;
  }
  select.addEventListener("change", name);
  if (!search) { return; }
  search.hidden = false;
  search.addEventListener("input", function () {
    var words = search.value.trim().toLowerCase(), first = null;
    Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
      var shown = 0;
      Array.prototype.forEach.call(group.children, function (option) {
        option.hidden = words !== "" && option.text.toLowerCase().indexOf(words) < 0;
        if (!option.hidden) { shown += 1; first = first || option; }
      });
      group.hidden = shown === 0;
    });
    if (words && first) { select.value = first.value; name(); }
  });
}
function unitChoosers(root) {
  Array.prototype.forEach.call(root.querySelectorAll("[data-unit-chooser]"), unitChooser);
}
document.addEventListener("DOMContentLoaded", function () { unitChoosers(document); });
document.addEventListener("htmx:afterSwap", function (event) { unitChoosers(event.detail.target); });
