// Progressive enhancement only: every page works without this script. It marks the page as
// able to run govuk-frontend's components (as GOV.UK's own template does, without an inline
// script, which the pages' Content-Security-Policy forbids) and starts them.
import { initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// The print button of an obligation's page is shown only where it can work.
for (const button of document.querySelectorAll('[data-app-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
