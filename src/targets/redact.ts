/**
 * Replaces known secrets in text. Servers sometimes echo the key they rejected ("Incorrect API key
 * provided: sk-…"), so every error message leaving a target passes through this before it can
 * reach the store, a log or a report.
 */
export function redactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  // Short values would blank out ordinary words; real keys and tokens are long.
  const list = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) out = out.split(s).join('[redacted]');
    return out;
  };
}
