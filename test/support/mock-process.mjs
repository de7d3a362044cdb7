// `lk-widgets-mock` run as its own process, the way a harness runs it: the
// test waits for the URL it prints once it listens, and stops it (and
// whatever launched it, npx included) at the end.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Starts `command args…` (the mock's CLI, or npx running it) and resolves
 * with the API base it prints.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd?: string}} options
 * @returns {Promise<{apiBase: string, stop: () => Promise<void>}>}
 */
export async function startMockProcess(command, args, { cwd } = {}) {
  // A process group of its own: npx runs the server as its child, and stopping must end both.
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const apiBase = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} printed no URL:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const found = /lk-widgets mock API: (https?:\/\/\S+)/u.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
  return {
    apiBase,
    async stop() {
      const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // The group has ended already.
      }
      await exited;
    },
  };
}
