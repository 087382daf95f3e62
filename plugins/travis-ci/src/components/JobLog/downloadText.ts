/** Saves text as a file through the browser's download prompt. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();

  // The download has started once click() returns, so the URL can go.
  URL.revokeObjectURL(url);
}
