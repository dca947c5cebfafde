// htmx requests carry the CSRF token of the page.
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { evt.detail.headers[header.content] = token.content; }
});
// Buttons and links with data-confirm ask first.
document.addEventListener('click', function (evt) {
  var el = evt.target.closest('[data-confirm]');
  if (el && !window.confirm(el.getAttribute('data-confirm'))) { evt.preventDefault(); }
});
