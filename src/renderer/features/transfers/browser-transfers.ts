import { readToken } from '../../api/web-transport';

/** Browser mode: starts the browser's own download of a one-time URL (same origin; the ticket is the credential). */
export function startBrowserDownload(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Browser mode: POSTs a file to an upload URL a command returned. The browser streams the file
 * from disk; main streams it into the engine. How it ended comes from `transfers.watch`, so a
 * failed request adds nothing to report here.
 */
export async function uploadInBrowser(uploadUrl: string, file: Blob): Promise<void> {
  try {
    const response = await fetch(uploadUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${readToken()}`, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    await response.body?.cancel();
  } catch {
    // The transfer's own stream says what happened (cancelled, engine gone, refused).
  }
}
