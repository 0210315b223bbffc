// For `npm run bench` only: the least a Worker can do per request, beside the site's cached page. It answers every
// request with a page-sized HTML body made once (`?bytes=N`, default 10 000), and the headers a page carries.
const bodies = new Map()

export default {
  fetch(request) {
    const bytes = Math.min(Number(new URL(request.url).searchParams.get('bytes')) || 10_000, 1_000_000)
    let body = bodies.get(bytes)
    if (!body) bodies.set(bytes, (body = new TextEncoder().encode('<!DOCTYPE html>'.padEnd(bytes, ' '))))
    return new Response(body, {
      headers: { 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'private, max-age=60' },
    })
  },
}
