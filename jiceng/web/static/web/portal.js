// Progressive enhancement: the case number is selectable text without this file.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.textContent = button.getAttribute("data-done");
      });
    });
  });
});
// Once a field the server marked as wrong is changed, its old message no longer applies:
// hide it and drop the red border, so a corrected form does not look still wrong.
document.addEventListener("input", clearError);
document.addEventListener("change", clearError);
function clearError(event) {
  var field = event.target;
  if (!field.name || field.getAttribute("aria-invalid") !== "true") { return; }
  var message = document.getElementById(field.name + "-error");
  if (message) { message.hidden = true; }
  document.querySelectorAll("[name='" + field.name + "']").forEach(function (same) {
    same.removeAttribute("aria-invalid");
  });
}
