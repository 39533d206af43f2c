/**
 * `npm run hooks:install`: turns on the pre-commit hook (scripts/hooks) for
 * this clone, and says so, with what it does and how to turn it off.
 */
import { execFileSync } from 'node:child_process';

execFileSync('git', ['config', 'core.hooksPath', 'scripts/hooks']);
process.stdout.write(
  'The pre-commit hook is on for this copy of the register. Each commit is now checked first, and stopped\n' +
    'if it would add an error to the content; the problems are shown, with what to write instead.\n' +
    'To turn it off again: git config --unset core.hooksPath\n',
);
