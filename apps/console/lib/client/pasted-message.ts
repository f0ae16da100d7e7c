/** A message pasted into a test panel: a JSON object, or the reason it is not one. */
export function parsePastedMessage(
  text: string,
): { message: Record<string, unknown>; error?: undefined } | { message?: undefined; error: string } {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    return { error: `The message is not JSON: ${(error as Error).message}` };
  }
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    return { error: 'The message must be a JSON object, such as { "record": { … } }.' };
  }
  return { message: message as Record<string, unknown> };
}
