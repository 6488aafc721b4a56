/*
 * Shows an item's scans in the Mirador IIIF viewer.
 *
 * Every element with `data-iiif-viewer` becomes a viewer of the IIIF manifest at its
 * `data-manifest` URL, opened at the canvas whose id is in the optional `data-canvas`,
 * and zoomed to the optional `data-region` ("x,y,w,h" in pixels of that canvas).
 * Mirador comes from npm (package.json) and is served by the site as
 * vendor/mirador/mirador.min.js, which must be loaded before this script.
 * Without it (blocked, failed to load) the page stays as it is, with its plain list of images.
 */
(function () {
    "use strict";

    var FALLBACK_LANGUAGE = "en";

    // Mirador's language for the page's <html lang>: the same tag, else the same language
    // without region or script ("de-AT" -> "de"), else English.
    function viewerLanguage(Mirador) {
        var settings = Mirador.settings || {};
        var available = Object.keys(settings.availableLanguages || {});
        var lang = (document.documentElement.getAttribute("lang") || "").trim().toLowerCase();
        if (!lang) {
            return FALLBACK_LANGUAGE;
        }
        var primary = lang.split("-")[0];
        var exact = available.filter(function (code) {
            return code.toLowerCase() === lang;
        });
        if (exact.length) {
            return exact[0];
        }
        var base = available.filter(function (code) {
            return code.toLowerCase() === primary;
        });
        return base.length ? base[0] : FALLBACK_LANGUAGE;
    }

    // [x, y, w, h] from `data-region`, or null when it is missing or not four numbers with w, h > 0.
    function viewerRegion(element) {
        var parts = (element.getAttribute("data-region") || "").split(",").map(function (part) {
            return Number(part.trim());
        });
        var valid = parts.length === 4 && parts.every(function (n) {
            return isFinite(n) && n >= 0;
        });
        return valid && parts[2] > 0 && parts[3] > 0 ? parts : null;
    }

    function viewerConfig(element, Mirador) {
        // Absolute, so the window's manifest id is the URL the manifest is served at.
        var manifest = new URL(element.getAttribute("data-manifest"), document.baseURI).href;
        var win = {
            manifestId: manifest,
            thumbnailNavigationPosition: "far-bottom",
        };
        var canvas = element.getAttribute("data-canvas");
        if (canvas) {
            win.canvasId = canvas;
        }
        var region = viewerRegion(element);
        if (region) {
            // In the single-page view the canvas is the whole world, so its pixels are world units.
            win.initialViewerConfig = { bounds: region };
        }
        return {
            id: element.id,
            language: viewerLanguage(Mirador),
            windows: [win],
            window: {
                allowClose: false,
                allowMaximize: false,
                allowFullscreen: true,
                allowTopMenuButton: true,
                allowWindowSideBar: true,
                sideBarOpen: false,
                defaultView: "single",
            },
            thumbnailNavigation: {
                defaultPosition: "far-bottom",
            },
            workspace: {
                allowNewWindows: false,
                isWorkspaceAddVisible: false,
                draggingEnabled: false,
                showZoomControls: true,
                type: "mosaic",
            },
            workspaceControlPanel: {
                enabled: false,
            },
            theme: {
                palette: {
                    primary: { main: "#0b5563" },
                    secondary: { main: "#0b5563" },
                },
            },
        };
    }

    var counter = 0;

    // Mirador draws its viewer as a <main> element, which would be a second main landmark inside
    // the page's own <main>; the container is already the named region, so this is a plain group.
    function keepOneMainLandmark(element) {
        function relabel() {
            var mains = element.querySelectorAll("main:not([role])");
            for (var i = 0; i < mains.length; i += 1) {
                mains[i].setAttribute("role", "group");
            }
        }
        relabel();
        if (window.MutationObserver) {
            new MutationObserver(relabel).observe(element, { childList: true, subtree: true });
        }
    }

    function start(element, Mirador) {
        if (element.getAttribute("data-iiif-viewer-started") || !element.getAttribute("data-manifest")) {
            return;
        }
        if (!element.id) {
            counter += 1;
            element.id = "iiif-viewer-" + counter;
        }
        element.setAttribute("data-iiif-viewer-started", "");
        element.classList.add("is-active");
        try {
            element.mirador = Mirador.viewer(viewerConfig(element, Mirador));
            keepOneMainLandmark(element);
        } catch (error) {
            element.classList.remove("is-active");
            element.removeAttribute("data-iiif-viewer-started");
            if (window.console) {
                window.console.error("The IIIF viewer could not start:", error);
            }
        }
    }

    function startAll() {
        var Mirador = window.Mirador;
        if (!Mirador || typeof Mirador.viewer !== "function") {
            return; // Mirador did not load: keep the plain list of images.
        }
        var elements = document.querySelectorAll("[data-iiif-viewer]");
        for (var i = 0; i < elements.length; i += 1) {
            start(elements[i], Mirador);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", startAll);
    } else {
        startAll();
    }
})();
