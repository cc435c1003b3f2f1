import { StorageError } from "../core/errors.js";

/** Runs a store operation; any failure becomes a StorageError that names the operation. */
export async function guarded<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`store failed to ${what}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}
