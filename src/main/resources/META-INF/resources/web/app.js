// The manager page's only script; every form works without it.
(function () {
    "use strict";

    // Filters apply as soon as one changes.
    document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
        select.addEventListener("change", function () {
            select.form.submit();
        });
    });

    // A dismissal for the reason "Other" needs a note: say so, and let the browser ask for it.
    document.querySelectorAll("form[data-note-when]").forEach(function (form) {
        var reason = form.querySelector("select[name=reason]");
        var note = form.querySelector("textarea[name=note]");
        var label = form.querySelector("[data-required]");
        reason.addEventListener("change", function () {
            var needed = reason.value === form.dataset.noteWhen;
            note.required = needed;
            label.textContent = needed ? label.dataset.required : label.dataset.optional;
        });
    });
}());
