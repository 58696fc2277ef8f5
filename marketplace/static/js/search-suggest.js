/* Search boxes (the navigation bar's and the search page's): suggestions as you type.

   Every input[data-suggest-url] becomes an ARIA combobox with a listbox of organizations and
   products from GET <data-suggest-url>?q=… ({"suggestions": [{text, type, type_label, detail, url}]}).
   Arrow keys move through the list, Enter opens the chosen record, Escape closes the list; Enter
   with nothing chosen submits the form as before, and without JavaScript the form is all there is. */
(function () {
  "use strict";
  var DELAY = 200;      // ms of quiet typing before asking
  var MIN_LENGTH = 2;   // characters before asking
  var counter = 0;

  function attach(input) {
    var url = input.getAttribute("data-suggest-url");
    var host = input.form || input.parentNode;
    var listId = "search-suggest-" + (++counter);
    var list = document.createElement("ul");
    var items = [];
    var active = -1;
    var timer = null;
    var asked = null;   // the text of the latest request
    var shown = null;   // the text whose suggestions are shown

    list.id = listId;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("data-testid", "search-suggestions");
    list.setAttribute("aria-label", input.getAttribute("aria-label") || "");
    list.hidden = true;
    host.classList.add("search-suggest-host");
    host.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    function place() {  // under the box, its left edge with the box's, moved left if it would leave the window
      var box = input.getBoundingClientRect();
      var frame = host.getBoundingClientRect();
      var left = box.left - frame.left;
      list.style.top = (box.bottom - frame.top) + "px";
      list.style.left = left + "px";
      list.style.minWidth = box.width + "px";
      var overflow = list.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
      if (overflow > 0) { list.style.left = Math.max(left - overflow, 8 - frame.left) + "px"; }
    }

    function open() {
      if (!items.length) { return; }
      list.hidden = false;
      place();
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      choose(-1);
    }

    function choose(index) {
      if (active >= 0 && list.children[active]) {
        list.children[active].classList.remove("active");
        list.children[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (active >= 0 && list.children[active]) {
        var option = list.children[active];
        option.classList.add("active");
        option.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", option.id);
        if (option.scrollIntoView) { option.scrollIntoView({ block: "nearest" }); }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function span(className, text) {
      var element = document.createElement("span");
      element.className = className;
      element.textContent = text;
      return element;
    }

    function render(suggestions, text) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      active = -1;
      input.removeAttribute("aria-activedescendant");
      items = suggestions.filter(function (item) { return item && item.url; });
      shown = text;
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", item.url);
        option.appendChild(span("text", item.text));
        option.appendChild(span("kind", item.type_label || item.type));
        if (item.detail) { option.appendChild(span("detail", item.detail)); }
        list.appendChild(option);
      });
      if (items.length && document.activeElement === input) { open(); } else { close(); }
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH) { asked = text; render([], text); return; }
      if (text === asked) { if (text === shown) { open(); } return; }
      asked = text;
      fetch(url + "?q=" + encodeURIComponent(text), {
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (asked === text) { render(data.suggestions || [], text); } })
        .catch(function () { /* suggestions are a convenience: the form works without them */ });
    }

    function go(index) {
      var item = items[index];
      if (item) { window.location.assign(item.url); }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!items.length) { return; }
        event.preventDefault();
        if (!expanded) { open(); }
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= items.length) { next = 0; }
        if (next < 0) { next = items.length - 1; }
        choose(next);
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          go(active);
        }
      } else if (event.key === "Escape") {
        if (expanded) {
          event.preventDefault();  // and keep the text (a search box would clear it)
          close();
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () { close(); });
    if (input.form) {
      // The results page is on its way: no suggestions for a page being left.
      input.form.addEventListener("submit", function () { window.clearTimeout(timer); asked = input.value.trim(); close(); });
    }
    input.addEventListener("focus", function () { if (items.length && input.value.trim() === shown) { open(); } });

    // mousedown would take the focus from the box (and close the list) before the click.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) { go(Array.prototype.indexOf.call(list.children, option)); }
    });
    list.addEventListener("mousemove", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        var index = Array.prototype.indexOf.call(list.children, option);
        if (index !== active) { choose(index); }
      }
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(attach);
})();
