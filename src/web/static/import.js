// Upload with a progress bar: the files go to the JSON API, the bar shows the upload, then an
// "importing" state while the server checks and stores them; the result page follows. Files can
// also be dropped on the form or a whole folder chosen (each file sent with its path, so a folder
// named for its year gives the SSDA903 year); the year question shows only while a chosen file
// could need it (a CSV: the XML returns' Headers give their year). Without JavaScript the form
// posts normally and the server redirects to the same result page.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var box = document.getElementById('import-progress');
  var bar = document.getElementById('import-progress-bar');
  var text = document.getElementById('import-progress-text');
  var errorBox = document.getElementById('upload-error');
  var button = document.getElementById('import-button');
  var input = document.getElementById('files');
  var yearGroup = document.getElementById('year') && document.getElementById('year').closest('.govuk-form-group');
  /** Files dropped or chosen as a folder: [File, path]; empty when the file input is used as it is. */
  var chosen = [];

  var list = document.createElement('ul');
  list.className = 'govuk-list govuk-list--bullet';
  list.id = 'import-chosen';
  list.setAttribute('data-testid', 'import-chosen');
  var folderLabel = document.createElement('label');
  folderLabel.className = 'govuk-label';
  folderLabel.htmlFor = 'folder';
  folderLabel.textContent = 'Or choose a folder (every CSV and XML file in it), or drop files or a folder on this form';
  var folder = document.createElement('input');
  folder.type = 'file';
  folder.id = 'folder';
  folder.className = 'govuk-file-upload';
  folder.setAttribute('webkitdirectory', '');
  folder.multiple = true;
  var folderGroup = document.createElement('div');
  folderGroup.className = 'govuk-form-group';
  folderGroup.appendChild(folderLabel);
  folderGroup.appendChild(folder);
  input.closest('.govuk-form-group').after(folderGroup, list);

  var importable = function (name) { return /\.(csv|xml)$/i.test(name); };
  function show() {
    var names = chosen.length ? chosen.map(function (c) { return c[1]; }) : Array.prototype.map.call(input.files, function (f) { return f.name; });
    list.textContent = '';
    names.forEach(function (n) { var li = document.createElement('li'); li.textContent = n; list.appendChild(li); });
    // Only CSV files and the SSDA903 XML export (root EXPSSDA903) can need the year; the DfE's
    // XML returns say it in their Header.
    var files = chosen.length ? chosen.map(function (c) { return c[0]; }) : Array.prototype.slice.call(input.files);
    var asked = ++yearAsked;
    var allXml = names.length > 0 && names.every(function (n) { return /\.xml$/i.test(n); });
    if (!yearGroup) return;
    if (!allXml) { yearGroup.hidden = false; return; }
    Promise.all(files.map(rootOf)).then(function (roots) {
      if (asked === yearAsked) yearGroup.hidden = roots.indexOf('EXPSSDA903') === -1;
    });
  }
  var yearAsked = 0;
  /** The root element's name of an XML file, from its start. */
  function rootOf(file) {
    return file.slice(0, 65536).text().then(function (t) {
      var m = /<([A-Za-z_][\w.-]*)/.exec(t.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
      return m ? m[1] : null;
    }, function () { return null; });
  }
  function choose(items) {
    chosen = items.filter(function (c) { return importable(c[1]); });
    input.value = '';
    show();
  }
  input.addEventListener('change', function () { chosen = []; folder.value = ''; show(); });
  folder.addEventListener('change', function () {
    choose(Array.prototype.map.call(folder.files, function (f) { return [f, f.webkitRelativePath || f.name]; }));
  });

  /** Every file under a dropped entry (a folder is read through, in the order given), with its path. */
  function readEntry(entry, done) {
    if (entry.isFile) { entry.file(function (f) { done([[f, entry.fullPath.replace(/^\//, '')]]); }, function () { done([]); }); return; }
    var reader = entry.createReader();
    var out = [];
    (function more() {
      reader.readEntries(function (entries) {
        if (!entries.length) { done(out); return; }
        var left = entries.length;
        entries.forEach(function (e) { readEntry(e, function (files) { out = out.concat(files); if (--left === 0) more(); }); });
      }, function () { done(out); });
    })();
  }
  form.addEventListener('dragover', function (e) { e.preventDefault(); form.classList.add('council-drop--over'); });
  form.addEventListener('dragleave', function () { form.classList.remove('council-drop--over'); });
  form.addEventListener('drop', function (e) {
    e.preventDefault();
    form.classList.remove('council-drop--over');
    var items = e.dataTransfer.items;
    var entries = items ? Array.prototype.map.call(items, function (i) { return i.webkitGetAsEntry && i.webkitGetAsEntry(); }).filter(Boolean) : [];
    if (!entries.length) { choose(Array.prototype.map.call(e.dataTransfer.files, function (f) { return [f, f.name]; })); return; }
    var all = [];
    var left = entries.length;
    entries.forEach(function (en) { readEntry(en, function (files) { all = all.concat(files); if (--left === 0) choose(all); }); });
  });

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
    if (chosen.length) {
      data.delete('files');
      chosen.forEach(function (c) { data.append('files', c[0], c[1]); });
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-api'));
    xhr.setRequestHeader('accept', 'application/json');
    var token = form.querySelector('input[name=_csrf]');
    if (token && token.value) xhr.setRequestHeader('x-csrf-token', token.value);
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var pct = Math.round((100 * e.loaded) / e.total);
      bar.value = pct;
      text.textContent = 'Uploading: ' + pct + '% of ' + (e.total / 1048576).toFixed(1) + ' MB';
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
