import { anthropicContract, httpContract, ollamaContract, openaiContract } from './target-backends-http.js';
import { execContract, replayContract, scriptedContract } from './target-backends-local.js';
import { describeTargetContract } from './target-contract.js';

describeTargetContract('openai (scripted OpenAI-compatible server)', openaiContract);
describeTargetContract('ollama (OLLAMA_HOST → scripted server)', ollamaContract);
describeTargetContract('anthropic (scripted Messages API server)', anthropicContract);
describeTargetContract('http (config file → scripted server)', httpContract);
describeTargetContract('exec (JSON-lines child process)', execContract);
describeTargetContract('replay (JSONL recording)', replayContract);
describeTargetContract('scripted (in-process)', scriptedContract);
