/** Addresses as typed in To or Cc: separated by commas, semicolons, spaces or line breaks. */
export function splitAddresses(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part.length > 0);
}

const plausible = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The addresses worth asking security-options about while the agent types: those that look complete, lowercased, each
 * once. A half-typed one is left out of the question instead of answered with an error; Send gives every address to
 * the service, which refuses a bad one by name.
 */
export function addressesToAsk(text: string): string[] {
  return [...new Set(splitAddresses(text).filter((part) => plausible.test(part)).map((part) => part.toLowerCase()))];
}
