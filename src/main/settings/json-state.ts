import { BerthError } from '../../shared/errors';
import { readJsonFile, writeFileAtomic } from './atomic-file';

/** One JSON file as a value: read once, then every change saved atomically, one save at a time. */
export interface JsonFileState<T> {
  readonly file: string;
  read(): Promise<T>;
  /** Applies `change` to the current value, saves, and resolves the saved value. */
  update(change: (current: T) => T): Promise<T>;
}

/**
 * `parse` turns whatever is in the file (undefined when there is none) into a valid value; it must
 * not throw. Saving failures become a plain INTERNAL error naming the file.
 */
export function jsonFileState<T>(file: string, parse: (raw: unknown) => T): JsonFileState<T> {
  let loaded: Promise<T> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const read = (): Promise<T> => {
    loaded ??= readJsonFile(file).then(parse, (err: unknown) => {
      loaded = undefined;
      throw new BerthError('INTERNAL', `Could not read ${file}: ${(err as Error).message}`);
    });
    return loaded;
  };

  const update = (change: (current: T) => T): Promise<T> => {
    const next = queue.then(async () => {
      const value = change(await read());
      try {
        await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
      } catch (err) {
        throw new BerthError('INTERNAL', `Could not save ${file}: ${(err as Error).message}`);
      }
      loaded = Promise.resolve(value);
      return value;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return { file, read, update };
}
