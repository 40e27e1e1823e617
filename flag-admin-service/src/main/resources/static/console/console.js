// Flagstream console: what the pages need beyond htmx. Served as a file (the Content-Security-Policy
// allows no inline script); every page also works without it.
(function () {
  "use strict";

  // htmx requests carry the CSRF token as the X-XSRF-TOKEN header, as the API expects.
  document.addEventListener("htmx:configRequest", function (event) {
    var match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    if (match) {
      event.detail.headers["X-XSRF-TOKEN"] = decodeURIComponent(match[1]);
    }
  });

  // The live indicator: connected, or stale when the stream dropped and the page may be behind.
  function live(text, state) {
    var status = document.getElementById("live");
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("connected", state === "connected");
    status.classList.toggle("stale", state === "stale");
  }
  document.addEventListener("htmx:sseOpen", function () {
    live("Live", "connected");
  });
  document.addEventListener("htmx:sseError", function () {
    live("Connection lost: this page may be out of date. Reconnecting…", "stale");
  });

  // Copy buttons: <button data-copy="#id"> copies the text of the element it names.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.textContent = "Copied";
    });
  });

  // A range input shows its value in the <output> named by its data-output.
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=range][data-output]")) return;
    var output = document.getElementById(input.getAttribute("data-output"));
    if (output) output.textContent = input.value + " %";
  });
})();
