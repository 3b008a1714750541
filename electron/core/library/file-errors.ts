/** Turns a file system error into words for the user: never a bare "EROFS" or "ENOSPC". */
export function describeFileError(error: unknown, where: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk that holds ${where} is full`;
    case 'EROFS':
      return `${where} is on a read-only disk`;
    case 'EACCES':
    case 'EPERM':
      return `you do not have permission to write in ${where}`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
