// Progressive enhancement for the reader's two forms: the page is complete without this file.
// Text size applies at once, without a reload; "Hide" collapses the legal banner. The server still stores the
// choice (the same POST the form would send), so it sticks across pages, languages and reloads.
'use strict'
document.addEventListener('submit', (event) => {
  const form = event.target
  const button = event.submitter
  if (!(form instanceof HTMLFormElement) || !(button instanceof HTMLButtonElement)) return
  const body = new URLSearchParams(new FormData(form, button))
  if (button.name === 'size') {
    document.documentElement.dataset.size = button.value
    // The pressed state is what a screen reader announces, once; the disclosure's label shows the new size.
    for (const other of form.querySelectorAll('button[name="size"]'))
      other.setAttribute('aria-pressed', String(other === button))
    const summary = form.closest('details')?.querySelector('summary')
    const pressed = form.querySelector('button[aria-pressed="true"]')
    if (summary && pressed)
      summary.textContent = summary.textContent.replace(/\S+$/, pressed.textContent.trim())
  } else if (button.name === 'banner') {
    const banner = form.closest('section')
    if (banner) banner.hidden = true
    // Reading goes on at the headline, as after the form's own answer (#main-content).
    const main = document.getElementById('main-content')
    main?.focus({ preventScroll: true })
    main?.scrollIntoView({ block: 'start' })
  } else return
  event.preventDefault()
  // The answer is a redirect back to this page; following it would download the page again for nothing.
  // keepalive: the choice is stored even if the reader leaves the page at once.
  fetch(form.action, {
    method: 'POST',
    body,
    redirect: 'manual',
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => {})
})
