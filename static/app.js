// Flashcard keys (Anki's): Space or Enter reveals the answer, 1-4 rate it.
// Without JavaScript the same buttons work as plain forms.
(function () {
  "use strict";
  document.documentElement.classList.add("js");  // the key badges (1-4) show only where the keys work
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
    // Registering, logging in, a new password: the browser's time zone decides when the student's day starts.
    var zone = document.querySelector("[data-browser-timezone]");
    if (zone && window.Intl) zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    var form = document.getElementById("show-form");
    if (form) {
      form.addEventListener("submit", function (event) { event.preventDefault(); reveal(); });
    }
    showHints(document);
  });
  // Hints about keys only make sense with this script running.
  function showHints(root) {
    var hints = root.querySelectorAll("[data-with-js]");
    for (var i = 0; i < hints.length; i++) hints[i].hidden = false;
  }
  // An empty "Check answer" says so next to the field instead of posting ("I don't know" posts empty on purpose).
  function emptyAnswer(form, submitter) {
    if (submitter && submitter.name === "dont_know") return false;
    var error = form.querySelector("#answer-error");
    if (!error) return false;
    var typed = form.querySelector("#response");
    var radios = form.querySelectorAll('input[type=radio][name="choice"]');
    var empty = typed ? !typed.value.trim() : radios.length > 0 && !form.querySelector('input[name="choice"]:checked');
    if (!empty) return false;
    error.textContent = typed ? "Type an answer before checking it." : "Pick an answer before checking it.";
    error.hidden = false;
    (typed || radios[0]).focus();
    return true;
  }
  // Quiz forms marked data-in-place (check an answer, rate it) post in the background
  // and swap in the card the server sends back; the first question is the only page load.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form && form.matches && emptyAnswer(form, event.submitter)) {
      event.preventDefault();
      return;
    }
    if (form && form.matches && form.matches("form[data-in-place]") && window.fetch && window.FormData) {
      inPlace(form, event);
    }
  });

  // The server records the answer or rating and sends back the card as it is now (the
  // feedback, or the next question); a finished session or anything unexpected is a
  // page load, as without JavaScript.
  function inPlace(form, event) {
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
        if (!response.ok && response.status !== 400) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        if (html === null) return;
        var current = document.getElementById("study");
        var holder = document.createElement("div");
        holder.innerHTML = html;  // our own server-rendered, escaped card
        var fresh = holder.querySelector("#study");
        if (!current || !fresh) throw new Error("no card");  // a 400 without a card: the page says why
        current.replaceWith(fresh);
        showHints(fresh);
        // Messages such as "Thank you" were about the last question: they go when the card changes.
        var flashes = document.querySelectorAll(".flash");
        for (var i = 0; i < flashes.length; i++) flashes[i].remove();
        if (fresh.dataset.title) document.title = fresh.dataset.title;
        var focus = fresh.querySelector(".ratings button[autofocus], #response, input[type=radio]");
        if (focus) focus.focus();
      })
      .catch(function () { HTMLFormElement.prototype.submit.call(form); });
  }
  // Multiple choice and true/false: keys 1-4 pick the option numbered so, Enter checks the one picked.
  function pickOption(event) {
    var choices = document.querySelectorAll('#card .choices input[type=radio]');
    var target = event.target;
    if (!choices.length || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
                   (target.tagName === "INPUT" && target.type !== "radio"))) return false;  // typing stays typing
    if (/^[1-9]$/.test(event.key) && Number(event.key) <= choices.length) {
      var radio = choices[Number(event.key) - 1];
      radio.checked = true;
      radio.focus();
      var error = document.getElementById("answer-error");
      if (error) error.hidden = true;
      return true;
    }
    if (event.key === "Enter" && target && target.type === "radio") {
      var check = target.form && target.form.querySelector('button[type=submit]:not([name])');
      if (check) { check.click(); return true; }
    }
    return false;
  }
  document.addEventListener("keydown", function (event) {
    if (pickOption(event)) { event.preventDefault(); return; }
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
