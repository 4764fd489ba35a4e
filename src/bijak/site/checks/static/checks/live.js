/* Instant feedback while typing (written by us). Without JavaScript the form posts as usual. */
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  var result = document.getElementById("result");
  if (!form || !result || !window.fetch) { return; }
  var url = form.getAttribute("data-preview-url");
  var timer = null;
  var seq = 0;
  function preview() {
    var text = form.elements["text"].value;
    if (!text.trim()) { return; }
    var mine = ++seq;
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
      })
      .catch(function () { /* the submit button still works */ });
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(preview, 400); }
  form.elements["text"].addEventListener("input", schedule);
  form.elements["platform"].addEventListener("change", schedule);
})();
