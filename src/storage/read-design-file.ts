import { parseDesignText, type ParseResult } from '../domain/persistence/parse-design.ts';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a dropped or picked file through the one parse -> migrate -> validate path. Never throws. */
export async function readDesignFile(file: File): Promise<ParseResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, reason: 'not-a-design', message: `The file is ${(file.size / 1024 / 1024).toFixed(0)} MB; Skyline design files are far smaller, so this is not one.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, reason: 'not-json', message: 'The file could not be read.' };
  }
  return parseDesignText(text);
}
