/*
 * Exhibit pages: the gallery lightbox, the image comparison slider and, when a tile server is
 * configured, the Leaflet map of a map block.
 *
 * Everything here enhances markup that works on its own: gallery thumbnails link to the larger
 * image, compared images stand side by side, places are listed with their coordinates.
 * Labels come from data- attributes written by the (translated) templates.
 *
 * Lightbox: a modal <dialog> with Close, Previous and Next buttons. Esc closes it, the arrow
 * keys (and Home/End) move between images, Tab stays inside it, and focus returns to the link
 * that opened it.
 */
(function () {
    "use strict";

    function label(element, name, fallback) {
        return element.getAttribute("data-label-" + name) || fallback;
    }

    function isRtl() {
        return (document.documentElement.getAttribute("dir") || "").toLowerCase() === "rtl";
    }

    // --- Lightbox -----------------------------------------------------------------------------

    function Lightbox(gallery) {
        this.gallery = gallery;
        this.links = Array.prototype.slice.call(gallery.querySelectorAll("[data-gallery-item]"));
        this.index = 0;
        this.opener = null;
        this.dialog = null;
    }

    Lightbox.prototype.build = function () {
        var gallery = this.gallery;
        var dialog = document.createElement("dialog");
        dialog.className = "lightbox";
        dialog.setAttribute("aria-label", label(gallery, "dialog", "Images"));
        dialog.innerHTML =
            '<div class="lightbox__frame">' +
            '<div class="lightbox__bar">' +
            '<p class="lightbox__counter" aria-live="polite"></p>' +
            '<button type="button" class="lightbox__button" data-action="close"></button>' +
            "</div>" +
            '<div class="lightbox__stage">' +
            '<button type="button" class="lightbox__button" data-action="previous"></button>' +
            '<figure class="lightbox__figure"><img class="lightbox__image" alt="">' +
            '<figcaption class="lightbox__caption"></figcaption></figure>' +
            '<button type="button" class="lightbox__button" data-action="next"></button>' +
            "</div>" +
            "</div>";
        this.closeButton = dialog.querySelector('[data-action="close"]');
        this.previousButton = dialog.querySelector('[data-action="previous"]');
        this.nextButton = dialog.querySelector('[data-action="next"]');
        this.closeButton.textContent = label(gallery, "close", "Close");
        // Arrows are decoration; the buttons are named by their text for screen readers.
        this.previousButton.innerHTML = '<span aria-hidden="true">←</span> <span class="lightbox__button-text"></span>';
        this.nextButton.innerHTML = '<span class="lightbox__button-text"></span> <span aria-hidden="true">→</span>';
        this.previousButton.querySelector(".lightbox__button-text").textContent = label(gallery, "previous", "Previous");
        this.nextButton.querySelector(".lightbox__button-text").textContent = label(gallery, "next", "Next");
        this.image = dialog.querySelector(".lightbox__image");
        this.caption = dialog.querySelector(".lightbox__caption");
        this.counter = dialog.querySelector(".lightbox__counter");

        var self = this;
        this.closeButton.addEventListener("click", function () {
            self.close();
        });
        this.previousButton.addEventListener("click", function () {
            self.show(self.index - 1);
        });
        this.nextButton.addEventListener("click", function () {
            self.show(self.index + 1);
        });
        // Esc: the dialog's own cancel event; close through our method so focus is restored.
        dialog.addEventListener("cancel", function (event) {
            event.preventDefault();
            self.close();
        });
        // A click on the dark area around the picture closes it, as people expect.
        dialog.addEventListener("click", function (event) {
            if (event.target === dialog || event.target.classList.contains("lightbox__figure")) {
                self.close();
            }
        });
        dialog.addEventListener("keydown", function (event) {
            self.onKeydown(event);
        });
        document.body.appendChild(dialog);
        this.dialog = dialog;
    };

    Lightbox.prototype.onKeydown = function (event) {
        var forward = isRtl() ? "ArrowLeft" : "ArrowRight";
        var back = isRtl() ? "ArrowRight" : "ArrowLeft";
        if (event.key === forward) {
            event.preventDefault();
            this.show(this.index + 1);
        } else if (event.key === back) {
            event.preventDefault();
            this.show(this.index - 1);
        } else if (event.key === "Home") {
            event.preventDefault();
            this.show(0);
        } else if (event.key === "End") {
            event.preventDefault();
            this.show(this.links.length - 1);
        } else if (event.key === "Tab") {
            this.trapFocus(event);
        }
    };

    // Keep Tab inside the dialog: from the last control back to the first, and the other way.
    Lightbox.prototype.trapFocus = function (event) {
        var focusable = Array.prototype.filter.call(
            this.dialog.querySelectorAll("button, a[href]"),
            function (element) {
                return !element.disabled && element.offsetParent !== null;
            }
        );
        if (!focusable.length) {
            return;
        }
        var first = focusable[0];
        var last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    };

    Lightbox.prototype.show = function (index) {
        if (index < 0 || index >= this.links.length) {
            return;
        }
        this.index = index;
        var link = this.links[index];
        var figure = link.closest("figure");
        var caption = figure ? figure.querySelector("[data-gallery-caption]") : null;
        this.image.src = link.getAttribute("href");
        this.image.alt = link.getAttribute("data-alt") || "";
        if (link.getAttribute("data-width")) {
            this.image.width = parseInt(link.getAttribute("data-width"), 10);
            this.image.height = parseInt(link.getAttribute("data-height"), 10);
        }
        this.caption.innerHTML = caption ? caption.innerHTML : "";
        this.counter.textContent = label(this.gallery, "counter", "{n} / {total}")
            .replace("{n}", String(index + 1))
            .replace("{total}", String(this.links.length));
        this.previousButton.disabled = index === 0;
        this.nextButton.disabled = index === this.links.length - 1;
        // A disabled button loses focus; keep it on the dialog's controls.
        if (document.activeElement && document.activeElement.disabled) {
            (index === 0 ? this.nextButton : this.previousButton).focus();
        }
        if (this.links.length < 2) {
            this.previousButton.hidden = true;
            this.nextButton.hidden = true;
        }
    };

    Lightbox.prototype.open = function (index, opener) {
        if (!this.dialog) {
            this.build();
        }
        this.opener = opener || document.activeElement;
        this.show(index);
        this.dialog.showModal();
        this.closeButton.focus();
    };

    Lightbox.prototype.close = function () {
        if (this.dialog && this.dialog.open) {
            this.dialog.close();
        }
        if (this.opener && typeof this.opener.focus === "function") {
            this.opener.focus();
        }
    };

    function startGallery(gallery) {
        if (gallery.hasAttribute("data-gallery-started")) {
            return;
        }
        if (typeof document.createElement("dialog").showModal !== "function") {
            return; // No modal dialogs: the links open the larger images.
        }
        gallery.setAttribute("data-gallery-started", "");
        var lightbox = new Lightbox(gallery);
        lightbox.links.forEach(function (link, index) {
            link.setAttribute("aria-haspopup", "dialog");
            link.addEventListener("click", function (event) {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
                    return; // Opening in a new tab or window stays possible.
                }
                event.preventDefault();
                lightbox.open(index, link);
            });
        });
    }

    // --- Image comparison -------------------------------------------------------------------

    var comparisons = 0;

    function startComparison(figure) {
        if (figure.hasAttribute("data-comparison-started")) {
            return;
        }
        figure.setAttribute("data-comparison-started", "");
        comparisons += 1;
        var id = "comparison-range-" + comparisons;
        var controls = document.createElement("div");
        controls.className = "comparison__controls";

        var rangeLabel = document.createElement("label");
        rangeLabel.className = "visually-hidden";
        rangeLabel.setAttribute("for", id);
        rangeLabel.textContent = label(figure, "range", "Move the divider between the two images");

        var range = document.createElement("input");
        range.type = "range";
        range.id = id;
        range.min = "0";
        range.max = "100";
        range.step = "1";
        range.value = "50";
        range.className = "comparison__range";

        var toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "comparison__toggle";

        controls.appendChild(rangeLabel);
        controls.appendChild(range);
        controls.appendChild(toggle);
        var pair = figure.querySelector(".comparison__pair");
        pair.parentNode.insertBefore(controls, pair.nextSibling);

        function update() {
            figure.style.setProperty("--split", range.value + "%");
            range.setAttribute("aria-valuetext", range.value + "%");
        }

        function setMode(slider) {
            figure.classList.toggle("is-slider", slider);
            range.hidden = !slider;
            toggle.textContent = slider
                ? label(figure, "side-by-side", "Show side by side")
                : label(figure, "slider", "Compare with a slider");
        }

        range.addEventListener("input", update);
        toggle.addEventListener("click", function () {
            setMode(!figure.classList.contains("is-slider"));
        });
        update();
        setMode(true);
    }

    // --- Map ----------------------------------------------------------------------------------

    function startMap(element) {
        var L = window.L;
        if (!L || element.hasAttribute("data-map-started")) {
            return; // Leaflet is loaded only when a tile server is configured.
        }
        var points;
        try {
            points = JSON.parse(element.getAttribute("data-points") || "[]");
        } catch (error) {
            return;
        }
        if (!points.length) {
            return;
        }
        element.setAttribute("data-map-started", "");
        if (element.getAttribute("data-images")) {
            L.Icon.Default.imagePath = element.getAttribute("data-images");
        }
        var map = L.map(element, { scrollWheelZoom: false });
        L.tileLayer(element.getAttribute("data-tile-url"), { maxZoom: 18 }).addTo(map);
        var bounds = [];
        points.forEach(function (point) {
            var marker = L.marker([point.lat, point.lon], { title: point.name, alt: point.name, keyboard: true });
            var popup = document.createElement("div");
            var name = document.createElement("strong");
            name.textContent = point.name;
            popup.appendChild(name);
            if (point.note) {
                popup.appendChild(document.createElement("br"));
                popup.appendChild(document.createTextNode(point.note));
            }
            marker.bindPopup(popup).addTo(map);
            bounds.push([point.lat, point.lon]);
        });
        if (bounds.length === 1) {
            map.setView(bounds[0], 8);
        } else {
            map.fitBounds(bounds, { padding: [30, 30] });
        }
    }

    function startAll() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), startGallery);
        Array.prototype.forEach.call(document.querySelectorAll("[data-comparison]"), startComparison);
        Array.prototype.forEach.call(document.querySelectorAll("[data-exhibit-map]"), startMap);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", startAll);
    } else {
        startAll();
    }
})();
