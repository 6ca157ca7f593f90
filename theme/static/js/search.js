// Progressive enhancement: Pagefind's search box in the header. Without JavaScript the
// header links to the A–Z list of units instead.
(function () {
  "use strict";
  var box = document.getElementById("tim-kiem");
  if (!box || typeof PagefindUI === "undefined") return;
  // Pagefind shows an excerpt as HTML; a unit's standing is text.
  function escaped(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }
  new PagefindUI({
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
  // A visible label for the box (Pagefind gives it only a placeholder).
  var input = box.querySelector("input");
  var label = document.querySelector(".search-label");
  if (input && label) {
    input.id = "tim-kiem-o";
    label.htmlFor = input.id;
    label.hidden = false;
  }
})();
