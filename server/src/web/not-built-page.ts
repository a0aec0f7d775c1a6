/** What `/` shows when the server runs but the web client was never built. */
export function notBuiltPage(webDir: string): string {
  const dir = webDir.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>MeetAI server: web client not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>The MeetAI server is running, but the web client is not built</h1>
<p>There is no web build in <code>${dir}</code>, so there is no page to show here yet.
The API (<code>/api/v1</code>), <a href="/health">/health</a> and <a href="/metrics">/metrics</a> work.</p>
<p>To build the web client, run <code>npm run build -w @meetai/renderer</code> in the repository
(or start everything with <code>npm start</code>, which builds it when needed), then reload this page.</p>
</body>
</html>
`;
}
