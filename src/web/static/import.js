// Upload with a progress bar: the files go to the JSON API, the bar shows the upload, then an
// "importing" state while the server checks and stores them; the result page follows. Without
// JavaScript the form posts normally and the server redirects to the same result page.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var box = document.getElementById('import-progress');
  var bar = document.getElementById('import-progress-bar');
  var text = document.getElementById('import-progress-text');
  var errorBox = document.getElementById('upload-error');
  var button = document.getElementById('import-button');

  function showError(message) {
    box.hidden = true;
    button.disabled = false;
    var item = errorBox.querySelector('.govuk-error-summary__list a');
    if (item) item.textContent = message;
    errorBox.hidden = false;
    errorBox.querySelector('.govuk-error-summary').focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-api'));
    xhr.setRequestHeader('accept', 'application/json');
    var token = form.querySelector('input[name=_csrf]');
    if (token && token.value) xhr.setRequestHeader('x-csrf-token', token.value);
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var pct = Math.round((100 * e.loaded) / e.total);
      bar.value = pct;
      text.textContent = 'Uploading: ' + pct + '%';
    });
    xhr.upload.addEventListener('load', function () {
      bar.removeAttribute('value'); // indeterminate while the server works
      text.textContent = 'Checking and importing the files. This can take a minute for large returns.';
    });
    xhr.addEventListener('load', function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (body && body.runId) { window.location.assign('/import/runs/' + body.runId); return; }
      showError((body && body.message) || 'The upload failed (' + xhr.status + '). Try again.');
    });
    xhr.addEventListener('error', function () { showError('The upload failed. Check your connection and try again.'); });
    errorBox.hidden = true;
    box.hidden = false;
    button.disabled = true;
    text.textContent = 'Uploading: 0%';
    xhr.send(data);
  });
})();
