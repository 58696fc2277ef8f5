/* Competence map: collapse and expand the areas of the matrix; the print button. */
(function () {
  "use strict";
  var table = document.querySelector(".cm-matrix");

  function setGroup(groupId, expanded) {
    if (!table) { return; }
    var rows = table.querySelectorAll("tr.cm-row[data-group='" + groupId + "']");
    rows.forEach(function (row) {
      if (!row.hasAttribute("data-root")) { row.classList.toggle("cm-hidden", !expanded); }
    });
    var toggle = table.querySelector("[data-cm-toggle='" + groupId + "']");
    if (toggle) { toggle.setAttribute("aria-expanded", expanded ? "true" : "false"); }
  }

  function setAll(expanded) {
    if (!table) { return; }
    table.querySelectorAll("[data-cm-toggle]").forEach(function (toggle) {
      setGroup(toggle.getAttribute("data-cm-toggle"), expanded);
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-cm-toggle], [data-cm-collapse], [data-cm-expand], [data-cm-print]");
    if (!target) { return; }
    if (target.hasAttribute("data-cm-toggle")) {
      setGroup(target.getAttribute("data-cm-toggle"), target.getAttribute("aria-expanded") !== "true");
    } else if (target.hasAttribute("data-cm-collapse")) {
      setAll(false);
    } else if (target.hasAttribute("data-cm-expand")) {
      setAll(true);
    } else if (target.hasAttribute("data-cm-print")) {
      window.print();
    }
  });
}());
