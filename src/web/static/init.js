// GOV.UK Frontend's components (service navigation menu on small screens, error summary focus).
import { initAll } from '/vendor/govuk-frontend.min.js';
initAll();
