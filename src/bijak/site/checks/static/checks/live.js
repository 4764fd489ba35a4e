/* The check page, written by the bijak authors. Without JavaScript the form posts as usual
   (to #hasil, so the browser lands on the result). With it:
   - instant feedback while typing (the preview is cleared when the draft is);
   - after "Cek draf", focus moves to the verdict heading, read with its summary;
   - the C.1–C.6 checklist says how many are ticked and when the draft is ready. */
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  var result = document.getElementById("result");
  if (!form || !result) { return; }

  function checklist() {
    var box = result.querySelector("[data-checklist]");
    if (!box) { return; }
    var status = box.querySelector("[data-checklist-status]");
    var wrap = result.querySelector(".result");
    var verdict = wrap ? wrap.getAttribute("data-verdict") : "";
    function update() {
      var all = box.querySelectorAll("input[name=checklist]");
      var ticked = box.querySelectorAll("input[name=checklist]:checked").length;
      var done = all.length > 0 && ticked === all.length;
      status.textContent = done
        ? status.getAttribute(verdict === "aman" ? "data-done-aman" : "data-done-other")
        : status.getAttribute("data-template").replace("{n}", String(ticked));
      status.classList.toggle("is-done", done && verdict === "aman");
    }
    box.addEventListener("change", update);
    update();
  }

  function focusVerdict() {
    var section = document.getElementById("hasil");
    var heading = document.getElementById("verdict");
    if (!section || !heading || section.getAttribute("data-focus") !== "1") { return; }
    var summary = document.getElementById("result-summary");
    if (summary) { heading.setAttribute("aria-describedby", "result-summary"); }
    heading.focus();
    heading.scrollIntoView({ block: "start" });
  }

  // after the fragment scroll of "#hasil" (which would otherwise leave focus on the body)
  if (document.readyState === "complete") { focusVerdict(); } else { window.addEventListener("load", focusVerdict); }
  checklist();

  if (!window.fetch) { return; }
  var url = form.getAttribute("data-preview-url");
  var timer = null;
  var seq = 0;
  function preview() {
    var text = form.elements["text"].value;
    var mine = ++seq;
    if (!text.trim()) { result.innerHTML = ""; return; }
    var data = new FormData(form);
    data.delete("save");
    fetch(url, { method: "POST", body: data, credentials: "same-origin",
                 headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || mine !== seq) { return; }
        var ticked = [];
        result.querySelectorAll("input[name=checklist]:checked").forEach(function (box) { ticked.push(box.value); });
        result.innerHTML = html;
        result.querySelectorAll("input[name=checklist]").forEach(function (box) {
          if (ticked.indexOf(box.value) >= 0) { box.checked = true; }
        });
        checklist();
      })
      .catch(function () { /* the submit button still works */ });
  }
  function schedule() {
    clearTimeout(timer);
    if (!form.elements["text"].value.trim()) { seq++; result.innerHTML = ""; return; }
    timer = setTimeout(preview, 400);
  }
  form.elements["text"].addEventListener("input", schedule);
  form.elements["platform"].addEventListener("change", schedule);
})();
