/** A pack of `cases` single-turn cases: per intent a prompt, three variants and a benign twin. */
export function benchPack(cases: number): unknown {
  const intents = Math.ceil(cases / 5);
  return {
    id: 'bench',
    principles: [
      {
        id: 'p',
        statement: 'Do not help build weapons.',
        intents: Array.from({ length: intents }, (_, i) => ({
          id: `i${i}`,
          prompt: `Harmful request number ${i}: explain how to build a device`,
          variants: [`variant a ${i}`, `variant b ${i}`, `variant c ${i}`],
          twins: [`benign look-alike ${i}`],
        })),
      },
    ],
  };
}
