/* Suggestions for the search boxes: titles from /search/suggest/ in the input's <datalist>.
 * The browser shows and announces the list itself; without JavaScript the box is a plain search box.
 * Typing in either script works: the server matches on the cross-script key. */
(function () {
    "use strict";

    function attach(input) {
        var list = document.getElementById(input.getAttribute("list"));
        var url = input.getAttribute("data-suggest-url");
        if (!list || !url || !window.fetch) {
            return;
        }
        var timer = null;
        var last = "";
        input.addEventListener("input", function () {
            var text = input.value.trim();
            window.clearTimeout(timer);
            if (text.length < 2 || text === last) {
                return;
            }
            timer = window.setTimeout(function () {
                last = text;
                window.fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
                    .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                    .then(function (data) {
                        list.textContent = "";
                        (data.suggestions || []).forEach(function (title) {
                            var option = document.createElement("option");
                            option.value = title;
                            list.appendChild(option);
                        });
                    })
                    .catch(function () { /* suggestions are a convenience; the search still works */ });
            }, 150);
        });
    }

    document.querySelectorAll("input[data-suggest-url][list]").forEach(attach);
})();
