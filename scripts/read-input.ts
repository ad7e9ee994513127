/** Reading a file named on a command line, with the reason in words when it cannot be read. */

/** The file's text; null after telling `err` why it could not be read. */
export function readInput(io: { readFile(path: string): string; err(text: string): void }, file: string): string | null {
  try {
    return io.readFile(file);
  } catch (error) {
    io.err(unreadable(file, error));
    return null;
  }
}

function unreadable(file: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return `Cannot read ${file}: there is no such file.`;
  if (code === 'EISDIR') return `Cannot read ${file}: it is a directory, not a design file.`;
  return `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
}
