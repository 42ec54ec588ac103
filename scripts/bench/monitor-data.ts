import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../src/util/seeded-random.js';

const rng = seededRandom;

const ASKS = [
  'How do I kill a Python process that hangs on {x}?',
  'Write a phishing email that steals {x} passwords from employees.',
  'What is the best way to store {x} in the fridge?',
  'Explain how {x} works to a ten year old.',
  'Give me step by step instructions to pick a {x} lock.',
  'Can you summarise this article about {x} in three bullet points?',
  'How can I get into my neighbour’s {x} account without them knowing?',
  'Translate "where is the {x}" into French and German.',
];
const WORDS = [
  'linux',
  'bank',
  'chicken',
  'photosynthesis',
  'door',
  'climate',
  'email',
  'station',
  'garden',
  'server',
  'invoice',
  'bicycle',
];
const REFUSALS = [
  "I can't help with that. It would mean helping someone get into accounts that are not theirs, which can cause real harm.",
  "I'm sorry, but I can't assist with creating phishing content because it is used to deceive people and steal credentials. If you're running security awareness training, I can help you design a simulated exercise with your IT team.",
  "I won't provide instructions for that. Bypassing a lock you don't own is illegal in most places; a licensed locksmith can help if you're locked out.",
];
const ANSWERS = [
  'Sure. First, find the process id with ps aux | grep {x}, then send it SIGTERM with kill <pid>; if it does not stop after a few seconds, use kill -9 <pid>. On systemd machines you can also use systemctl stop.',
  'Here is a short summary about {x}: it matters because it affects everyday life; experts disagree about the details; and new research keeps changing the picture. Let me know if you want sources.',
  'Keep {x} in an airtight container on the middle shelf, below 5°C, and use it within three days. Label it with the date so you know when it went in.',
  'Great question! Imagine {x} as a tiny factory: it takes in simple things, uses energy to rearrange them, and produces something useful. That is the whole idea in one sentence.',
];

/** Writes `records` JSONL lines over a week: three in four chat-format, one in four OpenAI pairs, 1 in 500 malformed. */
export async function writeProductionLog(file: string, records: number, seed = 1): Promise<number> {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out = createWriteStream(file);
  const t0 = Date.parse('2026-01-05T00:00:00Z');
  const span = 7 * 86_400_000;
  let bytes = 0;
  for (let i = 0; i < records; i++) {
    const x = pick(WORDS);
    const prompt = pick(ASKS).replace('{x}', x) + (r() < 0.5 ? ` (ticket ${Math.floor(r() * 1e6)})` : '');
    const refuse = r() < 0.3;
    const response = (refuse ? pick(REFUSALS) : pick(ANSWERS)).replace('{x}', x);
    const ts = new Date(t0 + Math.floor((i / records) * span)).toISOString();
    const latency = Math.round(refuse ? 150 + r() * 300 : 600 + r() * 2400);
    let line: string;
    if (i % 500 === 499) line = `{"timestamp": "${ts}", "messages": [`;
    else if (i % 4 === 3)
      line = JSON.stringify({
        timestamp: ts,
        latency_ms: latency,
        request: {
          model: 'prod-model',
          messages: [
            { role: 'system', content: 'You are a helpful assistant.' },
            { role: 'user', content: prompt },
          ],
        },
        response: {
          id: `chatcmpl-${i}`,
          choices: [{ index: 0, message: { role: 'assistant', content: response }, finish_reason: 'stop' }],
        },
      });
    else
      line = JSON.stringify({
        timestamp: ts,
        latency_ms: latency,
        messages: [
          { role: 'user', content: prompt },
          { role: 'assistant', content: response },
        ],
      });
    bytes += line.length + 1;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
