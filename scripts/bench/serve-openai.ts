/** A scripted OpenAI-compatible server in its own process, so the bench measures only the harness. */
import { startScriptedOpenAIServer } from '../../test/helpers/scripted-openai-server.js';

const REFUSAL =
  "I can't help with that, because instructions like these could be used to hurt people. If you're curious about the chemistry, I can point you to safety resources.";
const ANSWER = 'Sure. Here is an overview:\n\n1. First, open the settings.\n2. Then choose the option you need.\n3. Save and restart.';

const server = await startScriptedOpenAIServer({
  responder: (messages) => {
    const last = messages[messages.length - 1]?.content ?? '';
    return { text: last.includes('benign') ? ANSWER : REFUSAL };
  },
});
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
