/* “Cite this item”: a Copy button beside each formatted reference.
 * The buttons stay hidden without JavaScript or a clipboard; the references remain selectable text. */
(function () {
    "use strict";

    var status = document.querySelector(".cite__status");
    if (!navigator.clipboard || !status) {
        return;
    }
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        var text = document.getElementById(button.getAttribute("data-copy"));
        if (!text) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(text.textContent.trim()).then(function () {
                status.textContent = "";
                window.setTimeout(function () {
                    status.textContent = status.getAttribute("data-copied");
                }, 50);
                button.classList.add("is-copied");
                window.setTimeout(function () { button.classList.remove("is-copied"); }, 2000);
            });
        });
    });
})();
