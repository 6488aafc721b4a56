// Reordering an item's files by drag and drop, or with the up/down buttons (keyboard users),
// and dropping images onto the upload form.
(function () {
  "use strict";

  document.querySelectorAll("[data-sortable]").forEach(function (list) {
    var dragged = null;
    list.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("li");
      if (dragged) {
        dragged.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
      }
    });
    list.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("is-dragging");
      dragged = null;
    });
    list.addEventListener("dragover", function (event) {
      var target = event.target.closest("li");
      if (!dragged || !target || target === dragged) return;
      event.preventDefault();
      var box = target.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? target.nextSibling : target);
    });
    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-move]");
      if (!button) return;
      var entry = button.closest("li");
      if (button.dataset.move === "-1" && entry.previousElementSibling) {
        list.insertBefore(entry, entry.previousElementSibling);
      } else if (button.dataset.move === "1" && entry.nextElementSibling) {
        list.insertBefore(entry.nextElementSibling, entry);
      }
      button.focus();
    });
  });

  document.querySelectorAll("[data-drop-zone]").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (event) {
        event.preventDefault();
        form.classList.add("is-over");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      form.addEventListener(name, function () {
        form.classList.remove("is-over");
      });
    });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
      }
    });
  });
})();
