/** Schemes the OS may open for a link the user clicked. Never file:, javascript:, or custom app schemes. */
const WEB_SCHEMES = new Set(['http:', 'https:']);
const CLICKED_LINK_SCHEMES = new Set([...WEB_SCHEMES, 'mailto:']);

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

/** An http(s) URL: all the bridge's `shell:openExternal` accepts. */
export function isWebUrl(url: string): boolean {
  const scheme = protocolOf(url);
  return scheme !== null && WEB_SCHEMES.has(scheme);
}

/** A link a page may hand to the OS when it tries `window.open` or `target=_blank`. */
export function isOpenableLink(url: string): boolean {
  const scheme = protocolOf(url);
  return scheme !== null && CLICKED_LINK_SCHEMES.has(scheme);
}
