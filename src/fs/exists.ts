import { stat } from 'node:fs/promises';

/** Whether something exists at the path (a file, a folder, anything `stat` can see). */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
