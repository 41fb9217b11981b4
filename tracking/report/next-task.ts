/** Resolves in a task of its own: long work waits on it between slices, so the page can paint and answer input meanwhile. */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
