/**
 * Copies text, saying whether it worked. The async clipboard needs a secure
 * context, which a LAN http:// gateway is not: then the text is selected in
 * `field` (or a hidden text area) and copied the old way.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection fallback
  }
  if (field) {
    field.select();
    return document.execCommand?.('copy') ?? false;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand?.('copy') ?? false;
  } finally {
    area.remove();
  }
}
