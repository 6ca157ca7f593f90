// Progressive enhancement: the site search in the header. Without JavaScript the header
// links to the A–Z list of units instead. With it, a plain box stands in for Pagefind's
// interface, whose script and style (about 130 KiB) load only when the box is first
// used; then Pagefind's box takes its place, with what was typed and the focus.
(function () {
  "use strict";
  var box = document.getElementById("tim-kiem");
  var script = document.currentScript;
  var label = document.querySelector(".search-label");
  if (!box || !script || !label) return;
  var input = document.createElement("input");
  input.type = "search";
  input.id = "tim-kiem-o";
  input.className = "search-box";
  input.autocomplete = "off";
  input.placeholder = box.getAttribute("data-placeholder");
  box.appendChild(input);
  label.htmlFor = input.id;  // a visible label (Pagefind gives its box only a placeholder)
  label.hidden = false;

  // Pagefind shows an excerpt as HTML; a unit's standing is text.
  function escaped(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function start() {
    var typed = input.value;
    var focused = document.activeElement === input;
    box.removeChild(input);
    var ui = new PagefindUI({
      element: "#tim-kiem",
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      translations: { placeholder: box.getAttribute("data-placeholder") },
      // A unit's indexed title carries its name without marks too (see agency.html).
      processResult: function (result) {
        result.meta.title = result.meta.title.split(" | ")[0];
        if (result.meta["tom-tat"]) result.excerpt = escaped(result.meta["tom-tat"]);
        delete result.meta["tom-tat"];  // shown as the excerpt, not again as a field
        return result;
      }
    });
    var real = box.querySelector("input");
    real.id = input.id;
    if (typed) ui.triggerSearch(typed);
    if (focused) real.focus();
  }

  var waiting = 0;
  function loaded() {
    waiting -= 1;
    if (waiting === 0) start();
  }
  function load() {
    input.removeEventListener("focus", load);
    input.removeEventListener("input", load);
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = script.getAttribute("data-style");
    var code = document.createElement("script");
    code.src = script.getAttribute("data-script");
    waiting = 2;
    style.onload = code.onload = loaded;
    document.head.appendChild(style);
    document.head.appendChild(code);
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", load);
})();
