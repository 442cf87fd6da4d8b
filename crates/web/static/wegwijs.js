// Enhancements only: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so screen-reader and keyboard users land on what needs fixing.
  const summary = document.querySelector(".foutsamenvatting[tabindex='-1']");
  if (summary) {
    summary.focus();
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
