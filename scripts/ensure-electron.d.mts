/** The Electron executable installed under `root` (default: this project), or null when its binary is not there. */
export function electronBinaryPath(root?: string): string | null;
