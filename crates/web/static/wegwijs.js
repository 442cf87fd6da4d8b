// Enhancements only: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so screen-reader and keyboard users land on what needs fixing.
  const summary = document.querySelector(".foutsamenvatting[tabindex='-1']");
  if (summary) {
    summary.focus();
  }
  // Error summary links: focus the field itself and show its label above it (a plain fragment link
  // only scrolls in some browsers and hides the label under the top edge).
  for (const link of document.querySelectorAll(".foutsamenvatting a[href^='#']")) {
    link.addEventListener("click", (e) => {
      const target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) {
        return;
      }
      e.preventDefault();
      const label = document.querySelector(`label[for="${target.id}"]`) || target;
      label.scrollIntoView();
      target.focus({ preventScroll: true });
    });
  }
  // Status after an action ("Gegevens opgeslagen"): screen readers announce what is added to a live
  // region, not text that was there at load, so the text is added again (as a new text node) a moment
  // later. The visible text never disappears in between.
  for (const status of document.querySelectorAll(".melding[role='status']")) {
    const text = status.textContent;
    if (text.trim()) {
      setTimeout(() => { status.replaceChildren(document.createTextNode(text)); }, 300);
    }
  }
  // The confirmation travels in the URL (?melding=...); once shown, take it out of the address bar so
  // a reload, the back button or a shared link does not announce "Gegevens opgeslagen" again hours
  // later. Other parameters (filters, page) stay.
  const url = new URL(window.location.href);
  if (url.searchParams.has("melding")) {
    for (const name of ["melding", "aantal", "gezinsleden"]) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
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
