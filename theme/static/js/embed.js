/* An embedded chart tells the page that embeds it how tall it is, whenever that changes
   (a narrow host wraps the caption onto more lines): the embed code's own few lines of
   script set the frame's height from it. Without script, on either side, the frame keeps
   the height the embed code gives it. */
(function () {
  "use strict";
  if (window.parent === window) return;
  function tell() {
    window.parent.postMessage({ xepHangHeight: Math.ceil(document.documentElement.scrollHeight) }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(tell).observe(document.documentElement);
  window.addEventListener("load", tell);
}());
