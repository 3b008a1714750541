/**
 * A Windows UNC path (\\host\share\…, //host/share/…, \\?\…, \\.\…) names a file on another
 * machine: merely touching it (stat, realpath) makes Windows connect to that host and offer the
 * user's NTLM credentials, so such a path is refused before any filesystem call.
 */
export function isUncPath(path: string): boolean {
  return /^[\\/]{2}/.test(path);
}

/** A file: URL that names another host (file://host/share/…): on Windows it becomes a UNC path. */
export function isRemoteFileUrl(url: string): boolean {
  // As URL parsers read it: tabs and newlines dropped, backslashes taken for slashes.
  const normalized = url.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
  const match = /^file:\/\/([^/?#]*)([^?#]*)/i.exec(normalized);
  if (!match) return false;
  const host = match[1].toLowerCase();
  if (host !== '' && host !== 'localhost') return true;
  try {
    return isUncPath(decodeURIComponent(match[2]));
  } catch {
    return true;
  }
}
