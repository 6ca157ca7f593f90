/* Text size (A− / A / A+) and high contrast, as Vietnamese government portals offer,
   remembered across pages in localStorage. Loaded in <head> so a remembered setting
   applies before the page is drawn; without JavaScript the controls stay hidden and
   the browser's own zoom and contrast settings apply. */
(function () {
  "use strict";
  var STEPS = [87.5, 100, 112.5, 125, 150];  /* root font size, %; index 1 is the default */
  var root = document.documentElement;

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: this page only */ }
  }
  function step() {
    var value = parseInt(read("bd-co-chu"), 10);
    return isNaN(value) ? 1 : Math.max(0, Math.min(STEPS.length - 1, value));
  }
  function apply() {
    root.style.fontSize = STEPS[step()] + "%";
    root.style.setProperty("--text-scale", String(STEPS[step()] / 100));  /* for sizes set in pixels (search) */
    root.classList.toggle("high-contrast", read("bd-tuong-phan") === "1");
    root.classList.toggle("larger-text", step() > 1);  /* charts may then outgrow the screen */
  }
  apply();

  document.addEventListener("DOMContentLoaded", function () {
    var controls = document.querySelector(".display-controls");
    if (!controls) { return; }
    var contrast = controls.querySelector("[data-contrast]");
    function show() {
      var current = step();
      controls.querySelectorAll("[data-font-step]").forEach(function (button) {
        var change = parseInt(button.getAttribute("data-font-step"), 10);
        button.setAttribute("aria-pressed", String(change === 0 ? current === 1 : false));
        button.disabled = (change < 0 && current === 0) || (change > 0 && current === STEPS.length - 1);
      });
      contrast.setAttribute("aria-pressed", String(root.classList.contains("high-contrast")));
    }
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.hasAttribute("data-contrast")) {
        write("bd-tuong-phan", root.classList.contains("high-contrast") ? "0" : "1");
      } else {
        var change = parseInt(button.getAttribute("data-font-step"), 10);
        write("bd-co-chu", String(change === 0 ? 1 : Math.max(0, Math.min(STEPS.length - 1, step() + change))));
      }
      apply();
      show();
    });
    controls.hidden = false;
    show();
  });
}());
