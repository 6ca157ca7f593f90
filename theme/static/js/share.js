/* Share and cite: links marked data-copy-link and the texts of data-copy-text buttons
   go to the clipboard, announced to screen readers. Addresses in the cite text and the
   embed code become absolute (a local build writes relative ones). Without JavaScript
   the links still lead to their permalinks and the texts can be selected by hand. */
(function () {
  "use strict";
  var script = document.currentScript;
  var status = document.getElementById("thong-bao");

  function absolute(href) { return new URL(href, window.location.href).href; }
  function announce(text) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }
  function copy(text) {
    if (!navigator.clipboard) { return Promise.reject(new Error("no clipboard")); }
    return navigator.clipboard.writeText(text).then(function () {
      announce(script.getAttribute("data-copied") + " " + text);
    });
  }

  document.querySelectorAll("a[data-absolute]").forEach(function (link) {
    link.textContent = link.href;
  });
  document.querySelectorAll("[data-absolute-url]").forEach(function (span) {
    span.textContent = absolute(span.textContent);
  });
  document.querySelectorAll("textarea[data-absolute-src]").forEach(function (area) {
    area.value = area.value.replace(/src="([^"]*)"/, function (_, src) { return 'src="' + absolute(src) + '"'; });
  });
  document.querySelectorAll("button[data-copy-text]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-text"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.value !== undefined ? source.value : source.textContent;
      copy(source.tagName === "PRE" ? text : text.replace(/\s+/g, " ").trim());  /* BibTeX keeps its lines */
    });
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-copy-link]");
    if (!link || !navigator.clipboard) { return; }
    event.preventDefault();
    if (link.hash) { window.location.hash = link.hash; }  // a row's link still moves to, and highlights, its row
    copy(link.href);
  });
}());
