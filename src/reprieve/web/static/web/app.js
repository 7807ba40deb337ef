// The app's only script (no inline script: the content security policy forbids it).
// The language switch submits itself when a language is chosen; its button stays for keyboards and no-JS.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.language select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // Buttons that ask before they delete or revoke.
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
});
