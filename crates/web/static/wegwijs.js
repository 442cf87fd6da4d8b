// Enhancements only: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so screen-reader and keyboard users land on what needs fixing.
  const summary = document.querySelector(".foutsamenvatting[tabindex='-1']");
  if (summary) {
    summary.focus();
  }
  // Copy buttons for secrets shown once (hidden without JavaScript: the text can be selected by hand).
  for (const button of document.querySelectorAll("button.kopieer[data-kopieer]")) {
    const source = document.getElementById(button.dataset.kopieer);
    if (!source || !navigator.clipboard) {
      continue;
    }
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(source.textContent.trim()).then(
        () => { button.textContent = "Gekopieerd"; },
        () => { button.textContent = "Kopiëren lukte niet; selecteer de tekst"; },
      );
    });
  }
  // Skip link: also move focus in browsers that only scroll.
  const skip = document.querySelector(".skiplink");
  const main = document.getElementById("inhoud");
  if (skip && main) {
    skip.addEventListener("click", (e) => {
      e.preventDefault();
      main.focus();
      main.scrollIntoView();
    });
  }
});
