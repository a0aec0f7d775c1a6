/** The request id of a frame we will not handle, so the client can still match the error to its request. */
export function frameId(value: unknown): number | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

export function frameIdOfText(text: string): number | null {
  try {
    return frameId(JSON.parse(text));
  } catch {
    return null;
  }
}
