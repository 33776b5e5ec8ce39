// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Close an open menu when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.removeAttribute("open");
      }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      var summary = menu.querySelector("summary");
      if (summary) {
        summary.focus();
      }
    });
  });

  // Secrets shown once (tokens, invitation links) are selected on focus, ready to copy.
  document.querySelectorAll("input.copy-source").forEach(function (input) {
    input.addEventListener("focus", function () {
      input.select();
    });
  });
})();

// Forms that cannot be undone ask first (data-confirm); without script they submit directly.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = form.getAttribute("data-confirm");
    if (!message && submitter && submitter.hasAttribute("formaction") && form.hasAttribute("data-confirm-reject")) {
      message = form.getAttribute("data-confirm-reject");
    }
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
