/* Charts that answer: a tapped or clicked mark (a bar, a point) has its values read out
   under the chart, as a pointer's hover shows them (each mark's <title>); the keyboard
   reaches the chart and steps through its marks with the arrow keys. A chart drawn wider
   than its frame (larger text) scrolls inside it, and takes the focus so that the keys
   reach it too. A reader sent to one unit's row of a bloc table (#ha-noi) finds that
   unit's marks picked out in the page's charts. Without JavaScript the hover titles and
   the caption remain. */
(function () {
  "use strict";
  var MARKS = "path[aria-label], rect[aria-label], circle[aria-label], line[aria-label]";

  function enhance(frame) {
    // A page with charts of several series has this script once per group of them.
    if (frame.hasAttribute("data-answers")) return;
    frame.setAttribute("data-answers", "");
    var marks = Array.prototype.slice.call(frame.querySelectorAll(MARKS));
    var linked = frame.querySelector("svg a");  // a map: its provinces are links, reached one by one
    var readout = null;
    var current = -1;
    if (marks.length && !linked) {
      readout = document.createElement("p");
      readout.className = "chart-readout";
      readout.setAttribute("aria-live", "polite");
      readout.textContent = frame.getAttribute("data-readout") || "";
      frame.parentNode.insertBefore(readout, frame.nextSibling);
    }

    function pick(index) {
      if (current >= 0) marks[current].classList.remove("picked");
      current = (index + marks.length) % marks.length;
      var mark = marks[current];
      mark.classList.add("picked");
      readout.textContent = mark.getAttribute("aria-label");
      if (frame.scrollWidth > frame.clientWidth) {
        var box = mark.getBoundingClientRect(), view = frame.getBoundingClientRect();
        if (box.left < view.left || box.right > view.right) frame.scrollLeft += box.left - view.left - view.width / 2;
      }
    }

    function reachable() {
      if (readout || frame.scrollWidth > frame.clientWidth) {
        frame.setAttribute("tabindex", "0");
      } else {
        frame.removeAttribute("tabindex");
      }
    }

    if (readout) {
      frame.addEventListener("click", function (event) {
        var mark = event.target.closest(MARKS);
        if (mark) pick(marks.indexOf(mark));
      });
      frame.addEventListener("keydown", function (event) {
        var steps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
        if (event.key in steps) {
          pick(current < 0 ? 0 : current + steps[event.key]);
        } else if (event.key === "Home" || event.key === "End") {
          pick(event.key === "Home" ? 0 : marks.length - 1);
        } else {
          return;
        }
        event.preventDefault();
      });
    }
    reachable();
    if (window.ResizeObserver) new ResizeObserver(reachable).observe(frame);  // a new text size or window
  }

  /* A mark is the unit's when its description starts with the name the row links (the
     charts and the table name units alike), then a comma or a colon. */
  function own() {
    document.querySelectorAll(".chart-svg .own").forEach(function (mark) { mark.classList.remove("own"); });
    var row = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var link = row && row.tagName === "TR" && row.querySelector("th a");
    if (!link) return;
    var name = link.textContent.trim();
    document.querySelectorAll(".chart-svg").forEach(function (frame) {
      frame.querySelectorAll(MARKS).forEach(function (mark) {
        var said = mark.getAttribute("aria-label");
        if (said.indexOf(name) === 0 && ",:".indexOf(said.charAt(name.length)) >= 0) mark.classList.add("own");
      });
    });
  }

  document.querySelectorAll(".chart-svg").forEach(enhance);
  own();
  window.addEventListener("hashchange", own);
}());
