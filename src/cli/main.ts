import { Command, CommanderError } from 'commander';
import { isCardwiseError } from '../core';
import { commandModules } from './commands';

const program = new Command('cardwise')
  .description('Cardwise: credit-card customer retention and precision marketing / 信用卡客户维系与精准营销')
  .showHelpAfterError()
  .exitOverride();

for (const register of commandModules) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  // People read one line that says what went wrong; the stack is for CARDWISE_DEBUG=1.
  if (isCardwiseError(error)) process.stderr.write(`cardwise: ${error.messages['en-US']}\n`);
  else process.stderr.write(`cardwise: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.CARDWISE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}
