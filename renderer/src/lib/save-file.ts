/**
 * Saves a downloaded file the way a browser saves any download: through a
 * temporary Blob link. In Electron the same click goes to the session's
 * download handling (a save dialog by default).
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns: revoke it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
