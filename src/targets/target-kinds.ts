import { UsageError, type Target } from '../spec/index.js';
import { createExecTarget } from './exec/exec-target.js';
import { createHttpTarget } from './http/http-target.js';
import type { KindInput } from './kind-input.js';
import { anthropicKind, ollamaKind, openaiKind } from './provider-kinds.js';
import { createReplayTarget } from './replay/replay-target.js';
import { scriptedFromSpec } from './scripted-presets.js';

interface TargetKind {
  example: string;
  description: string;
  create(input: KindInput): Target;
}

/** Every kind `createTarget` knows; `describeTargetKinds()` lists them for help and errors. */
export const targetKinds = {
  openai: {
    example: 'openai:gpt-4o-mini',
    description: 'any OpenAI-compatible chat endpoint (OpenAI, vLLM, llama.cpp, LM Studio); --base-url / OPENAI_BASE_URL, OPENAI_API_KEY',
    create: openaiKind,
  },
  anthropic: {
    example: 'anthropic:claude-sonnet-4-5',
    description: 'Anthropic Messages API; ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL',
    create: anthropicKind,
  },
  ollama: {
    example: 'ollama:llama3.2',
    description: 'a local Ollama server (OpenAI-compatible endpoint, OLLAMA_HOST or localhost:11434)',
    create: ollamaKind,
  },
  http: {
    example: 'http:target.yaml',
    description: 'any JSON API from a request template and a response path (or --target http --target-config f.yaml)',
    create: (input) => {
      const configFile = input.rest || input.settings.configFile;
      if (!configFile)
        throw new UsageError(
          `target "${input.spec}" needs a config file: http:<file.yaml>, or --target http --target-config <file.yaml> (format: docs/targets.md)`,
        );
      return createHttpTarget({ configFile, env: input.env, limits: input.limits });
    },
  },
  exec: {
    example: 'exec:"python guard.py"',
    description: 'a local program speaking JSON lines on stdin/stdout',
    create: (input) => createExecTarget({ command: input.rest, env: input.env, limits: input.limits }),
  },
  replay: {
    example: 'replay:xstest/gpt4',
    description:
      'recorded answers: a JSONL file, xstest/{gpt4,llama2orig,llama2new,mistralinstruct,mistralguard} or do-not-answer/{GPT4,ChatGPT,Claude,ChatGLM2,llama2-7b-chat,vicuna-7b}',
    create: (input) => {
      if (input.rest === '')
        throw new UsageError(
          `target "${input.spec}" needs a recording: replay:<file.jsonl>, replay:xstest/gpt4 or replay:do-not-answer/GPT4`,
        );
      return createReplayTarget({ ref: input.rest, limits: input.limits });
    },
  },
  scripted: {
    example: 'scripted:refuse-all',
    description: 'an in-process model with known behaviour: echo, refuse-all, comply-all, or a rules file',
    create: (input) => scriptedFromSpec(input.rest, input.limits),
  },
} satisfies Record<string, TargetKind>;

export type TargetKindName = keyof typeof targetKinds;
