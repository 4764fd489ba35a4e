/* bijak design system behaviour, written by the bijak authors. Progressive enhancement only:
   every page works without it. No inline script anywhere (a strict CSP is coming), so pages
   opt in through data attributes:
   - the phone menu: <a class="nav-toggle" href="#site-nav"> becomes a toggle button;
   - <form data-confirm="Question?" data-confirm-yes="Yes, remove"> asks in a <dialog> first
     (without JS the server shows its own confirmation page);
   - <textarea data-counter="ID" data-max="5000"> updates the counter element ID while typing. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  function formatNumber(n) {
    var lang = document.documentElement.lang || "id";
    try { return new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID").format(n); } catch (e) { return String(n); }
  }

  function initNav() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("site-nav");
    if (!toggle || !nav) { return; }
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-controls", "site-nav");
    toggle.setAttribute("aria-expanded", "false");
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      var open = nav.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) { var first = nav.querySelector("a, button"); if (first) { first.focus(); } }
    });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); toggle.click(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("is-open")) {
        nav.classList.remove("is-open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  function initConfirm() {
    var dialog = document.getElementById("confirm-dialog");
    if (!dialog || typeof dialog.showModal !== "function") { return; }
    var message = dialog.querySelector("[data-confirm-message]");
    var yes = dialog.querySelector("[data-confirm-yes]");
    var no = dialog.querySelector("[data-confirm-no]");
    var pending = null;
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm")) { return; }
      if (form.querySelector("input[name=confirmed]")) { return; }
      event.preventDefault();
      pending = form;
      message.textContent = form.getAttribute("data-confirm");
      yes.textContent = form.getAttribute("data-confirm-yes") || yes.getAttribute("data-default");
      dialog.showModal();
      no.focus();
    });
    yes.addEventListener("click", function () {
      if (!pending) { return; }
      var flag = document.createElement("input");
      flag.type = "hidden"; flag.name = "confirmed"; flag.value = "1";
      pending.appendChild(flag);
      dialog.close();
      pending.submit();
    });
    no.addEventListener("click", function () { dialog.close(); pending = null; });
  }

  function initCounters() {
    document.querySelectorAll("[data-counter]").forEach(function (field) {
      var out = document.getElementById(field.getAttribute("data-counter"));
      var max = parseInt(field.getAttribute("data-max"), 10);
      if (!out || !max) { return; }
      var template = out.getAttribute("data-template") || "{n} / {max}";
      var over = out.getAttribute("data-template-over") || template;
      function update() {
        var n = field.value.length;
        var tooLong = n > max;
        out.textContent = (tooLong ? over : template)
          .replace("{n}", formatNumber(n)).replace("{max}", formatNumber(max))
          .replace("{extra}", formatNumber(n - max));
        out.classList.toggle("counter--over", tooLong);
        if (tooLong) { field.setAttribute("aria-invalid", "true"); } else if (!field.hasAttribute("data-server-invalid")) { field.removeAttribute("aria-invalid"); }
      }
      field.addEventListener("input", update);
      update();
    });
  }

  ready(function () { initNav(); initConfirm(); initCounters(); });
})();
