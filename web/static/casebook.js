// Enhancements for readers with JavaScript. Every page works without this file: it only saves
// steps that the plain forms and links already offer.
//
// - Ticking or unticking a filter applies it at once; the "Apply filters" button stays for the
//   year range and for anyone who prefers it, and a line above the filters says what happens.
// - "/" moves the focus to the search box, as on many search sites, unless the reader is typing
//   in a field.
(function () {
  "use strict";

  var form = document.querySelector("form.facet-form");
  if (form) {
    var hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = "Results update as you tick or untick a filter.";
    form.insertBefore(hint, form.firstChild);
    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") {
        form.submit();
      }
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var box = document.getElementById("q");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
})();
