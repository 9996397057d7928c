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
    var answer = document.querySelector("form[data-in-place]");
    if (answer && window.fetch && window.FormData) {
      answer.addEventListener("submit", function (event) { answerInPlace(answer, event); });
    }
  });

  // Check an answer without reloading the page: the server records it and sends back the
  // card with the feedback. Anything unexpected falls back to the plain form post.
  function answerInPlace(form, event) {
    event.preventDefault();
    var data = new FormData(form);
    var submitter = event.submitter;
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var buttons = form.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;  // one answer per click
    fetch(form.action, {method: "POST", body: data, credentials: "same-origin",
                        headers: {"X-Requested-With": "fetch"}})
      .then(function (response) {
        if (response.redirected) { window.location.assign(response.url); return null; }
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        if (html === null) return;
        var card = document.getElementById("card");
        var holder = document.createElement("div");
        holder.innerHTML = html;  // our own server-rendered, escaped card
        var fresh = holder.querySelector("#card");
        if (!card || !fresh) throw new Error("no card");
        card.replaceWith(fresh);
        var next = fresh.querySelector(".ratings button[autofocus]");
        if (next) next.focus();
      })
      .catch(function () { HTMLFormElement.prototype.submit.call(form); });
  }
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
