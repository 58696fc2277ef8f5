/* Catalog product form: suggest OKPD2 codes while typing and show the chosen code's name. */
(function () {
  "use strict";
  var input = document.querySelector("[data-okpd2-input]");
  if (!input) { return; }
  var list = document.getElementById(input.getAttribute("list"));
  var hint = document.querySelector("[data-okpd2-name]");
  var url = input.getAttribute("data-okpd2-url");
  var timer = null;
  var last = null;

  function show(results, query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var exact = null;
    results.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.code;
      option.label = item.code + " " + item.name;
      list.appendChild(option);
      if (item.code === query) { exact = item; }
    });
    if (hint) { hint.textContent = exact ? exact.name : ""; }
  }

  function lookUp() {
    var query = input.value.trim();
    if (query === last) { return; }
    last = query;
    if (query.length < 2) { show([], query); return; }
    fetch(url + "?q=" + encodeURIComponent(query), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (input.value.trim() === query) { show(data.results || [], query); } })
      .catch(function () { /* suggestions are a convenience: the form works without them */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookUp, 250);
  });
})();
