// Flashcard keys (Anki's): Space or Enter reveals the answer, 1-4 rate it.
// Without JavaScript the same buttons work as plain forms.
(function () {
  "use strict";
  function reveal() {
    var back = document.getElementById("back");
    var form = document.getElementById("show-form");
    if (!back || !back.hidden) return false;
    back.hidden = false;
    if (form) form.hidden = true;
    var good = back.querySelector('button[value="Good"]');
    if (good) good.focus();
    return true;
  }
  document.addEventListener("DOMContentLoaded", function () {
    // Registration: the browser's time zone decides when the student's day starts.
    var zone = document.querySelector("[data-browser-timezone]");
    if (zone && window.Intl) zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    var form = document.getElementById("show-form");
    if (form) {
      form.addEventListener("submit", function (event) { event.preventDefault(); reveal(); });
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) return;
    if (event.key === " " || event.key === "Enter") {
      if (reveal()) event.preventDefault();
      return;
    }
    var back = document.getElementById("back");
    var ratings = document.querySelector(".ratings");
    if (!ratings || (back && back.hidden)) return;
    var button = ratings.querySelector('button[data-key="' + event.key + '"]');
    if (button) { event.preventDefault(); button.click(); }
  });
})();
