// Writes a job log the way a Travis CI worker does, to a given size. It has
// folded and timed set-up sections and an install with progress lines that
// `\r` overwrites. A long unfolded test run with colours follows, split into
// timed test commands as in a real log, and the log ends with a failure. The
// content is deterministic so that runs compare.

const CLEAR = '\r\x1b[0K';
const GREEN = '\x1b[32;1m';
const RED = '\x1b[31;1m';
const YELLOW = '\x1b[33;1m';
const RESET = '\x1b[0m';

function timer(id: number, startNs: number, seconds: number): [string, string] {
  const hex = id.toString(16).padStart(8, '0');
  const durationNs = Math.round(seconds * 1e9);
  return [
    `travis_time:start:${hex}${CLEAR}`,
    `\ntravis_time:end:${hex}:start=${startNs},finish=${
      startNs + durationNs
    },duration=${durationNs},event=script${CLEAR}`,
  ];
}

function fold(
  name: string,
  command: string,
  output: string,
  id: number,
): string {
  const [start, end] = timer(id, 1_700_000_000_000_000_000, 2 + (id % 17));
  return `travis_fold:start:${name}${CLEAR}${start}$ ${command}\n${output}${end}travis_fold:end:${name}${CLEAR}`;
}

/** Returns a Travis-style job log of at least `targetBytes` UTF-16 code units. */
export function generateTravisLog(targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  const add = (text: string) => {
    parts.push(text);
    size += text.length;
  };

  add(
    `travis_fold:start:worker_info${CLEAR}${YELLOW}Worker information${RESET}\n` +
      'hostname: 6c1c3a2e-worker-17\nversion: v6.2.22\ninstance: travis-job-1234 travis-ci-sardonyx-jammy\n' +
      `travis_fold:end:worker_info${CLEAR}`,
  );
  add(
    fold(
      'git.checkout',
      'git clone --depth=50 https://github.com/acme/web-frontend.git acme/web-frontend',
      "Cloning into 'acme/web-frontend'...\n",
      1,
    ),
  );
  add(
    fold(
      'nvm.install',
      'nvm install 22',
      'Downloading and installing node v22.11.0...\nNow using node v22.11.0 (npm v10.9.0)\n',
      2,
    ),
  );

  let install = '';
  for (let index = 0; index < 400; index++) {
    install += `Downloading ${index}%\rDownloading ${index + 1}%\r${CLEAR.slice(
      1,
    )}added package-${index}@1.${index % 10}.0\n`;
  }
  add(fold('install', 'npm ci', install, 3));

  let suite = 0;
  while (size < targetBytes) {
    suite += 1;
    let output = '';
    for (let test = 0; test < 200; test++) {
      const passed = (suite * 200 + test) % 97 !== 0;
      output += passed
        ? `  ${GREEN}✓${RESET} renders component ${suite}.${test} with props {"variant":"dense","items":${test}} (${
            test % 40
          } ms)\n`
        : `  ${RED}✕${RESET} computes total ${suite}.${test}: expected 1042.50 but received 1042.49 (${
            test % 40
          } ms)\n`;
    }
    const [start, end] = timer(
      100 + suite,
      1_700_000_100_000_000_000,
      1 + (suite % 9),
    );
    add(`${start}$ npx jest src/suite-${suite}\n${output}${end}\n`);
    add(`${RED}FAIL${RESET} src/suite-${suite}/index.test.tsx\n`);
  }

  add(
    `\n${RED}The command "npm test" exited with 1.${RESET}\n\nDone. Your build exited with 1.\n`,
  );
  return parts.join('');
}
