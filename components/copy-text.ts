"use client";
// Copying to the clipboard, which a page served over plain HTTP or a browser's permission may not allow.

/** True once `text` is on the clipboard; false where copying is not allowed (the page then asks to copy by hand). */
export async function copyText(text: string): Promise<boolean> {
  if (!navigator.clipboard) return false;
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}
