// The host page's own code: where its API is (here from the address, as the
// test serves the sandbox API on a port it picks), and its own handler of
// lk-login, which writes a line the test reads.
const form = document.querySelector('lk-login-form');
form.setAttribute('api-base', new URLSearchParams(location.search).get('api-base') ?? '/api/');
form.addEventListener('lk-login', (event) => {
  document.querySelector('#host-log').textContent = `lk-login: ${event.detail.user.email}`;
});
